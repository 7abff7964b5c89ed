#include "core/train/evaluation.h"

#include "core/train/trainer.h"
#include "train_fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace actionlens::train {
namespace {

int argmax(const std::vector<float>& p, size_t row, int classes) {
    const auto begin = p.begin() + long(row) * classes;
    return int(std::max_element(begin, begin + classes) - begin);
}

TEST(Evaluation, HierarchyFiguresFollowFromTheHeadsProbabilities) {
    const LabelledDataset data = testing::motionDataset(2);
    TrainConfig config = testing::tinyTrainConfig();
    config.epochs = 3;
    Result<TrainingOutcome> trained = trainModel(TrainingRequest{&data, testing::allItems(data), {}, config, "", "", 0});
    ASSERT_TRUE(trained.ok()) << trained.error();
    const std::vector<int> items{0, 3, 4, 6, 7};
    Result<EvaluationReport> report = evaluateModel(*trained->model, trained->snapshot, data, items, 2);
    ASSERT_TRUE(report.ok()) << report.error();
    EXPECT_EQ(report->clips, 5);
    ASSERT_EQ(report->tasks.size(), 3u);
    const TaskEvaluation& action = report->tasks[0];
    const TaskEvaluation& group = report->tasks[1];
    ASSERT_EQ(action.probabilities.size(), 5u * 4);
    int inconsistent = 0, correctGroup = 0, correctAction = 0;
    for (size_t i = 0; i < items.size(); ++i) {
        const int a = argmax(action.probabilities, i, 4), g = argmax(group.probabilities, i, 2);
        inconsistent += data.hierarchy->groupOfAction[size_t(a)] != g;
        correctGroup += data.hierarchy->groupOfAction[size_t(a)] == data.clips[size_t(items[i])].labels[1];
        correctAction += a == data.clips[size_t(items[i])].labels[0];
        EXPECT_EQ(action.labels[i], data.clips[size_t(items[i])].labels[0]);
    }
    EXPECT_DOUBLE_EQ(*report->inconsistentRate, inconsistent / 5.0);
    EXPECT_DOUBLE_EQ(*report->consistentGroupAccuracy, correctGroup / 5.0);
    EXPECT_DOUBLE_EQ(action.metrics.accuracy, correctAction / 5.0);
    const nlohmann::ordered_json json = evaluationToJson(report.value());
    EXPECT_EQ(json.at("clips").get<double>(), 5.0);
    EXPECT_EQ(json.at("tasks").at("viewpoint").at("classes").get<double>(), 2.0);
}

TEST(Evaluation, RefusesNoItemsAndOtherSkeletons) {
    const LabelledDataset data = testing::motionDataset(1);
    TrainConfig config = testing::tinyTrainConfig();
    config.epochs = 1;
    Result<TrainingOutcome> trained = trainModel(TrainingRequest{&data, testing::allItems(data), {}, config, "", "", 0});
    ASSERT_TRUE(trained.ok()) << trained.error();
    EXPECT_FALSE(evaluateModel(*trained->model, trained->snapshot, data, {}).ok());
    Result<EvaluationReport> outside = evaluateModel(*trained->model, trained->snapshot, data, {0, 4});
    ASSERT_FALSE(outside.ok());
    EXPECT_EQ(outside.error(), "item 4 is not a clip of the dataset (4 clips)");
    LabelledDataset other = data;
    other.layout.jointCount = 7;
    other.layoutName = "seven";
    Result<EvaluationReport> wrong = evaluateModel(*trained->model, trained->snapshot, other, {0});
    ASSERT_FALSE(wrong.ok());
    EXPECT_NE(wrong.error().find("7 joints (seven), the model reads 5"), std::string::npos) << wrong.error();
}

}  // namespace
}  // namespace actionlens::train
