#include "core/model/internal/st_gcn_trunk.h"

#include "model_fixtures.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace actionlens::model::internal {
namespace {

TEST(StGcnTrunk, OutputShapeFollowsChannelsAndStrides) {
    ModelConfig config = testing::tinyConfig();
    config.trunk.channels = {8, 16, 12};
    config.trunk.temporalStrides = {1, 2, 2};
    const Result<SkeletonGraph> graph = SkeletonGraph::build(config.layout);
    ASSERT_TRUE(graph.ok());
    StGcnTrunk trunk(config, graph.value());
    EXPECT_EQ(trunk->outputChannels(), 12);
    const torch::Tensor y = trunk->forward(torch::randn({3, 3, 9, 5}));
    // 9 frames -> 9 -> ceil(9/2) = 5 -> 3.
    EXPECT_EQ(y.sizes(), (std::vector<int64_t>{3, 12, 3, 5}));
    EXPECT_TRUE(torch::isfinite(y).all().item<bool>());
}

TEST(SpatialGraphConv, MixesOnlyNeighbours) {
    // On the chain 0 - 1 - 2, joint 0's output depends on joints 0 and 1, never on joint 2.
    const Result<SkeletonGraph> graph = SkeletonGraph::build({3, {{0, 1}, {1, 2}}, 1});
    ASSERT_TRUE(graph.ok());
    SpatialGraphConv gcn(2, 4, partitionsTensor(graph.value()));
    const torch::Tensor x = torch::randn({1, 2, 1, 3}, torch::requires_grad());
    gcn->forward(x).select(3, 0).sum().backward();
    const torch::Tensor grad = x.grad().abs().sum({0, 1, 2});
    EXPECT_GT(grad[0].item<float>(), 0.0f);
    EXPECT_GT(grad[1].item<float>(), 0.0f);
    EXPECT_EQ(grad[2].item<float>(), 0.0f);
}

TEST(SpatialGraphConv, PartitionsHaveSeparateWeights) {
    // A centripetal-only input (centre joint non-zero, ends zero) must reach the ends through the
    // centripetal partition's weights alone: zeroing that partition's slice of the 1x1 conv
    // silences the ends while the centre still answers through the root partition.
    const Result<SkeletonGraph> graph = SkeletonGraph::build({3, {{0, 1}, {1, 2}}, 1});
    ASSERT_TRUE(graph.ok());
    SpatialGraphConv gcn(1, 1, partitionsTensor(graph.value()));
    torch::NoGradGuard noGrad;
    gcn->conv->bias.zero_();
    gcn->conv->weight.fill_(1.0f);
    gcn->conv->weight[int(Partition::Centripetal)].zero_();
    const torch::Tensor x = torch::tensor({0.0f, 6.0f, 0.0f}).view({1, 1, 1, 3});
    const torch::Tensor y = gcn->forward(x).flatten();
    EXPECT_FLOAT_EQ(y[0].item<float>(), 0.0f);
    EXPECT_FLOAT_EQ(y[1].item<float>(), 2.0f);  // 6 * 1/3 through root
    EXPECT_FLOAT_EQ(y[2].item<float>(), 0.0f);
}

}  // namespace
}  // namespace actionlens::model::internal
