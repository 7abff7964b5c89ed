#include "core/model/internal/video_trunk.h"

#include "core/model/internal/multi_task_network.h"
#include "model_fixtures.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

namespace actionlens::model::internal {
namespace {

TEST(VideoTrunk, DefaultTrunkReads16x112x112IntoAFourByFourGridOfFourSteps) {
    torch::manual_seed(0);
    const VideoTrunkConfig config;  // 16 x 112 x 112, blocks 32-64-128-256
    VideoTrunk trunk(config);
    trunk->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor out = trunk->forward(torch::randn({1, 3, 16, 112, 112}));
    EXPECT_EQ(out.sizes(), (std::vector<int64_t>{1, 256, 4, 16}));
    EXPECT_EQ(trunk->outputGrid(16, 112, 112), (std::array<int64_t, 3>{4, 4, 4}));
    EXPECT_TRUE(torch::isfinite(out).all().item<bool>());
}

TEST(VideoTrunk, OutputGridFollowsOddSizes) {
    VideoTrunkConfig config;
    config.channels = {4, 4, 4};
    config.frames = 5;
    config.size = 40;
    VideoTrunk trunk(config);
    trunk->eval();
    torch::NoGradGuard noGrad;
    const torch::Tensor out = trunk->forward(torch::randn({2, 3, 5, 40, 40}));
    const std::array<int64_t, 3> grid = trunk->outputGrid(5, 40, 40);
    EXPECT_EQ(grid, (std::array<int64_t, 3>{3, 3, 3}));  // 40 -> 20 -> 10 -> 5 -> 3; frames 5 -> 5 -> 5 -> 3
    EXPECT_EQ(out.sizes(), (std::vector<int64_t>{2, 4, grid[0], grid[1] * grid[2]}));
}

TEST(VideoTrunk, DefaultVideoModelStaysUnderThreeMillionParameters) {
    ModelConfig config = testing::tinyConfig({{"action", 15}, {"group", 3}, {"viewpoint", 4}});
    config.trunkKind = TrunkKind::Video;
    config.video = VideoTrunkConfig();
    config.attentionHidden = 32;
    MultiTaskNetwork network(config, nullptr);
    int64_t count = 0;
    for (const torch::Tensor& p : network->parameters()) count += p.numel();
    EXPECT_LE(count, 3'000'000);
    // Not trivially small either: four blocks up to 256 channels.
    EXPECT_GE(count, 1'000'000);
}

TEST(VideoTrunk, ResidualBlockKeepsShapeWithoutProjection) {
    VideoResidualBlock block(8, 8, 1, 1);
    for (const auto& item : block->named_parameters()) EXPECT_EQ(item.key().find("shortcut"), std::string::npos);
    block->eval();
    torch::NoGradGuard noGrad;
    EXPECT_EQ(block->forward(torch::randn({1, 8, 3, 6, 6})).sizes(), (std::vector<int64_t>{1, 8, 3, 6, 6}));
}

TEST(MultiTaskNetwork, FusionSendsGradientsThroughBothTrunks) {
    torch::manual_seed(3);
    const ModelConfig config = testing::tinyVideoConfig(TrunkKind::Fusion);
    Result<SkeletonGraph> graph = SkeletonGraph::build(config.layout);
    ASSERT_TRUE(graph.ok());
    MultiTaskNetwork network(config, &graph.value());
    network->train();
    const NetworkOutput out = network->forward(torch::randn({3, 3, 6, 5}), torch::randn({3, 3, 4, 32, 32}));
    ASSERT_EQ(out.attention.size(), 3u);
    ASSERT_EQ(out.videoAttention.size(), 3u);
    torch::Tensor loss = torch::zeros({});
    for (const torch::Tensor& logits : out.logits) loss = loss + torch::cross_entropy_loss(logits, torch::tensor({0, 1, 1}));
    loss.backward();
    auto gradientMass = [](const std::vector<torch::Tensor>& parameters) {
        double sum = 0.0;
        for (const torch::Tensor& p : parameters)
            if (p.grad().defined()) sum += p.grad().abs().sum().item<double>();
        return sum;
    };
    EXPECT_GT(gradientMass(network->trunk()->parameters()), 0.0);
    EXPECT_GT(gradientMass(network->videoTrunk()->parameters()), 0.0);
    // Every parameter of both trunks takes part (no dead branch).
    for (const auto& item : network->named_parameters())
        EXPECT_TRUE(item.value().grad().defined()) << item.key();
    // The classifier reads both pooled features side by side.
    EXPECT_EQ(network->head(0)->classifier->weight.size(1),
              network->trunk()->outputChannels() + network->videoTrunk()->outputChannels());
    EXPECT_EQ(network->sharedParameters().size(),
              network->trunk()->parameters().size() + network->videoTrunk()->parameters().size());
}

TEST(MultiTaskNetwork, SkeletonNetworkKeepsItsParameterNames) {
    // Weights files written before the video trunk existed name these; a rename would orphan them.
    const ModelConfig config = testing::tinyConfig();
    Result<SkeletonGraph> graph = SkeletonGraph::build(config.layout);
    ASSERT_TRUE(graph.ok());
    MultiTaskNetwork network(config, graph.value());
    const auto parameters = network->named_parameters();
    for (const char* key : {"trunk.input_norm.weight", "head0.attention_hidden.weight", "head0.attention_score.weight",
                            "head0.classifier.weight", "head2.classifier.bias"})
        EXPECT_NE(parameters.find(key), nullptr) << key;
    for (const auto& item : parameters) EXPECT_EQ(item.key().find("video"), std::string::npos) << item.key();
}

}  // namespace
}  // namespace actionlens::model::internal
