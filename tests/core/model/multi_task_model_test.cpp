#include "core/model/multi_task_model.h"

#include "core/model/internal/multi_task_network.h"
#include "model_fixtures.h"

#include "tests/support/source_headers.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <sstream>

#include <unistd.h>

namespace actionlens::model {
namespace {

namespace fs = std::filesystem;

SkeletonBatch randomBatch(int clips, int frames, int joints) {
    const torch::Tensor values = torch::randn({clips, 3, frames, joints});
    return SkeletonBatch{clips, frames, joints,
                         std::vector<float>(values.data_ptr<float>(), values.data_ptr<float>() + values.numel())};
}

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("actionlens_model_test_" + std::to_string(::getpid()));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

MultiTaskModel createOrFail(const ModelConfig& config) {
    Result<MultiTaskModel> model = MultiTaskModel::create(config);
    if (!model) ADD_FAILURE() << model.error();
    return std::move(model).value();
}

// Moves the batch-norm statistics away from their initial values, so that a save/load test
// also covers buffers.
void trainModeForward(MultiTaskModel& model, const SkeletonBatch& batch) {
    internal::MultiTaskNetwork& network = internal::networkOf(model);
    network->train();
    torch::NoGradGuard noGrad;
    network->forward(internal::batchTensor(batch.clips, 3, batch.frames, batch.joints, batch.values));
}

TEST(MultiTaskModel, ForwardGivesPerTaskProbabilitiesAndAttention) {
    MultiTaskModel model = createOrFail(testing::tinyConfig());
    const Result<MultiTaskPrediction> prediction = model.forward(randomBatch(2, 6, 5));
    ASSERT_TRUE(prediction.ok()) << prediction.error();
    ASSERT_EQ(prediction->tasks.size(), 3u);
    EXPECT_EQ(prediction->clips, 2);
    const std::vector<int> classes = {4, 2, 2};
    for (size_t t = 0; t < 3; ++t) {
        const TaskPrediction& task = prediction->tasks[t];
        EXPECT_EQ(task.classCount, classes[t]);
        ASSERT_EQ(task.logits.size(), size_t(2 * classes[t]));
        ASSERT_EQ(task.probabilities.size(), size_t(2 * classes[t]));
        for (int n = 0; n < 2; ++n) {
            const auto begin = task.probabilities.begin() + n * classes[t];
            EXPECT_NEAR(std::accumulate(begin, begin + classes[t], 0.0), 1.0, 1e-5);
        }
        EXPECT_EQ(task.attentionFrames, 3);  // 6 frames, strides 1 and 2
        ASSERT_EQ(task.attention.size(), size_t(2 * 3 * 5));
        EXPECT_NEAR(std::accumulate(task.attention.begin(), task.attention.begin() + 15, 0.0), 1.0, 1e-5);
    }
    EXPECT_EQ(prediction->tasks[1].task, "group");
}

TEST(MultiTaskModel, MovesBetweenDevicesGivingTheSameOutputs) {
    MultiTaskModel model = createOrFail(testing::tinyConfig());
    EXPECT_EQ(model.device(), "cpu");
    const SkeletonBatch batch = randomBatch(2, 6, 5);
    const Result<MultiTaskPrediction> onCpu = model.forward(batch);
    ASSERT_TRUE(onCpu.ok()) << onCpu.error();
    const Status unknown = model.moveTo("gpu7");
    EXPECT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().find("gpu7"), std::string::npos) << unknown.error();
    // Where this machine has CUDA (the GPU script), the same outputs come from the GPU.
    const char* device = std::getenv("ACTIONLENS_TEST_DEVICE");
    const std::string target = device && *device ? device : "cpu";
    const Status moved = model.moveTo(target);
    if (!moved.ok()) GTEST_SKIP() << moved.error();
    EXPECT_EQ(model.device().substr(0, target.size()), target);
    const Result<MultiTaskPrediction> there = model.forward(batch);
    ASSERT_TRUE(there.ok()) << there.error();
    for (size_t t = 0; t < onCpu->tasks.size(); ++t)
        for (size_t i = 0; i < onCpu->tasks[t].probabilities.size(); ++i)
            EXPECT_NEAR(there->tasks[t].probabilities[i], onCpu->tasks[t].probabilities[i], 1e-3);
    ASSERT_TRUE(model.moveTo("cpu").ok());
    EXPECT_EQ(model.device(), "cpu");
}

TEST(MultiTaskModel, RejectsMismatchedBatchesAndConfigs) {
    MultiTaskModel model = createOrFail(testing::tinyConfig());
    const Result<MultiTaskPrediction> wrongJoints = model.forward(randomBatch(2, 6, 4));
    ASSERT_FALSE(wrongJoints.ok());
    EXPECT_NE(wrongJoints.error().find("4 joints, the model expects 5"), std::string::npos) << wrongJoints.error();
    SkeletonBatch truncated = randomBatch(2, 6, 5);
    truncated.values.pop_back();
    EXPECT_FALSE(model.forward(truncated).ok());

    ModelConfig duplicate = testing::tinyConfig({{"action", 4}, {"action", 2}});
    const Result<MultiTaskModel> bad = MultiTaskModel::create(duplicate);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().find("'action' appears twice"), std::string::npos) << bad.error();
    ModelConfig evenKernel = testing::tinyConfig();
    evenKernel.trunk.temporalKernel = 4;
    EXPECT_FALSE(MultiTaskModel::create(evenKernel).ok());
    ModelConfig badEdge = testing::tinyConfig();
    badEdge.layout.edges.push_back({2, 9});
    EXPECT_FALSE(MultiTaskModel::create(badEdge).ok());
}

