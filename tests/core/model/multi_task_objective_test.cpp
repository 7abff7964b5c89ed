#include "core/model/internal/multi_task_objective.h"

#include "core/model/internal/multi_task_losses.h"
#include "model_fixtures.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>

namespace actionlens::model::internal {
namespace {

struct SmallNetwork {
    ModelConfig config = testing::tinyConfig();
    MultiTaskNetwork network{nullptr};
    SmallNetwork() {
        const Result<SkeletonGraph> graph = SkeletonGraph::build(config.layout);
        network = MultiTaskNetwork(config, graph.value());
    }
};

std::vector<torch::Tensor> labels(std::vector<int64_t> action, std::vector<int64_t> group,
                                  std::vector<int64_t> viewpoint) {
    return {torch::tensor(action), torch::tensor(group), torch::tensor(viewpoint)};
}

TEST(MultiTaskObjective, HeadWithoutLabelsGetsExactlyZeroGradient) {
    SmallNetwork s;
    MultiTaskObjective objective(s.config, ObjectiveConfig{});
    const NetworkOutput out = s.network->forward(torch::randn({4, 3, 6, 5}));
    const ObjectiveTerms terms = objective->forward(out, labels({0, 1, 2, 3}, {0, 0, 1, 1}, {-1, -1, -1, -1}),
                                                    *s.network);
    EXPECT_EQ(terms.labelled, (std::vector<bool>{true, true, false}));
    EXPECT_EQ(terms.taskLosses[2].item<float>(), 0.0f);
    // The masked loss itself is still connected to the head, with an exactly zero gradient...
    const std::vector<torch::Tensor> headParameters = s.network->head(2)->parameters();
    const std::vector<torch::Tensor> maskedGradients = torch::autograd::grad(
        {terms.taskLosses[2]}, headParameters, {}, /*retain_graph=*/true, /*create_graph=*/false,
        /*allow_unused=*/true);
    int connected = 0;
    for (const torch::Tensor& g : maskedGradients) {
        if (!g.defined()) continue;
        ++connected;
        EXPECT_TRUE(torch::equal(g, torch::zeros_like(g))) << g.sizes();
    }
    EXPECT_GT(connected, 0);
    // ...and the total leaves the head untouched.
    terms.total.backward();
    for (const torch::Tensor& p : headParameters) {
        if (p.grad().defined()) {
            EXPECT_TRUE(torch::equal(p.grad(), torch::zeros_like(p))) << p.sizes();
        }
    }
    double labelledHeadGradient = 0.0;
    for (const torch::Tensor& p : s.network->head(0)->parameters())
        labelledHeadGradient += p.grad().abs().sum().item<double>();
    EXPECT_GT(labelledHeadGradient, 0.0);
}

TEST(MultiTaskObjective, FixedWeightsAndHierarchyTermsAddUp) {
    SmallNetwork s;
    ObjectiveConfig config;
    config.weighting = {WeightingStrategy::Fixed, {2.0, 0.5, 0.0}, 2.0};
    config.hierarchy = TaskHierarchy{"action", "group", {0, 0, 1, 1}, 2};
    config.consistencyWeight = 0.3;
    config.graphRegularisationWeight = 0.01;
    ASSERT_TRUE(validateObjectiveConfig(config, s.config).ok());
    MultiTaskObjective objective(s.config, config);
    const NetworkOutput out = s.network->forward(torch::randn({4, 3, 6, 5}));
    const ObjectiveTerms t = objective->forward(out, labels({0, -1, 2, 3}, {0, 0, 1, -1}, {1, 0, 1, 0}), *s.network);
    const double expected = 2.0 * t.taskLosses[0].item<double>() + 0.5 * t.taskLosses[1].item<double>() +
                            0.3 * t.consistency.item<double>() + 0.01 * t.graphPenalty.item<double>();
    EXPECT_NEAR(t.total.item<double>(), expected, 1e-5);
    EXPECT_GT(t.consistency.item<double>(), 0.0);
    const double penalty = graphRegularisation(s.network->head(0)->classifier->weight,
                                               s.network->head(1)->classifier->weight, {0, 0, 1, 1}).item<double>();
    EXPECT_NEAR(t.graphPenalty.item<double>(), penalty, 1e-6);
}

TEST(MultiTaskObjective, UncertaintyWeightingFollowsKendall) {
    SmallNetwork s;
    ObjectiveConfig config;
    config.weighting.strategy = WeightingStrategy::Uncertainty;
    MultiTaskObjective objective(s.config, config);
    {
        torch::NoGradGuard noGrad;
        objective->named_parameters()["log_variances"].copy_(torch::tensor({0.5f, -1.0f, 2.0f}));
    }
    const NetworkOutput out = s.network->forward(torch::randn({4, 3, 6, 5}));
    // Viewpoint has no labels: neither its loss nor its s_t enters the total.
    const ObjectiveTerms t = objective->forward(out, labels({0, 1, 2, 3}, {0, 0, 1, 1}, {-1, -1, -1, -1}), *s.network);
    const double expected = std::exp(-0.5) * t.taskLosses[0].item<double>() + 0.5 +
                            std::exp(1.0) * t.taskLosses[1].item<double>() - 1.0;
    EXPECT_NEAR(t.total.item<double>(), expected, 1e-5);
    const std::vector<double> w = objective->taskWeights();
    EXPECT_NEAR(w[0], std::exp(-0.5), 1e-6);
    EXPECT_NEAR(w[2], std::exp(-2.0), 1e-6);
}

TEST(MultiTaskObjective, UncertaintyLogVariancesAreLearnt) {
    SmallNetwork s;
    ObjectiveConfig config;
    config.weighting.strategy = WeightingStrategy::Uncertainty;
    MultiTaskObjective objective(s.config, config);
    EXPECT_EQ(objective->logVariances(), (std::vector<double>{0.0, 0.0, 0.0}));
    std::vector<torch::Tensor> parameters = s.network->parameters();
    for (const torch::Tensor& p : objective->parameters()) parameters.push_back(p);
    torch::optim::AdamW optimiser(parameters, torch::optim::AdamWOptions(0.05));
    const torch::Tensor x = torch::randn({8, 3, 6, 5});
    const auto y = labels({0, 1, 2, 3, 0, 1, 2, 3}, {0, 0, 1, 1, 0, 0, 1, 1}, {0, 1, 0, 1, 1, 0, 1, 0});
    for (int step = 0; step < 5; ++step) {
        optimiser.zero_grad();
        objective->forward(s.network->forward(x), y, *s.network).total.backward();
        optimiser.step();
    }
    for (double v : objective->logVariances()) EXPECT_GT(std::abs(v), 0.05) << "log-variance did not move";
}

TEST(MultiTaskObjective, GradNormWeightsAreLearntAndSumToTaskCount) {
    SmallNetwork s;
    ObjectiveConfig config;
    config.weighting.strategy = WeightingStrategy::GradNorm;
    config.weighting.gradNormAlpha = 1.5;
    MultiTaskObjective objective(s.config, config);
    std::vector<torch::Tensor> parameters = s.network->parameters();
    for (const torch::Tensor& p : objective->parameters()) parameters.push_back(p);
    torch::optim::AdamW optimiser(parameters, torch::optim::AdamWOptions(0.05));
    const torch::Tensor x = torch::randn({8, 3, 6, 5});
    const auto y = labels({0, 1, 2, 3, 0, 1, 2, 3}, {0, 0, 1, 1, 0, 0, 1, 1}, {0, 1, 0, 1, 1, 0, 1, 0});
    for (int step = 0; step < 5; ++step) {
        optimiser.zero_grad();
        const ObjectiveTerms terms = objective->forward(s.network->forward(x), y, *s.network);
        // The weights enter the total detached: it alone would leave them untouched.
        if (step == 0) {
            const std::vector<double> w = objective->taskWeights();
            double expected = 0.0;
            for (int k = 0; k < 3; ++k) expected += w[size_t(k)] * terms.taskLosses[size_t(k)].item<double>();
            EXPECT_NEAR(terms.total.item<double>(), expected, 1e-5);
        }
        objective->backward(terms, *s.network);
        optimiser.step();
        objective->afterOptimiserStep();
    }
    const std::vector<double> w = objective->taskWeights();
    EXPECT_NEAR(w[0] + w[1] + w[2], 3.0, 1e-4);
    double moved = 0.0;
    for (double v : w) moved += std::abs(v - 1.0);
    EXPECT_GT(moved, 0.01) << "GradNorm weights did not move";
}

TEST(MultiTaskObjective, DwaWeightsApplyAfterTwoEpochs) {
    SmallNetwork s;
    ObjectiveConfig config;
    config.weighting = {WeightingStrategy::DynamicWeightAverage, {}, 1.0};
    MultiTaskObjective objective(s.config, config);
    EXPECT_EQ(objective->taskWeights(), (std::vector<double>{1.0, 1.0, 1.0}));
    objective->recordEpoch({1.0, 1.0, 1.0});
    objective->recordEpoch({0.5, 1.0, 2.0});
    const std::vector<double> expected = dynamicWeightAverage({0.5, 1.0, 2.0}, {1.0, 1.0, 1.0}, 1.0);
    EXPECT_EQ(objective->taskWeights(), expected);
    const NetworkOutput out = s.network->forward(torch::randn({4, 3, 6, 5}));
    const ObjectiveTerms t = objective->forward(out, labels({0, 1, 2, 3}, {0, 0, 1, 1}, {0, 1, 0, 1}), *s.network);
    double sum = 0.0;
    for (int k = 0; k < 3; ++k) sum += expected[size_t(k)] * t.taskLosses[size_t(k)].item<double>();
    EXPECT_NEAR(t.total.item<double>(), sum, 1e-5);
}

TEST(ObjectiveConfig, Validation) {
    const ModelConfig model = testing::tinyConfig();
    ObjectiveConfig config;
    config.consistencyWeight = 1.0;
    EXPECT_FALSE(validateObjectiveConfig(config, model).ok());  // no hierarchy
    config.hierarchy = TaskHierarchy{"action", "colour", {0, 0, 1, 1}, 2};
    const Status missingTask = validateObjectiveConfig(config, model);
    ASSERT_FALSE(missingTask.ok());
    EXPECT_NE(missingTask.error().find("'colour'"), std::string::npos) << missingTask.error();
    config.hierarchy->groupTask = "group";
    EXPECT_TRUE(validateObjectiveConfig(config, model).ok());
}

}  // namespace
}  // namespace actionlens::model::internal
