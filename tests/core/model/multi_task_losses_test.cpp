#include "core/model/internal/multi_task_losses.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>

namespace actionlens::model::internal {
namespace {

namespace F = torch::nn::functional;

TEST(MaskedCrossEntropy, IgnoresMissingLabels) {
    const torch::Tensor logits = torch::randn({5, 4});
    const torch::Tensor labels = torch::tensor({2, -1, 0, -1, 3}, torch::kInt64);
    const torch::Tensor keep = torch::tensor({0, 2, 4}, torch::kInt64);
    const torch::Tensor expected = F::cross_entropy(logits.index_select(0, keep), labels.index_select(0, keep));
    EXPECT_NEAR(maskedCrossEntropy(logits, labels).item<float>(), expected.item<float>(), 1e-6);
}

TEST(MaskedCrossEntropy, MissingRowsGetNoGradient) {
    const torch::Tensor logits = torch::randn({3, 4}, torch::requires_grad());
    maskedCrossEntropy(logits, torch::tensor({1, -1, 2}, torch::kInt64)).backward();
    EXPECT_EQ(logits.grad()[1].abs().sum().item<float>(), 0.0f);
    EXPECT_GT(logits.grad()[0].abs().sum().item<float>(), 0.0f);
}

TEST(MaskedCrossEntropy, NoLabelsGivesZeroWithoutNan) {
    const torch::Tensor logits = (torch::randn({3, 4}) * 50).requires_grad_();
    const torch::Tensor loss = maskedCrossEntropy(logits, torch::full({3}, kMissingLabel, torch::kInt64));
    EXPECT_EQ(loss.item<float>(), 0.0f);
    loss.backward();
    EXPECT_TRUE(torch::equal(logits.grad(), torch::zeros_like(logits)));
}

TEST(HierarchyConsistency, EqualsKlOfGroupedActionsAndGroups) {
    // Actions 0, 1 -> group 0; action 2 -> group 1. Action probabilities 0.5, 0.2, 0.3 sum to
    // groups q = (0.7, 0.3); the group head says p = (0.5, 0.5).
    const torch::Tensor actionLogits = torch::log(torch::tensor({0.5, 0.2, 0.3}, torch::kFloat64)).view({1, 3});
    const torch::Tensor groupLogits = torch::log(torch::tensor({0.5, 0.5}, torch::kFloat64)).view({1, 2});
    const double expected = 0.7 * std::log(0.7 / 0.5) + 0.3 * std::log(0.3 / 0.5);
    EXPECT_NEAR(hierarchyConsistencyLoss(actionLogits, groupLogits, {0, 0, 1}).item<double>(), expected, 1e-6);

    const torch::Tensor agreeing = torch::log(torch::tensor({0.7, 0.3}, torch::kFloat64)).view({1, 2});
    EXPECT_NEAR(hierarchyConsistencyLoss(actionLogits, agreeing, {0, 0, 1}).item<double>(), 0.0, 1e-6);
}

TEST(HierarchyConsistency, EmptyGroupStaysFinite) {
    const torch::Tensor actionLogits = torch::randn({2, 3}, torch::requires_grad());
    const torch::Tensor groupLogits = torch::randn({2, 3}, torch::requires_grad());
    const torch::Tensor loss = hierarchyConsistencyLoss(actionLogits, groupLogits, {0, 0, 1});  // group 2 empty
    loss.backward();
    EXPECT_TRUE(std::isfinite(loss.item<float>()));
    EXPECT_TRUE(torch::isfinite(actionLogits.grad()).all().item<bool>());
    EXPECT_TRUE(torch::isfinite(groupLogits.grad()).all().item<bool>());
}

TEST(GraphRegularisation, EqualsTheFormula) {
    const torch::Tensor actions = torch::tensor({1.0f, 0.0f, 0.0f, 1.0f, 2.0f, 2.0f}).view({3, 2});
    const torch::Tensor groups = torch::tensor({1.0f, 1.0f, 0.0f, 0.0f}).view({2, 2});
    // ||(1,0)-(1,1)||^2 + ||(0,1)-(1,1)||^2 + ||(2,2)-(0,0)||^2 = 1 + 1 + 8.
    EXPECT_FLOAT_EQ(graphRegularisation(actions, groups, {0, 0, 1}).item<float>(), 10.0f);
    // Changing the map changes which rows are compared: action 2 now against group 0.
    EXPECT_FLOAT_EQ(graphRegularisation(actions, groups, {0, 0, 0}).item<float>(), 1.0f + 1.0f + 2.0f);
}

}  // namespace
}  // namespace actionlens::model::internal
