#include "core/model/internal/task_head.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace actionlens::model::internal {
namespace {

TEST(TaskHead, LogitsAndAttentionShapes) {
    TaskHead head(16, 8, 15);
    const TaskHeadOutput out = head->forward(torch::randn({4, 16, 3, 5}));
    EXPECT_EQ(out.logits.sizes(), (std::vector<int64_t>{4, 15}));
    EXPECT_EQ(out.attention[0].sizes(), (std::vector<int64_t>{4, 3, 5}));
    EXPECT_TRUE(torch::allclose(out.attention[0].sum({1, 2}), torch::ones({4})));
    EXPECT_TRUE((out.attention[0] >= 0).all().item<bool>());
}

TEST(TaskHead, AttentionSelectsWhatIsPooled) {
    // With the attention scorer forced to prefer one (frame, joint) cell, the pooled feature is
    // that cell's feature, and the logits are the classifier applied to it.
    TaskHead head(2, 1, 3);
    torch::NoGradGuard noGrad;
    for (auto& p : head->named_parameters()) {
        if (p.key().rfind("attention", 0) == 0) p.value().zero_();
    }
    // Score = 100 * tanh(feature channel 0): the cell with the largest channel 0 wins.
    head->named_parameters()["attention_hidden.weight"].view({-1})[0] = 1.0f;
    head->named_parameters()["attention_score.weight"].fill_(100.0f);
    torch::Tensor features = torch::zeros({1, 2, 2, 3});
    features[0][0][1][2] = 3.0f;
    features[0][1][1][2] = -1.0f;
    const TaskHeadOutput out = head->forward(features);
    EXPECT_NEAR(out.attention[0][0][1][2].item<float>(), 1.0f, 1e-4f);
    const torch::Tensor expected = head->classifier->forward(torch::tensor({3.0f, -1.0f}).view({1, 2}));
    EXPECT_TRUE(torch::allclose(out.logits, expected, 1e-4, 1e-4));
}

TEST(TaskHead, CpuPoolingEqualsTheEinsumSum) {
    // On the CPU the attention pooling is a product and a sum rather than einsum, and the score a
    // weighted sum rather than a 1x1 convolution: the same attention, pooled features and
    // gradients up to summation order.
    torch::manual_seed(5);
    TaskHead head(16, 8, 15);
    const torch::Tensor features = torch::randn({4, 16, 6, 5}, torch::requires_grad());
    const TaskHeadOutput out = head->forward(features);
    const torch::Tensor pooled = torch::einsum("nctv,ntv->nc", {features, out.attention[0]});
    const torch::Tensor expected = head->classifier->forward(pooled);
    // The one-channel score, on the CPU a weighted sum, is the 1x1 convolution's.
    const torch::Tensor scores =
        head->named_modules()["attention_score"]->as<torch::nn::Conv2d>()->forward(
            torch::tanh(head->named_modules()["attention_hidden"]->as<torch::nn::Conv2d>()->forward(features)));
    EXPECT_TRUE(torch::allclose(out.attention[0], torch::softmax(scores.view({4, -1}), 1).view({4, 6, 5}), 1e-5, 1e-6));
    EXPECT_TRUE(torch::allclose(out.logits, expected, 1e-5, 1e-5));
    const torch::Tensor upstream = torch::randn_like(expected);
    // Both paths share the attention scorer's graph: keep it for the second gradient.
    const torch::Tensor got = torch::autograd::grad({out.logits}, {features}, {upstream}, /*retain_graph=*/true)[0];
    const torch::Tensor want = torch::autograd::grad({expected}, {features}, {upstream})[0];
    EXPECT_TRUE(torch::allclose(got, want, 1e-5, 1e-5)) << (got - want).abs().max().item<float>();
}

}  // namespace
}  // namespace actionlens::model::internal
