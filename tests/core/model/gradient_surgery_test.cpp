#include "core/model/internal/gradient_surgery.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace actionlens::model::internal {
namespace {

TEST(PcGrad, ProjectsConflictingGradients) {
    // Shared w, task-specific h. g1 = dL1/dw = (1, 0), g2 = (-1, 1): they conflict (dot -1).
    // g1' = g1 - (-1 / 2) g2 = (0.5, 0.5); g2' = g2 - (-1 / 1) g1 = (0, 1); sum (0.5, 1.5).
    const torch::Tensor w = torch::zeros({2}, torch::requires_grad());
    const torch::Tensor h = torch::zeros({1}, torch::requires_grad());
    const torch::Tensor l1 = w[0] + 3 * h.sum();
    const torch::Tensor l2 = -w[0] + w[1];
    pcGradBackward({l1, l2}, {w}, 1);
    EXPECT_TRUE(torch::allclose(w.grad(), torch::tensor({0.5f, 1.5f}))) << w.grad();
    EXPECT_FLOAT_EQ(h.grad().item<float>(), 3.0f);  // not shared: the plain gradient
}

TEST(PcGrad, LeavesAgreeingGradientsAlone) {
    const torch::Tensor w = torch::zeros({2}, torch::requires_grad());
    pcGradBackward({2 * w[0], w[0] + w[1]}, {w}, 1);
    EXPECT_TRUE(torch::allclose(w.grad(), torch::tensor({3.0f, 1.0f}))) << w.grad();
}

TEST(PcGrad, ZeroGradientTaskIsIgnoredAndGradientsAccumulate) {
    // A task without labels has an exactly zero gradient: it must not divide by zero.
    const torch::Tensor w = torch::zeros({2}, torch::requires_grad());
    w.mutable_grad() = torch::tensor({10.0f, 0.0f});
    pcGradBackward({w[0] * 0.0, -w[0] + w[1], w[0]}, {w}, 5);
    // Tasks 2 and 3 conflict: g2' = (-1,1) - (-1/1)(1,0) = (0,1);
    // g3' = (1,0) - (-1/2)(-1,1) = (0.5,0.5); plus the gradient already there.
    EXPECT_TRUE(torch::allclose(w.grad(), torch::tensor({10.5f, 1.5f}))) << w.grad();
    EXPECT_TRUE(torch::isfinite(w.grad()).all().item<bool>());
}

}  // namespace
}  // namespace actionlens::model::internal
