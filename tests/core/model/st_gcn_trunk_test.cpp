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

TEST(StGcnTrunk, BoneAndMotionFeaturesAreOffsetsMaskedWhereAJointIsMissing) {
    ModelConfig config = testing::tinyConfig();  // five joints: 0 - 1 - {2, 3, 4}, centre 0
    config.trunk.boneFeatures = true;
    config.trunk.motionFeatures = true;
    EXPECT_EQ(trunkInputChannels(config), 7);
    const Result<SkeletonGraph> graph = SkeletonGraph::build(config.layout);
    ASSERT_TRUE(graph.ok());
    StGcnTrunk trunk(config, graph.value());
    // One clip, 3 frames: joint j at (j + t, 10 j), confidence 1, except joint 3 missing in frame 1.
    torch::Tensor x = torch::zeros({1, 3, 3, 5});
    for (int t = 0; t < 3; ++t)
        for (int j = 0; j < 5; ++j) {
            x[0][0][t][j] = float(j + t);
            x[0][1][t][j] = float(10 * j);
            x[0][2][t][j] = (j == 3 && t == 1) ? 0.0f : 1.0f;
        }
    const torch::Tensor f = trunk->features(x);
    ASSERT_EQ(f.sizes(), (std::vector<int64_t>{1, 7, 3, 5}));
    EXPECT_TRUE(torch::equal(f.slice(1, 0, 3), x)) << "the input comes first, as it was";
    // Bones: joint 2's parent is 1: (1, 10); the centre has none; joint 3's is gone while it is missing.
    EXPECT_FLOAT_EQ(f[0][3][0][2].item<float>(), 1.0f);
    EXPECT_FLOAT_EQ(f[0][4][0][2].item<float>(), 10.0f);
    EXPECT_FLOAT_EQ(f[0][3][0][0].item<float>(), 0.0f);
    EXPECT_FLOAT_EQ(f[0][3][1][3].item<float>(), 0.0f);
    EXPECT_FLOAT_EQ(f[0][4][2][3].item<float>(), 20.0f);
    // Motion: every joint moves one to the right per frame; none into or out of a missing frame, none after the last.
    EXPECT_FLOAT_EQ(f[0][5][0][2].item<float>(), 1.0f);
    EXPECT_FLOAT_EQ(f[0][6][0][2].item<float>(), 0.0f);
    EXPECT_FLOAT_EQ(f[0][5][0][3].item<float>(), 0.0f);
    EXPECT_FLOAT_EQ(f[0][5][1][3].item<float>(), 0.0f);
    EXPECT_FLOAT_EQ(f[0][5][2][2].item<float>(), 0.0f);
    const torch::Tensor y = trunk->forward(x.repeat({2, 1, 1, 1}));
    EXPECT_EQ(y.size(1), config.trunk.channels.back());
    EXPECT_TRUE(torch::isfinite(y).all().item<bool>());

    config.inputChannels = 2;
    EXPECT_FALSE(validateModelConfig(config).ok()) << "the features need (x, y, confidence)";
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

TEST(SpatialGraphConv, CpuContractionEqualsTheEinsumSum) {
    // On the CPU the sum over partitions and source joints runs as a convolution (oneDNN) rather
    // than einsum (the system BLAS): the same numbers up to summation order, forward and backward,
    // with a non-trivial learnt edge importance and several batch sizes (oneDNN picks kernels by size).
    const Result<SkeletonGraph> graph = SkeletonGraph::build(
        {13, {{0, 1}, {0, 2}, {1, 2}, {1, 3}, {3, 5}, {2, 4}, {4, 6}, {1, 7}, {2, 8}, {7, 8}, {7, 9}, {9, 11}, {8, 10}, {10, 12}}, 1});
    ASSERT_TRUE(graph.ok());
    torch::manual_seed(3);
    for (int64_t batch : {1, 5, 32}) {
        SpatialGraphConv gcn(7, 16, partitionsTensor(graph.value()));
        {
            torch::NoGradGuard noGrad;
            gcn->edgeImportance.uniform_(0.5, 1.5);
        }
        const torch::Tensor x = torch::randn({batch, 7, 9, 13}, torch::requires_grad());
        const torch::Tensor y = gcn->forward(x);
        const torch::Tensor perPartition = gcn->conv(x).view({batch, 3, 16, 9, 13});
        const torch::Tensor expected =
            torch::einsum("nkctv,kwv->nctw", {perPartition, gcn->partitions * gcn->edgeImportance});
        ASSERT_EQ(y.sizes(), expected.sizes());
        EXPECT_TRUE(y.is_contiguous());
        EXPECT_TRUE(torch::allclose(y, expected, 1e-5, 1e-5)) << (y - expected).abs().max().item<float>();
        const torch::Tensor upstream = torch::randn_like(y);
        const std::vector<torch::Tensor> inputs{x, gcn->edgeImportance, gcn->conv->weight};
        const std::vector<torch::Tensor> got = torch::autograd::grad({y}, inputs, {upstream});
        const std::vector<torch::Tensor> want = torch::autograd::grad({expected}, inputs, {upstream});
        for (size_t i = 0; i < inputs.size(); ++i)
            EXPECT_TRUE(torch::allclose(got[i], want[i], 1e-4, 1e-4)) << "gradient " << i << ": "
                                                                       << (got[i] - want[i]).abs().max().item<float>();
    }
}

}  // namespace
}  // namespace actionlens::model::internal
