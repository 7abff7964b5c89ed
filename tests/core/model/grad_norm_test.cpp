#include "core/model/internal/grad_norm.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cmath>

namespace actionlens::model::internal {
namespace {

TEST(GradNorm, BalanceLossEqualsTheFormula) {
    // Shared W = (1, 1); L1 = c1 * sum(W), L2 = c2 * sum(W): grad_W (w_t L_t) = w_t c_t (1, 1),
    // so G_t = w_t c_t sqrt(2).
    const double root2 = std::sqrt(2.0);
    GradNorm gradNorm(2, 1.0);
    const torch::Tensor w = torch::ones({2}, torch::requires_grad());

    // First call: the losses are their own initial losses, r = 1, target = mean G = 2 sqrt(2).
    torch::Tensor balance = gradNorm->balanceLoss({3 * w.sum(), 1 * w.sum()}, {true, true}, w);
    EXPECT_NEAR(balance.item<double>(), (3 - 2) * root2 + (2 - 1) * root2, 1e-5);
    const torch::Tensor grad = torch::autograd::grad({balance}, {gradNorm->weights})[0];
    // d|G1 - target| / dw1 = +3 sqrt(2); d|G2 - target| / dw2 = -sqrt(2) (targets are constants).
    EXPECT_NEAR(grad[0].item<double>(), 3 * root2, 1e-5);
    EXPECT_NEAR(grad[1].item<double>(), -root2, 1e-5);

    // Second call: L1 fell to half its initial loss (6 -> 3), L2 stayed (2): ratios 0.5 and 1,
    // relative to their mean 0.75: 2/3 and 4/3. G = 1.5 sqrt(2), sqrt(2); mean 1.25 sqrt(2).
    balance = gradNorm->balanceLoss({1.5 * w.sum(), 1 * w.sum()}, {true, true}, w);
    const double target1 = 1.25 * 2.0 / 3.0, target2 = 1.25 * 4.0 / 3.0;
    EXPECT_NEAR(balance.item<double>(), (std::abs(1.5 - target1) + std::abs(1.0 - target2)) * root2, 1e-5);
}

TEST(GradNorm, UnlabelledTasksAreLeftOut) {
    GradNorm gradNorm(3, 1.0);
    const torch::Tensor w = torch::ones({2}, torch::requires_grad());
    // Only task 0 labelled: its target is its own norm, the balance loss is 0.
    const torch::Tensor balance = gradNorm->balanceLoss({2 * w.sum(), 5 * w.sum(), w.sum()}, {true, false, false}, w);
    EXPECT_NEAR(balance.item<double>(), 0.0, 1e-6);
}

TEST(GradNorm, RenormalisesToTheTaskCount) {
    GradNorm gradNorm(3, 1.5);
    {
        torch::NoGradGuard noGrad;
        gradNorm->weights.copy_(torch::tensor({2.0f, 1.0f, -1.0f}));
    }
    gradNorm->renormalise();
    EXPECT_NEAR(gradNorm->weights.sum().item<double>(), 3.0, 1e-5);
    EXPECT_GT(gradNorm->weights.min().item<double>(), 0.0);
    EXPECT_NEAR((gradNorm->weights[0] / gradNorm->weights[1]).item<double>(), 2.0, 1e-5);
}

}  // namespace
}  // namespace actionlens::model::internal
