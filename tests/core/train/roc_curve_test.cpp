// rocCurve: the points of a one-vs-rest ROC curve; their area is the exact AUC.

#include "core/train/classification_metrics.h"
#include "core/train/roc_curve.h"

#include <gtest/gtest.h>

using namespace actionlens::train;

namespace {

double area(const std::vector<RocPoint>& curve) {
    double a = 0;
    for (size_t i = 1; i < curve.size(); ++i)
        a += (curve[i].falsePositiveRate - curve[i - 1].falsePositiveRate) * (curve[i].truePositiveRate + curve[i - 1].truePositiveRate) / 2;
    return a;
}

}  // namespace

TEST(RocCurve, APerfectRankingGoesUpThenAcross) {
    const auto curve = rocCurve({true, true, false, false}, {0.9, 0.8, 0.3, 0.1});
    ASSERT_EQ(curve.size(), 5u);
    EXPECT_DOUBLE_EQ(curve[2].truePositiveRate, 1.0);
    EXPECT_DOUBLE_EQ(curve[2].falsePositiveRate, 0.0);
    EXPECT_DOUBLE_EQ(curve.back().falsePositiveRate, 1.0);
    EXPECT_DOUBLE_EQ(area(curve), 1.0);
}

TEST(RocCurve, TiesMoveBothRatesAtOnceAndTheAreaIsTheExactAuc) {
    const std::vector<bool> positive{true, false, true, false, true, false, false};
    const std::vector<double> scores{0.7, 0.7, 0.5, 0.4, 0.4, 0.4, 0.1};
    const auto curve = rocCurve(positive, scores);
    ASSERT_EQ(curve.size(), 5u) << "one point per distinct score, plus the origin";
    EXPECT_NEAR(area(curve), binaryRocAuc(positive, scores), 1e-12);
    EXPECT_DOUBLE_EQ(curve.back().truePositiveRate, 1.0);
}

TEST(RocCurve, NoCurveWithoutBothKinds) {
    EXPECT_TRUE(rocCurve({true, true}, {0.2, 0.4}).empty());
    EXPECT_TRUE(rocCurve({false}, {0.2}).empty());
    EXPECT_TRUE(rocCurve({}, {}).empty());
}
