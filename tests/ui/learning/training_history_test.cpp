// TrainingHistory: a stored run's per-epoch history read with Qt's JSON (task order kept, null
// as NaN), live steps and epochs, and the smoothing of the dashboard's slider.

#include "ui/learning/training_history.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace actionlens::ui;

namespace {

// As core/train's epochReportToJson writes it: tasks in the model's order, not alphabetical.
const char* kHistory = R"([
 {"epoch": 1, "learning_rate": 0.001, "train_loss": 3.5, "validation_loss": 3.2, "score": 0.2, "best": true, "seconds": 2,
  "clips_per_second": 120, "tasks": {"viewpoint": {"train_loss": 1.5, "weight": 1, "validation_accuracy": 0.25},
                                     "action": {"train_loss": 2.0, "weight": 1, "validation_accuracy": null}}},
 {"epoch": 2, "learning_rate": 0.002, "train_loss": 2.5, "validation_loss": 2.9, "score": 0.4, "best": true, "seconds": 2,
  "clips_per_second": 130, "tasks": {"viewpoint": {"train_loss": 1.0, "weight": 0.8, "validation_accuracy": 0.5},
                                     "action": {"train_loss": 1.5, "weight": 1.2, "validation_accuracy": 0.3}}},
 {"epoch": 3, "learning_rate": 0.001, "train_loss": 2.4, "validation_loss": 3.0, "score": 0.3, "best": false, "seconds": 2,
  "clips_per_second": 125, "tasks": {"viewpoint": {"train_loss": 0.9, "weight": 0.7, "validation_accuracy": 0.4},
                                     "action": {"train_loss": 1.5, "weight": 1.3, "validation_accuracy": 0.2}}}
])";

}  // namespace

TEST(TrainingHistory, ReadsAStoredRunInTheModelsTaskOrder) {
    auto history = TrainingHistory::fromJson(kHistory);
    ASSERT_TRUE(history.ok()) << history.error();
    ASSERT_EQ(history->tasks(), (QStringList{QStringLiteral("viewpoint"), QStringLiteral("action")}));
    ASSERT_EQ(history->epochs().size(), 3u);
    const EpochPoint& first = history->epochs()[0];
    EXPECT_EQ(first.epoch, 1);
    EXPECT_DOUBLE_EQ(first.trainLoss, 3.5);
    EXPECT_DOUBLE_EQ(first.taskTrainLoss[0], 1.5);  // viewpoint
    EXPECT_DOUBLE_EQ(first.taskTrainLoss[1], 2.0);  // action
    EXPECT_TRUE(std::isnan(first.taskValidationAccuracy[1])) << "null: nothing validated";
    EXPECT_DOUBLE_EQ(history->epochs()[1].taskWeight[0], 0.8);
    EXPECT_EQ(history->bestEpoch(), 2);
}

TEST(TrainingHistory, DamagedHistoriesAreNamed) {
    EXPECT_FALSE(TrainingHistory::fromJson("{").ok());
    EXPECT_FALSE(TrainingHistory::fromJson(R"({"epoch": 1})").ok()) << "not a list";
    auto missing = TrainingHistory::fromJson(R"([{"epoch": 1, "learning_rate": 0.1, "tasks": {}}])");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().find("train_loss"), std::string::npos) << missing.error();
    auto empty = TrainingHistory::fromJson("[]");
    ASSERT_TRUE(empty.ok());
    EXPECT_TRUE(empty->epochs().empty());
    EXPECT_EQ(empty->bestEpoch(), 0);
}

TEST(TrainingHistory, LiveStepsBelongToTheirEpochAndEpochsReplaceTheirNumber) {
    TrainingHistory history({QStringLiteral("action")});
    history.addStep(1, 1, 4, 2.0);
    history.addStep(1, 2, 4, 1.8);
    EXPECT_EQ(history.stepLosses().size(), 2u);
    history.addStep(2, 1, 4, 1.5);
    ASSERT_EQ(history.stepLosses().size(), 1u) << "a new epoch starts a new step curve";
    EXPECT_EQ(history.stepEpoch(), 2);
    EXPECT_EQ(history.stepsPerEpoch(), 4);
    EpochPoint a;
    a.epoch = 2;
    a.trainLoss = 1.0;
    EpochPoint b;
    b.epoch = 1;
    b.trainLoss = 2.0;
    history.addEpoch(a);
    history.addEpoch(b);
    ASSERT_EQ(history.epochs().size(), 2u);
    EXPECT_EQ(history.epochs()[0].epoch, 1) << "kept in epoch order";
    a.trainLoss = 0.5;
    history.addEpoch(a);  // a resumed run reports epoch 2 again
    ASSERT_EQ(history.epochs().size(), 2u);
    EXPECT_DOUBLE_EQ(history.epochs()[1].trainLoss, 0.5);
}

TEST(TrainingHistory, SmoothingIsAnExponentialAverageThatSkipsGaps) {
    const std::vector<double> values{1.0, NAN, 3.0, 3.0};
    const std::vector<double> none = smoothed(values, 0.0);
    EXPECT_DOUBLE_EQ(none[0], 1.0);
    EXPECT_DOUBLE_EQ(none[2], 3.0);
    const std::vector<double> half = smoothed(values, 0.5);
    EXPECT_DOUBLE_EQ(half[0], 1.0);
    EXPECT_TRUE(std::isnan(half[1]));
    EXPECT_DOUBLE_EQ(half[2], 2.0);  // 0.5 * 1 + 0.5 * 3: the gap did not reset the average
    EXPECT_DOUBLE_EQ(half[3], 2.5);
}
