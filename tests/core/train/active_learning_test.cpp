#include "core/train/active_learning.h"

#include "tests/core/train/train_fixtures.h"

#include <gtest/gtest.h>

#include <cmath>

namespace actionlens::train {
namespace {

TEST(ActiveLearning, UncertaintyOfAnAnswer) {
    EXPECT_NEAR(answerUncertainty({0.5f, 0.5f}, UncertaintyMeasure::Entropy), 1.0, 1e-6);
    EXPECT_NEAR(answerUncertainty({1.0f, 0.0f, 0.0f}, UncertaintyMeasure::Entropy), 0.0, 1e-9);
    EXPECT_NEAR(answerUncertainty({0.25f, 0.25f, 0.25f, 0.25f}, UncertaintyMeasure::Entropy), 1.0, 1e-6);
    EXPECT_NEAR(answerUncertainty({0.7f, 0.2f, 0.1f}, UncertaintyMeasure::Margin), 0.5, 1e-6);
    EXPECT_NEAR(answerUncertainty({0.1f, 0.45f, 0.45f}, UncertaintyMeasure::Margin), 1.0, 1e-6);
    EXPECT_DOUBLE_EQ(answerUncertainty({1.0f}, UncertaintyMeasure::Entropy), 0.0);
    UncertaintyMeasure m;
    EXPECT_TRUE(uncertaintyMeasureFromName("margin", &m));
    EXPECT_EQ(m, UncertaintyMeasure::Margin);
    EXPECT_FALSE(uncertaintyMeasureFromName("variance", &m));
}

TEST(ActiveLearning, TheMostUncertainFirstOnePerVideoBeforeASecond) {
    const std::vector<int> candidates{10, 11, 12, 13, 14};
    const std::vector<double> uncertainty{0.2, 0.9, 0.8, 0.1, 0.85};
    EXPECT_EQ(chooseForLabelling(candidates, uncertainty, 3), (std::vector<int>{11, 14, 12}));
    // 11, 12 and 14 share a video: its best (11) first, then the other videos' best, then 14.
    const std::vector<std::string> videos{"a", "v", "v", "b", "v"};
    EXPECT_EQ(chooseForLabelling(candidates, uncertainty, 4, videos), (std::vector<int>{11, 10, 13, 14}));
    EXPECT_EQ(chooseForLabelling(candidates, uncertainty, 9, videos).size(), 5u) << "no more than there are";
}

TEST(ActiveLearning, SimulationGivesBothCurvesFromOneStart) {
    const LabelledDataset data = testing::motionDataset(12, 3);
    ActiveLearningOptions options;
    options.config = testing::tinyTrainConfig();
    options.config.epochs = 2;
    options.config.validationFraction = 0.0;
    options.startClips = 8;
    options.batchClips = 6;
    options.rounds = 2;
    options.heldOutFraction = 0.25;
    int progress = 0;
    ActiveLearningCallbacks callbacks;
    callbacks.progress = [&](int done, int total) {
        EXPECT_EQ(total, 6);
        progress = done;
    };
    Result<ActiveLearningReport> report = simulateActiveLearning(data, testing::allItems(data), options, callbacks);
    ASSERT_TRUE(report.ok()) << report.error();
    EXPECT_EQ(progress, 6);
    EXPECT_EQ(report->heldOutClips, 12);
    EXPECT_EQ(report->poolClips, 36);
    ASSERT_EQ(report->curves.size(), 2u);
    EXPECT_EQ(report->curves[0].strategy, "uncertainty");
    EXPECT_EQ(report->curves[1].strategy, "random");
    for (const ActiveLearningCurve& c : report->curves) {
        ASSERT_EQ(c.points.size(), 3u);
        EXPECT_EQ(c.points[0].labelledClips, 8);
        EXPECT_EQ(c.points[2].labelledClips, 20);
        ASSERT_EQ(c.points[0].accuracy.size(), 3u);
        for (const ActiveLearningPoint& p : c.points) EXPECT_GE(p.accuracy[0], 0.0);
    }
    // The same start and seed: the first models are the same.
    EXPECT_DOUBLE_EQ(report->curves[0].points[0].accuracy[0], report->curves[1].points[0].accuracy[0]);
    const nlohmann::ordered_json json = activeLearningToJson(report.value(), options);
    EXPECT_EQ(json["curves"]["random"].size(), 3u);
    EXPECT_EQ(json["curves"]["uncertainty"][2]["labelled_clips"], 20);
    EXPECT_TRUE(json["curves"]["uncertainty"][0]["accuracy"].contains("action"));

    // All of each batch at random: the uncertainty strategy labels what the random one does.
    options.randomShare = 1.0;
    Result<ActiveLearningReport> allRandom = simulateActiveLearning(data, testing::allItems(data), options);
    ASSERT_TRUE(allRandom.ok()) << allRandom.error();
    for (size_t p = 0; p < 3; ++p)
        EXPECT_EQ(allRandom->curves[0].points[p].accuracy, allRandom->curves[1].points[p].accuracy) << "point " << p;
    options.randomShare = 0.0;

    options.rounds = 10;
    Result<ActiveLearningReport> tooFew = simulateActiveLearning(data, testing::allItems(data), options);
    ASSERT_FALSE(tooFew.ok());
    EXPECT_NE(tooFew.error().find("the pool has 36 clips"), std::string::npos) << tooFew.error();
}

}  // namespace
}  // namespace actionlens::train
