// MultiTaskModel with the video trunk and with late fusion, through the public API.

#include "core/model/multi_task_model.h"

#include "core/model/internal/multi_task_network.h"
#include "model_fixtures.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <filesystem>
#include <numeric>

#include <unistd.h>

namespace actionlens::model {
namespace {

namespace fs = std::filesystem;

std::vector<float> randomValues(std::vector<int64_t> shape) {
    const torch::Tensor t = torch::randn(shape);
    return std::vector<float>(t.data_ptr<float>(), t.data_ptr<float>() + t.numel());
}

VideoBatch randomVideo(int clips, int frames, int size) {
    return VideoBatch{clips, frames, size, size, randomValues({clips, 3, frames, size, size})};
}

SkeletonBatch randomSkeletons(int clips, int frames, int joints) {
    return SkeletonBatch{clips, frames, joints, randomValues({clips, 3, frames, joints})};
}

MultiTaskModel createOrFail(const ModelConfig& config) {
    Result<MultiTaskModel> model = MultiTaskModel::create(config);
    if (!model) ADD_FAILURE() << model.error();
    return std::move(model).value();
}

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("actionlens_video_model_test_" + std::to_string(::getpid()));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

TEST(VideoModel, ForwardGivesProbabilitiesAndAttentionOverTimeAndSpace) {
    torch::manual_seed(1);
    MultiTaskModel model = createOrFail(testing::tinyVideoConfig());
    const VideoBatch video = randomVideo(2, 4, 32);
    const Result<MultiTaskPrediction> prediction = model.forward(ModelInput{nullptr, &video});
    ASSERT_TRUE(prediction.ok()) << prediction.error();
    ASSERT_EQ(prediction->tasks.size(), 3u);
    for (const TaskPrediction& task : prediction->tasks) {
        ASSERT_EQ(task.probabilities.size(), size_t(2 * task.classCount));
        EXPECT_NEAR(std::accumulate(task.probabilities.begin(), task.probabilities.begin() + task.classCount, 0.0), 1.0, 1e-5);
        EXPECT_TRUE(task.attention.empty());  // no skeleton trunk
        EXPECT_EQ(task.videoAttentionFrames, 4);  // two blocks: no temporal stride yet
        EXPECT_EQ(task.videoAttentionHeight, 4);  // 32 -> 16 (stem) -> 8 -> 4
        EXPECT_EQ(task.videoAttentionWidth, 4);
        ASSERT_EQ(task.videoAttention.size(), size_t(2 * 4 * 4 * 4));
        EXPECT_NEAR(std::accumulate(task.videoAttention.begin(), task.videoAttention.begin() + 64, 0.0), 1.0, 1e-5);
        EXPECT_NEAR(std::accumulate(task.videoAttention.begin() + 64, task.videoAttention.end(), 0.0), 1.0, 1e-5);
    }
}

TEST(VideoModel, RefusesMissingOrMisshapenInput) {
    MultiTaskModel video = createOrFail(testing::tinyVideoConfig());
    const SkeletonBatch skeletons = randomSkeletons(2, 6, 5);
    Result<MultiTaskPrediction> r = video.forward(skeletons);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().find("reads video frames"), std::string::npos) << r.error();
    const VideoBatch wrongSize = randomVideo(2, 4, 48);
    r = video.forward(ModelInput{nullptr, &wrongSize});
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().find("4 frames of 32x32"), std::string::npos) << r.error();

    MultiTaskModel fusion = createOrFail(testing::tinyVideoConfig(TrunkKind::Fusion));
    const VideoBatch three = randomVideo(3, 4, 32);
    r = fusion.forward(ModelInput{&skeletons, &three});
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().find("skeleton batch has 2 clips, the video batch 3"), std::string::npos) << r.error();
    r = fusion.forward(ModelInput{nullptr, &three});
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().find("reads skeletons"), std::string::npos) << r.error();
}

