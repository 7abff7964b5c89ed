#include "core/train/classification_metrics.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace actionlens::train;

namespace {

// Six labelled items of three classes plus one unlabelled (-1) that must change nothing.
//
//   item  truth  scores (c0, c1, c2)   argmax  rank of truth  top-2
//   0     0      0.7  0.2  0.1         0       1st            hit
//   1     0      0.3  0.6  0.1         1       2nd            hit
//   2     1      0.2  0.5  0.3         1       1st            hit
//   3     1      0.1  0.6  0.3         1       1st            hit
//   4     2      0.1  0.2  0.7         2       1st            hit
//   5     2      0.5  0.4  0.1         0       3rd            miss
//   6     -1     0.9  0.05 0.05        (ignored)
//
// accuracy 4/6, top-2 5/6. Confusion (rows truth): [1 1 0] [0 2 0] [1 0 1].
// predicted counts 2, 3, 1; support 2, 2, 2.
// precision: 1/2, 2/3, 1/1.  recall: 1/2, 2/2, 1/2.
// F1: 0.5, 2*(2/3*1)/(5/3) = 0.8, 2*(1*0.5)/1.5 = 2/3.
// macro P = (1/2 + 2/3 + 1)/3 = 13/18; macro R = 2/3; macro F1 = (15+24+20)/30/3 = 59/90.
// AUC c0: positives {.7, .3}, negatives {.2, .1, .1, .5}: .7 beats 4, .3 beats 3 -> 7/8.
// AUC c1: positives {.5, .6}, negatives {.2, .6, .2, .4}: .5 beats 3; .6 beats 3 and ties
//         one (1/2) -> 6.5/8.
// AUC c2: positives {.7, .1}, negatives {.1, .1, .3, .3}: .7 beats 4; .1 ties two -> 1
//         -> 5/8.  macro AUC = (0.875 + 0.8125 + 0.625)/3 = 2.3125/3.
const std::vector<int> kLabels = {0, 0, 1, 1, 2, 2, -1};
const std::vector<float> kScores = {0.7f, 0.2f, 0.1f,  0.3f, 0.6f,  0.1f,   //
                                    0.2f, 0.5f, 0.3f,  0.1f, 0.6f,  0.3f,   //
                                    0.1f, 0.2f, 0.7f,  0.5f, 0.4f,  0.1f,   //
                                    0.9f, 0.05f, 0.05f};

TaskMetrics handCase(int topK = 2) {
    auto result = computeTaskMetrics(kLabels, kScores, 3, topK);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error());
    return std::move(result).value();
}

}  // namespace

TEST(ClassificationMetrics, AccuracyAndTopKMatchHandComputation) {
    const TaskMetrics m = handCase();
    EXPECT_EQ(m.evaluated, 6);
    EXPECT_DOUBLE_EQ(m.accuracy, 4.0 / 6.0);
    EXPECT_EQ(m.topK, 2);
    EXPECT_DOUBLE_EQ(m.topKAccuracy, 5.0 / 6.0);
    // Top-3 of 3 classes always hits; top-1 is accuracy; k beyond the class count clamps.
    EXPECT_DOUBLE_EQ(handCase(3).topKAccuracy, 1.0);
    EXPECT_DOUBLE_EQ(handCase(1).topKAccuracy, 4.0 / 6.0);
    EXPECT_EQ(handCase(5).topK, 3);
}

TEST(ClassificationMetrics, ConfusionMatrixRowsAreTruth) {
    const TaskMetrics m = handCase();
    const std::vector<std::vector<int>> expected = {{1, 1, 0}, {0, 2, 0}, {1, 0, 1}};
    EXPECT_EQ(m.confusion, expected);
    EXPECT_EQ(m.support, (std::vector<int>{2, 2, 2}));
    EXPECT_EQ(m.predicted, (std::vector<int>{2, 3, 1}));
}

