// Training, evaluating and checkpointing video and fusion models through the same loop as the
// skeleton models, with RGB clips from a decoder behind the decoded-clip cache.

#include "core/train/checkpoint.h"
#include "core/train/decoded_clip_cache.h"
#include "core/train/evaluation.h"
#include "core/train/trainer.h"
#include "train_fixtures.h"

#include <gtest/gtest.h>

#include <filesystem>

#include <unistd.h>

namespace actionlens::train {
namespace {

struct Fixture {
    LabelledDataset data = [] {
        LabelledDataset d = testing::motionDataset(4);
        testing::giveVideoPaths(d);
        return d;
    }();
    testing::ColourCodedFrames frames{data};
};

TEST(VideoTraining, EpochsAfterTheFirstDecodeNothing) {
    Fixture f;
    DecodedClipCache cache(f.frames, 64 << 20);
    TrainConfig config = testing::tinyVideoTrainConfig();
    config.epochs = 3;
    config.rgbAugmentation.enabled = true;  // augmentation works on the cached clip, never re-decodes
    const std::vector<int> all = testing::allItems(f.data);
    const std::vector<int> train(all.begin(), all.begin() + 12), validation(all.begin() + 12, all.end());
    std::vector<int> decodesAfterEpoch;
    TrainingCallbacks callbacks;
    callbacks.epochEnd = [&](const EpochReport&) { decodesAfterEpoch.push_back(f.frames.decodes.load()); };
    Result<TrainingOutcome> outcome =
        trainModel(TrainingRequest{&f.data, train, validation, config, "", "", 0, &cache}, callbacks);
    ASSERT_TRUE(outcome.ok()) << outcome.error();
    ASSERT_EQ(decodesAfterEpoch.size(), 3u);
    // The first epoch decodes every training and validation clip once; later epochs none.
    EXPECT_EQ(decodesAfterEpoch[0], int(all.size()));
    EXPECT_EQ(decodesAfterEpoch[1], int(all.size()));
    EXPECT_EQ(decodesAfterEpoch[2], int(all.size()));
    const ClipCacheStatistics s = cache.statistics();
    EXPECT_EQ(s.decodes, std::int64_t(all.size()));
    EXPECT_EQ(s.hits, std::int64_t(2 * all.size()));
    EXPECT_EQ(s.clipsHeld, std::int64_t(all.size()));
    // Training clips are decoded at twice the view's 4 frames (the temporal crop samples a window
    // of them); validation clips at the view's own count.
    EXPECT_EQ(s.bytesHeld, std::int64_t(train.size()) * 8 * 32 * 32 * 3 + std::int64_t(validation.size()) * 4 * 32 * 32 * 3);
}

TEST(VideoTraining, AVideoModelLearnsTheFrames) {
    // Action, group and viewpoint are only in the pictures (colour, side): the skeletons are
    // ignored by a video trunk, so full accuracy means the frames were learnt.
    Fixture f;
    DecodedClipCache cache(f.frames, 64 << 20);
    TrainConfig config = testing::tinyVideoTrainConfig();
    config.epochs = 25;
    config.batchSize = 4;
    const std::vector<int> all = testing::allItems(f.data);
    Result<TrainingOutcome> outcome = trainModel(TrainingRequest{&f.data, all, {}, config, "", "", 0, &cache});
    ASSERT_TRUE(outcome.ok()) << outcome.error();
    EXPECT_EQ(outcome->snapshot.model.trunkKind, model::TrunkKind::Video);
    Result<EvaluationReport> report = evaluateModel(*outcome->model, outcome->snapshot, f.data, all, 64, &cache);
    ASSERT_TRUE(report.ok()) << report.error();
    for (const TaskEvaluation& task : report->tasks) EXPECT_EQ(task.metrics.accuracy, 1.0) << task.task;
}

TEST(VideoTraining, FusionCheckpointReloadsToIdenticalOutputs) {
    Fixture f;
    DecodedClipCache cache(f.frames, 64 << 20);
    TrainConfig config = testing::tinyVideoTrainConfig(model::TrunkKind::Fusion);
    config.epochs = 2;
    config.rgbAugmentation.enabled = true;
    config.augmentation.enabled = true;
    const std::string path = (std::filesystem::temp_directory_path() /
                              ("actionlens-fusion-" + std::to_string(::getpid()) + ".alm")).string();
    const std::vector<int> all = testing::allItems(f.data);
    Result<TrainingOutcome> outcome = trainModel(TrainingRequest{&f.data, all, {}, config, path, "", 0, &cache});
    ASSERT_TRUE(outcome.ok()) << outcome.error();
    CheckpointInfo info;
    Result<std::unique_ptr<model::MultiTaskModel>> loaded = loadTrainedModel(path, &info);
    std::filesystem::remove(path);
    ASSERT_TRUE(loaded.ok()) << loaded.error();
    EXPECT_EQ(info.snapshot.model.trunkKind, model::TrunkKind::Fusion);
    EXPECT_EQ(info.snapshot.model.video.channels, config.video.channels);
    EXPECT_EQ(info.config.trunkKind, model::TrunkKind::Fusion);
    Result<EvaluationReport> a = evaluateModel(*outcome->model, outcome->snapshot, f.data, all, 64, &cache);
    Result<EvaluationReport> b = evaluateModel(*loaded.value(), info.snapshot, f.data, all, 64, &cache);
    ASSERT_TRUE(a.ok() && b.ok());
    for (size_t t = 0; t < a->tasks.size(); ++t) EXPECT_EQ(a->tasks[t].probabilities, b->tasks[t].probabilities);
}

TEST(VideoTraining, ClearErrorsWithoutFramesOrWhenDecodingFails) {
    Fixture f;
    const std::vector<int> all = testing::allItems(f.data);
    TrainConfig config = testing::tinyVideoTrainConfig();
    Result<TrainingOutcome> outcome = trainModel(TrainingRequest{&f.data, all, {}, config, "", "", 0, nullptr});
    ASSERT_FALSE(outcome.ok());
    EXPECT_NE(outcome.error().find("video trunk reads video frames"), std::string::npos) << outcome.error();

    f.frames.failOn = f.data.clips[5].videoPath;
    outcome = trainModel(TrainingRequest{&f.data, all, {}, config, "", "", 0, &f.frames});
    ASSERT_FALSE(outcome.ok());
    EXPECT_NE(outcome.error().find("corrupt packet"), std::string::npos) << outcome.error();
    EXPECT_NE(outcome.error().find("video " + f.data.clips[5].videoName), std::string::npos) << outcome.error();

    LabelledDataset noFiles = testing::motionDataset(4);
    outcome = trainModel(TrainingRequest{&noFiles, all, {}, config, "", "", 0, &f.frames});
    ASSERT_FALSE(outcome.ok());
    EXPECT_NE(outcome.error().find("has no video file"), std::string::npos) << outcome.error();
}

TEST(VideoTraining, SkeletonModelsNeedNoFrames) {
    Fixture f;
    TrainConfig config = testing::tinyTrainConfig();
    config.epochs = 1;
    Result<TrainingOutcome> outcome = trainModel(TrainingRequest{&f.data, testing::allItems(f.data), {}, config, "", "", 0});
    ASSERT_TRUE(outcome.ok()) << outcome.error();
    EXPECT_EQ(f.frames.decodes.load(), 0);
}

}  // namespace
}  // namespace actionlens::train