TEST(VideoModel, ValidationNamesTheBadVideoField) {
    ModelConfig config = testing::tinyVideoConfig();
    config.video.channels = {8, 0};
    Status s = validateModelConfig(config);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.error().find("video trunk block 1 has 0 channels"), std::string::npos) << s.error();
    config = testing::tinyVideoConfig();
    config.video.size = 8;
    EXPECT_FALSE(validateModelConfig(config).ok());
    // A video-only model does not need a skeleton layout.
    config = testing::tinyVideoConfig();
    config.layout = SkeletonLayout{};
    EXPECT_TRUE(validateModelConfig(config).ok());
    EXPECT_TRUE(MultiTaskModel::create(config).ok());
    TrunkKind kind = TrunkKind::Skeleton;
    EXPECT_TRUE(trunkKindFromName("fusion", &kind));
    EXPECT_EQ(kind, TrunkKind::Fusion);
    EXPECT_FALSE(trunkKindFromName("rgb", &kind));
}

class SaveLoad : public ::testing::TestWithParam<TrunkKind> {};

TEST_P(SaveLoad, GivesIdenticalOutputs) {
    TempDir dir;
    const std::string path = (dir.path / "weights.pt").string();
    const ModelConfig config = testing::tinyVideoConfig(GetParam());
    const SkeletonBatch skeletons = randomSkeletons(3, 6, 5);
    const VideoBatch video = randomVideo(3, 4, 32);
    const ModelInput input{&skeletons, &video};
    MultiTaskModel original = createOrFail(config);
    {
        // Moves the batch-norm statistics, so that the round trip covers buffers too.
        internal::MultiTaskNetwork& network = internal::networkOf(original);
        network->train();
        torch::NoGradGuard noGrad;
        network->forward(torch::randn({4, 3, 6, 5}), torch::randn({4, 3, 4, 32, 32}));
    }
    const Result<MultiTaskPrediction> before = original.forward(input);
    ASSERT_TRUE(before.ok()) << before.error();
    ASSERT_TRUE(original.save(path).ok());

    MultiTaskModel restored = createOrFail(config);
    const Result<MultiTaskPrediction> fresh = restored.forward(input);
    ASSERT_TRUE(fresh.ok());
    EXPECT_NE(fresh->tasks[0].logits, before->tasks[0].logits);
    const Status loaded = restored.load(path);
    ASSERT_TRUE(loaded.ok()) << loaded.error();
    const Result<MultiTaskPrediction> after = restored.forward(input);
    ASSERT_TRUE(after.ok());
    for (size_t t = 0; t < before->tasks.size(); ++t) {
        EXPECT_EQ(after->tasks[t].logits, before->tasks[t].logits) << before->tasks[t].task;
        EXPECT_EQ(after->tasks[t].attention, before->tasks[t].attention) << before->tasks[t].task;
        EXPECT_EQ(after->tasks[t].videoAttention, before->tasks[t].videoAttention) << before->tasks[t].task;
    }
}

INSTANTIATE_TEST_SUITE_P(VideoAndFusion, SaveLoad, ::testing::Values(TrunkKind::Video, TrunkKind::Fusion));

TEST(VideoModel, WeightsOfAnotherTrunkAreRefusedAndLeaveTheModelWorking) {
    TempDir dir;
    const std::string path = (dir.path / "skeleton.pt").string();
    MultiTaskModel skeleton = createOrFail(testing::tinyConfig());
    ASSERT_TRUE(skeleton.save(path).ok());
    MultiTaskModel fusion = createOrFail(testing::tinyVideoConfig(TrunkKind::Fusion));
    const SkeletonBatch skeletons = randomSkeletons(1, 6, 5);
    const VideoBatch video = randomVideo(1, 4, 32);
    const Result<MultiTaskPrediction> before = fusion.forward(ModelInput{&skeletons, &video});
    ASSERT_TRUE(before.ok());
    const Status loaded = fusion.load(path);
    EXPECT_FALSE(loaded.ok());
    const Result<MultiTaskPrediction> after = fusion.forward(ModelInput{&skeletons, &video});
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->tasks[0].logits, before->tasks[0].logits);
}

}  // namespace
}  // namespace actionlens::model
