#include "core/model/loss_weighting.h"

#include <gtest/gtest.h>

#include <cmath>

namespace actionlens::model {
namespace {

TEST(DynamicWeightAverage, EqualsTheFormula) {
    const std::vector<double> previous = {0.5, 1.0, 3.0};
    const std::vector<double> before = {1.0, 1.0, 2.0};
    const double temperature = 2.0;
    // r = 0.5, 1.0, 1.5; w_t = 3 exp(r_t / 2) / sum exp(r_i / 2).
    const double e0 = std::exp(0.25), e1 = std::exp(0.5), e2 = std::exp(0.75);
    const double sum = e0 + e1 + e2;
    const std::vector<double> w = dynamicWeightAverage(previous, before, temperature);
    ASSERT_EQ(w.size(), 3u);
    EXPECT_NEAR(w[0], 3 * e0 / sum, 1e-12);
    EXPECT_NEAR(w[1], 3 * e1 / sum, 1e-12);
    EXPECT_NEAR(w[2], 3 * e2 / sum, 1e-12);
    // The task whose loss fell fastest (task 0) gets the least weight.
    EXPECT_LT(w[0], w[1]);
    EXPECT_LT(w[1], w[2]);
}

TEST(DynamicWeightAverage, TinyTemperatureStaysFinite) {
    const std::vector<double> w = dynamicWeightAverage({2.0, 1.0}, {1.0, 1.0}, 1e-4);
    EXPECT_NEAR(w[0], 2.0, 1e-9);
    EXPECT_NEAR(w[1], 0.0, 1e-9);
}

TEST(DynamicWeightAverage, HistoryGivesEqualWeightsUntilTwoEpochs) {
    DwaHistory history(2, 1.0);
    EXPECT_EQ(history.weights(), (std::vector<double>{1.0, 1.0}));
    history.recordEpoch({4.0, 4.0});
    EXPECT_EQ(history.weights(), (std::vector<double>{1.0, 1.0}));
    history.recordEpoch({2.0, 4.0});
    history.recordEpoch({1.0, 4.0});  // uses the last two: r = 0.5, 1.0
    const std::vector<double> w = history.weights();
    const double a = std::exp(0.5), b = std::exp(1.0);
    EXPECT_NEAR(w[0], 2 * a / (a + b), 1e-12);
    EXPECT_NEAR(w[1], 2 * b / (a + b), 1e-12);
    EXPECT_EQ(history.epochsRecorded(), 3);
}

TEST(DwaHistory, StateRestoresTheSameWeights) {
    DwaHistory history(2, 1.0);
    history.recordEpoch({1.0, 2.0});
    DwaHistory oneEpoch(2, 1.0);
    ASSERT_TRUE(oneEpoch.restore(history.state()));
    EXPECT_EQ(oneEpoch.epochsRecorded(), 1);
    history.recordEpoch({0.5, 1.8});
    oneEpoch.recordEpoch({0.5, 1.8});
    EXPECT_EQ(oneEpoch.weights(), history.weights());
    DwaHistory copy(2, 1.0);
    ASSERT_TRUE(copy.restore(history.state()));
    EXPECT_EQ(copy.weights(), history.weights());
    EXPECT_NE(copy.weights(), std::vector<double>(2, 1.0));
    EXPECT_FALSE(copy.restore({1.0, 2.0}));  // wrong size for two tasks
}

TEST(WeightingConfig, Validation) {
    EXPECT_TRUE(validateWeightingConfig({}, 3).ok());
    WeightingConfig fixed{WeightingStrategy::Fixed, {1.0, 0.5}, 2.0};
    const Status wrongCount = validateWeightingConfig(fixed, 3);
    ASSERT_FALSE(wrongCount.ok());
    EXPECT_NE(wrongCount.error().find("2 weights for 3 tasks"), std::string::npos) << wrongCount.error();
    fixed.fixedWeights = {1.0, -0.5, 1.0};
    EXPECT_FALSE(validateWeightingConfig(fixed, 3).ok());
    EXPECT_FALSE(validateWeightingConfig({WeightingStrategy::DynamicWeightAverage, {}, 0.0}, 3).ok());
}

}  // namespace
}  // namespace actionlens::model