TEST(MultiTaskModel, ParameterCountMatchesTheArchitecture) {
    const MultiTaskModel model = createOrFail(testing::tinyConfig());
    // Input batch norm over 3 channels x 5 joints: 2 * 15.
    const int64_t input = 30;
    // Block 3 -> 8, stride 1: graph conv 3*24+24, edge importance 3*5*5, BN 2*8, temporal conv
    // 8*8*3+8, BN 2*8, residual projection 3*8+8 with BN 2*8.
    const int64_t block0 = 96 + 75 + 16 + 200 + 16 + 48;
    // Block 8 -> 16, stride 2: graph conv 8*48+48, edge importance 75, BN 32, temporal conv
    // 16*16*3+16, BN 32, residual 8*16+16 with BN 32.
    const int64_t block1 = 432 + 75 + 32 + 784 + 32 + 176;
    // Heads: attention 16*8+8 and 8+1, classifier 16*K+K for K = 4, 2, 2.
    const int64_t heads = 3 * (136 + 9) + 68 + 34 + 34;
    EXPECT_EQ(model.parameterCount(), input + block0 + block1 + heads);
}

TEST(MultiTaskModel, SaveThenLoadGivesIdenticalOutputs) {
    TempDir dir;
    const std::string path = (dir.path / "weights.pt").string();
    const SkeletonBatch batch = randomBatch(3, 6, 5);
    MultiTaskModel original = createOrFail(testing::tinyConfig());
    trainModeForward(original, randomBatch(4, 6, 5));
    const Result<MultiTaskPrediction> before = original.forward(batch);
    ASSERT_TRUE(before.ok());
    ASSERT_TRUE(original.save(path).ok());
    // Only the weights file remains: the temporary file was renamed, not copied.
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()), 1);

    MultiTaskModel restored = createOrFail(testing::tinyConfig());
    const Result<MultiTaskPrediction> fresh = restored.forward(batch);
    ASSERT_TRUE(fresh.ok());
    EXPECT_NE(fresh->tasks[0].logits, before->tasks[0].logits);  // a different initialisation
    const Status loaded = restored.load(path);
    ASSERT_TRUE(loaded.ok()) << loaded.error();
    const Result<MultiTaskPrediction> after = restored.forward(batch);
    ASSERT_TRUE(after.ok());
    for (size_t t = 0; t < before->tasks.size(); ++t) {
        EXPECT_EQ(after->tasks[t].logits, before->tasks[t].logits) << before->tasks[t].task;
        EXPECT_EQ(after->tasks[t].attention, before->tasks[t].attention) << before->tasks[t].task;
    }

    // Saving again replaces the file in place.
    ASSERT_TRUE(restored.save(path).ok());
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()), 1);
}

TEST(MultiTaskModel, LoadFailuresLeaveTheModelUnchanged) {
    TempDir dir;
    const std::string path = (dir.path / "weights.pt").string();
    ASSERT_TRUE(createOrFail(testing::tinyConfig()).save(path).ok());

    MultiTaskModel other = createOrFail(testing::tinyConfig({{"action", 5}, {"group", 2}, {"viewpoint", 2}}));
    const SkeletonBatch batch = randomBatch(2, 6, 5);
    const Result<MultiTaskPrediction> before = other.forward(batch);
    ASSERT_TRUE(before.ok());
    const Status mismatch = other.load(path);
    ASSERT_FALSE(mismatch.ok());
    EXPECT_NE(mismatch.error().find("different model"), std::string::npos) << mismatch.error();
    const Result<MultiTaskPrediction> after = other.forward(batch);
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->tasks[0].logits, before->tasks[0].logits);

    const std::string garbage = (dir.path / "garbage.pt").string();
    std::ofstream(garbage) << "not a weights file";
    const Status unreadable = other.load(garbage);
    ASSERT_FALSE(unreadable.ok());
    EXPECT_NE(unreadable.error().find("garbage.pt"), std::string::npos) << unreadable.error();
    EXPECT_FALSE(other.load((dir.path / "missing.pt").string()).ok());
    EXPECT_FALSE(other.save((dir.path / "no_such_folder" / "w.pt").string()).ok());
}

TEST(PublicHeaders, DoNotIncludeTorch) {
    // The rule that lets Qt code use core/model: LibTorch stays in .cpp files and internal/.
    const auto headers = fixtures::headersIn("core/model");
    for (const auto& [path, text] : headers) {
        EXPECT_EQ(text.find("<torch/"), std::string::npos) << path;
        EXPECT_EQ(text.find("#include \"core/model/internal/"), std::string::npos) << path;
    }
    EXPECT_GE(headers.size(), 5u);
}

}  // namespace
}  // namespace actionlens::model