TEST(ClassificationMetrics, PrecisionRecallF1MatchHandComputation) {
    const TaskMetrics m = handCase();
    EXPECT_DOUBLE_EQ(m.precision[0], 0.5);
    EXPECT_DOUBLE_EQ(m.precision[1], 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(m.precision[2], 1.0);
    EXPECT_DOUBLE_EQ(m.recall[0], 0.5);
    EXPECT_DOUBLE_EQ(m.recall[1], 1.0);
    EXPECT_DOUBLE_EQ(m.recall[2], 0.5);
    EXPECT_DOUBLE_EQ(m.f1[0], 0.5);
    EXPECT_NEAR(m.f1[1], 0.8, 1e-12);
    EXPECT_NEAR(m.f1[2], 2.0 / 3.0, 1e-12);
    EXPECT_EQ(m.macroClassCount, 3);
    EXPECT_NEAR(m.macroPrecision, 13.0 / 18.0, 1e-12);
    EXPECT_NEAR(m.macroRecall, 2.0 / 3.0, 1e-12);
    EXPECT_NEAR(m.macroF1, 59.0 / 90.0, 1e-12);
}

TEST(ClassificationMetrics, RocAucMatchesHandComputationWithTies) {
    const TaskMetrics m = handCase();
    EXPECT_DOUBLE_EQ(m.rocAuc[0], 7.0 / 8.0);
    EXPECT_DOUBLE_EQ(m.rocAuc[1], 6.5 / 8.0);
    EXPECT_DOUBLE_EQ(m.rocAuc[2], 5.0 / 8.0);
    EXPECT_EQ(m.aucClassCount, 3);
    EXPECT_NEAR(m.macroRocAuc, 2.3125 / 3.0, 1e-12);
}

TEST(ClassificationMetrics, BinaryRocAucCountsTiesAsHalf) {
    // Positive .8 ties negative .8 (1/2) and beats .2 (1); positive .4 beats .2 only: 2.5 / 4.
    EXPECT_DOUBLE_EQ(binaryRocAuc({true, false, true, false}, {0.8, 0.8, 0.4, 0.2}), 0.625);
    // All scores equal: every pair is a tie.
    EXPECT_DOUBLE_EQ(binaryRocAuc({true, false, false}, {1.0, 1.0, 1.0}), 0.5);
    EXPECT_DOUBLE_EQ(binaryRocAuc({false, true}, {0.1, 0.9}), 1.0);
    EXPECT_DOUBLE_EQ(binaryRocAuc({true, false}, {0.1, 0.9}), 0.0);
    EXPECT_TRUE(std::isnan(binaryRocAuc({true, true}, {0.1, 0.9})));
    EXPECT_TRUE(std::isnan(binaryRocAuc({false, false}, {0.1, 0.9})));
}

TEST(ClassificationMetrics, MissingLabelsAreIgnored) {
    const std::vector<int> labelled(kLabels.begin(), kLabels.end() - 1);
    const std::vector<float> labelledScores(kScores.begin(), kScores.end() - 3);
    const TaskMetrics without = computeTaskMetrics(labelled, labelledScores, 3, 2).value();
    const TaskMetrics with = handCase();
    EXPECT_EQ(with.confusion, without.confusion);
    EXPECT_DOUBLE_EQ(with.accuracy, without.accuracy);
    EXPECT_DOUBLE_EQ(with.macroF1, without.macroF1);
    EXPECT_DOUBLE_EQ(with.macroRocAuc, without.macroRocAuc);

    const TaskMetrics none = computeTaskMetrics({-1, -1}, {0.5f, 0.5f, 0.2f, 0.8f}, 2).value();
    EXPECT_EQ(none.evaluated, 0);
    EXPECT_DOUBLE_EQ(none.accuracy, 0.0);
    EXPECT_EQ(none.macroClassCount, 0);
    EXPECT_TRUE(std::isnan(none.macroRocAuc));
}

TEST(ClassificationMetrics, AbsentClassesLeaveTheMacroAveragesAndAuc) {
    // Four classes; class 2 is predicted once but never true, class 3 is neither.
    //   truth 0: scores (.6 .2 .1 .1) -> 0    truth 0: (.3 .5 .1 .1) -> 1
    //   truth 1: (.1 .7 .1 .1) -> 1           truth 1: (.1 .2 .6 .1) -> 2
    // precision 1/1, 1/2, 0 (never right), -; recall 1/2, 1/2, 0 (zero division), -.
    // F1 0.5*2/1.5 = 2/3, 1/2, 0. Macro over 3 classes: P = 1.5/3, R = 1/3, F1 = (7/6)/3.
    // AUC c0: positives {.6, .3}, negatives {.1, .1}: 1. c1: positives {.7, .2}, negatives
    // {.2, .5}: .7 beats 2, .2 ties .2 (1/2) -> 2.5/4. c2, c3: no positives -> skipped.
    const std::vector<int> labels = {0, 0, 1, 1};
    const std::vector<float> scores = {0.6f, 0.2f, 0.1f, 0.1f, 0.3f, 0.5f, 0.1f, 0.1f,
                                       0.1f, 0.7f, 0.1f, 0.1f, 0.1f, 0.2f, 0.6f, 0.1f};
    const TaskMetrics m = computeTaskMetrics(labels, scores, 4, 1).value();
    EXPECT_EQ(m.macroClassCount, 3);
    EXPECT_DOUBLE_EQ(m.precision[2], 0.0);
    EXPECT_DOUBLE_EQ(m.recall[2], 0.0);
    EXPECT_DOUBLE_EQ(m.f1[2], 0.0);
    EXPECT_NEAR(m.macroPrecision, 0.5, 1e-12);
    EXPECT_NEAR(m.macroRecall, 1.0 / 3.0, 1e-12);
    EXPECT_NEAR(m.macroF1, 7.0 / 18.0, 1e-12);
    EXPECT_DOUBLE_EQ(m.rocAuc[0], 1.0);
    EXPECT_DOUBLE_EQ(m.rocAuc[1], 0.625);
    EXPECT_TRUE(std::isnan(m.rocAuc[2]));
    EXPECT_TRUE(std::isnan(m.rocAuc[3]));
    EXPECT_EQ(m.aucClassCount, 2);
    EXPECT_DOUBLE_EQ(m.macroRocAuc, (1.0 + 0.625) / 2.0);
}

TEST(ClassificationMetrics, RejectsMalformedInputWithAMessage) {
    auto wrongSize = computeTaskMetrics({0, 1}, {0.5f, 0.5f, 0.5f}, 2);
    ASSERT_FALSE(wrongSize.ok());
    EXPECT_NE(wrongSize.error().find("expected 2 x 2 = 4"), std::string::npos);
    auto badLabel = computeTaskMetrics({0, 2}, {0.5f, 0.5f, 0.5f, 0.5f}, 2);
    ASSERT_FALSE(badLabel.ok());
    EXPECT_NE(badLabel.error().find("item 1: label 2"), std::string::npos);
    auto nanScore = computeTaskMetrics({0}, {std::nanf(""), 0.5f}, 2);
    ASSERT_FALSE(nanScore.ok());
    EXPECT_NE(nanScore.error().find("not finite"), std::string::npos);
    EXPECT_FALSE(computeTaskMetrics({0}, {1.0f}, 1, 0).ok());
    EXPECT_FALSE(computeTaskMetrics({}, {}, 0).ok());
}

TEST(ClassificationMetrics, JsonHoldsTheValuesEscapedAndNaNAsNull) {
    const TaskMetrics m = computeTaskMetrics({0, 0}, {0.9f, 0.1f, 0.8f, 0.2f}, 2, 1).value();
    const std::string json = taskMetricsToJson(m, "act\"ion\\\n", {"walk", "run\t"});
    EXPECT_EQ(json.rfind("{\"task\": \"act\\\"ion\\\\\\n\", \"classes\": 2, \"evaluated\": 2, "
                         "\"accuracy\": 1, \"top_k\": 1, \"top_k_accuracy\": 1, ",
                         0),
              0u)
        << json;
    EXPECT_NE(json.find("\"macro_roc_auc\": null"), std::string::npos) << json;
    EXPECT_NE(json.find("{\"class\": 1, \"name\": \"run\\t\", \"support\": 0, \"predicted\": 0"),
              std::string::npos)
        << json;
    EXPECT_NE(json.find("\"confusion\": [[2, 0], [0, 0]]}"), std::string::npos) << json;
}
