#include "core/train/batch_loader.h"

#include "core/train/rgb_augmentation.h"
#include "core/train/skeleton_augmentation.h"
#include "train_fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>

namespace actionlens::train {
namespace {

TEST(BatchLoader, DeliversEveryBatchInOrderAndPreparesAheadBoundedly) {
    std::atomic<int> made{0};
    {
        BatchLoader loader(
            [&](int b) {
                ++made;
                PreparedBatch batch;
                batch.index = b;
                return batch;
            },
            10, 3);
        for (int b = 0; b < 10; ++b) {
            std::optional<PreparedBatch> batch = loader.next();
            ASSERT_TRUE(batch.has_value());
            EXPECT_EQ(batch->index, b);
            // Never more than the queue's capacity (plus the one in the making) ahead.
            EXPECT_LE(made.load(), b + 1 + 3 + 1);
        }
        EXPECT_FALSE(loader.next().has_value());
    }
    EXPECT_EQ(made.load(), 10);
    // Destroying a loader with batches still to come stops its thread.
    BatchLoader early([](int b) { return PreparedBatch{b, {}, {}, {}, {}}; }, 1000, 2);
    EXPECT_EQ(early.next()->index, 0);
}

TEST(BatchLoader, EpochOrderIsAReproduciblePermutationOrABalancedDraw) {
    std::vector<int> items{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    std::vector<int> labels{0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    std::vector<int> order = epochOrder(items, labels, false, 3, 1);
    EXPECT_EQ(order, epochOrder(items, labels, false, 3, 1));
    EXPECT_NE(order, epochOrder(items, labels, false, 3, 2));
    std::vector<int> sorted = order;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(sorted, items);

    // Balanced: the single item of class 1 is drawn about as often as all nine of class 0.
    int rare = 0, total = 0;
    for (int epoch = 1; epoch <= 200; ++epoch)
        for (int i : epochOrder(items, labels, true, 3, epoch)) rare += i == 9, ++total;
    EXPECT_NEAR(double(rare) / total, 0.5, 0.05);
}

TEST(BatchLoader, AssembledBatchesCarryTheViewsAndTheLabelsOfTheChosenTasks) {
    const LabelledDataset data = testing::motionDataset(2);
    const PreparedBatch batch = assembleBatch(data, {2, 5}, 8, {2, 0}, nullptr, 0);
    EXPECT_EQ(batch.batch.clips, 2);
    EXPECT_EQ(batch.batch.frames, 8);
    EXPECT_EQ(batch.batch.joints, 5);
    EXPECT_EQ(batch.batch.values.size(), size_t(2 * 3 * 8 * 5));
    ASSERT_EQ(batch.labels.size(), 2u);
    EXPECT_EQ(batch.labels[0], (std::vector<std::int64_t>{data.clips[2].labels[2], data.clips[5].labels[2]}));
    EXPECT_EQ(batch.labels[1], (std::vector<std::int64_t>{2, 1}));
    AugmentationConfig augmentation;
    const PreparedBatch a = assembleBatch(data, {2, 5}, 8, {0}, &augmentation, batchSeed(1, 1, 0));
    const PreparedBatch b = assembleBatch(data, {2, 5}, 8, {0}, &augmentation, batchSeed(1, 1, 0));
    const PreparedBatch c = assembleBatch(data, {2, 5}, 8, {0}, &augmentation, batchSeed(1, 1, 1));
    EXPECT_EQ(a.batch.values, b.batch.values);
    EXPECT_NE(a.batch.values, c.batch.values);
    EXPECT_NE(batchSeed(1, 1, 2), batchSeed(1, 2, 1));
}

TEST(FusionBatch, SkeletonIsMirroredExactlyWhenTheFramesAreFlipped) {
    LabelledDataset data = testing::motionDataset(4);
    testing::giveVideoPaths(data);
    testing::ColourCodedFrames frames(data);
    AugmentationConfig skeleton;
    skeleton.enabled = false;  // no other skeleton change, so a mirror is visible as x -> -x
    RgbAugmentationConfig rgb;
    rgb.cropMinArea = 1.0;
    rgb.cropMaxAspect = 1.0;
    rgb.rotationDegrees = 0.0;
    rgb.brightness = rgb.contrast = rgb.saturation = 0.0;
    rgb.temporalCropMinFraction = 1.0;  // the frames as decoded: only the flip may change them
    VideoViews views{&frames, 4, 32, &rgb, true};
    const std::vector<int> items = testing::allItems(data);
    const PreparedBatch batch = assembleBatch(data, items, 8, {0}, &skeleton, 99, &views);
    ASSERT_TRUE(batch.error.empty()) << batch.error;
    const size_t videoSize = size_t(3) * 4 * 32 * 32, skeletonSize = size_t(3) * 8 * 5;
    int flipped = 0;
    for (size_t i = 0; i < items.size(); ++i) {
        const LabelledClip& clip = data.clips[size_t(items[i])];
        const Result<RgbClip> decoded = frames.decode(rgbRequestOf(clip, views));
        ASSERT_TRUE(decoded.ok());
        const std::vector<float> plain = rgbView(decoded.value(), {}, 4);
        RgbViewDraw flip;
        flip.flip = true;
        const std::vector<float> mirrored = rgbView(decoded.value(), flip, 4);
        const std::vector<float> got(batch.video.values.begin() + long(i * videoSize),
                                     batch.video.values.begin() + long((i + 1) * videoSize));
        ASSERT_TRUE(got == plain || got == mirrored) << "clip " << i;
        const bool isFlipped = got == mirrored;
        flipped += isFlipped;
        model::SkeletonClip expected = evaluationView(clip.skeleton, 8);
        if (isFlipped) mirrorClip(expected, data.mirrorPairs);
        const std::vector<float> skeletonGot(batch.batch.values.begin() + long(i * skeletonSize),
                                             batch.batch.values.begin() + long((i + 1) * skeletonSize));
        EXPECT_EQ(skeletonGot, expected.values) << "clip " << i << (isFlipped ? " (flipped)" : "");
    }
    EXPECT_GT(flipped, 0);
    EXPECT_LT(flipped, int(items.size()));
    // The same seed gives the same batch; another seed another one.
    EXPECT_EQ(assembleBatch(data, items, 8, {0}, &skeleton, 99, &views).video.values, batch.video.values);
    EXPECT_NE(assembleBatch(data, items, 8, {0}, &skeleton, 100, &views).video.values, batch.video.values);
}

TEST(FusionBatch, FramesAreSampledOverTheSkeletonViewsTimeWindow) {
    LabelledDataset data = testing::motionDataset(4);
    testing::giveVideoPaths(data);
    testing::ColourCodedFrames frames(data);
    AugmentationConfig skeleton;
    skeleton.cropMinFraction = 0.4;  // windows from 40 % of a segment to all of it
    RgbAugmentationConfig rgb;
    rgb.enabled = false;                // no other change of the frames
    rgb.temporalCropMinFraction = 1.0;  // and no crop of its own: the skeleton's window is used
    VideoViews views{&frames, 4, 32, &rgb, true};
    const std::vector<int> items = testing::allItems(data);
    const std::uint32_t seed = 7;
    const PreparedBatch batch = assembleBatch(data, items, 8, {0}, &skeleton, seed, &views);
    ASSERT_TRUE(batch.error.empty()) << batch.error;
    // The skeleton stream of the seed, replayed: each clip's view and the window it sampled.
    std::mt19937 rng(seed);
    const size_t videoSize = size_t(3) * 4 * 32 * 32;
    int cropped = 0;
    for (size_t i = 0; i < items.size(); ++i) {
        const LabelledClip& clip = data.clips[size_t(items[i])];
        const bool noFlip = false;
        TimeWindow window;
        (void)trainingView(clip.skeleton, 8, skeleton, data.mirrorPairs, rng, &noFlip, &window);
        EXPECT_GE(window.start, 0.0);
        EXPECT_LE(window.start + window.length, 1.0 + 1e-9);
        const Result<RgbClip> decoded = frames.decode(rgbRequestOf(clip, views));
        ASSERT_TRUE(decoded.ok());
        EXPECT_EQ(decoded->frames, 8) << "a training window needs twice the view's frames";
        RgbViewDraw sameTime;
        sameTime.timeStart = window.start;
        sameTime.timeLength = window.length;
        const std::vector<float> got(batch.video.values.begin() + long(i * videoSize),
                                     batch.video.values.begin() + long((i + 1) * videoSize));
        EXPECT_EQ(got, rgbView(decoded.value(), sameTime, 4)) << "clip " << i;
        if (window.length < 0.75) {
            ++cropped;
            EXPECT_NE(got, rgbView(decoded.value(), {}, 4)) << "clip " << i << ": a short window shows other frames";
        }
    }
    EXPECT_GT(cropped, 0);
    // Evaluation views decode the view's frames only and see the whole segment.
    VideoViews evaluation = views;
    evaluation.augmentation = nullptr;
    EXPECT_EQ(rgbRequestOf(data.clips[0], evaluation).frames, 4);
}

}  // namespace
}  // namespace actionlens::train

namespace actionlens::train {
namespace {

// Every clip of `data` with the labels `assembleBatch` gives it under `skeleton` (and `video`).
PreparedBatch labelledBatch(const LabelledDataset& data, const AugmentationConfig* skeleton, const VideoViews* video = nullptr) {
    const PreparedBatch batch = assembleBatch(data, testing::allItems(data), 8, {0, 1, 2}, skeleton, 3, video);
    EXPECT_TRUE(batch.error.empty()) << batch.error;
    return batch;
}

TEST(MirroredBatch, AlwaysMirroredClipsCarryTheirLabelsMirrorImages) {
    LabelledDataset data = testing::motionDataset(2);
    testing::declareMirrors(data);
    AugmentationConfig always;
    always.mirrorProbability = 1.0;
    const PreparedBatch batch = labelledBatch(data, &always);
    for (size_t i = 0; i < data.clips.size(); ++i) {
        const std::vector<int>& l = data.clips[i].labels;
        EXPECT_EQ(batch.labels[0][i], std::vector<std::int64_t>({1, 0, 2, 3})[size_t(l[0])]) << "wave left <-> right, clip " << i;
        EXPECT_EQ(batch.labels[1][i], l[1]) << "groups have no side";
        EXPECT_EQ(batch.labels[2][i], 1 - l[2]) << "the fixture's viewpoints are each other's mirror images";
    }
    AugmentationConfig never;
    never.mirrorProbability = 0.0;
    const PreparedBatch kept = labelledBatch(data, &never);
    for (size_t i = 0; i < data.clips.size(); ++i)
        for (size_t t = 0; t < 3; ++t) EXPECT_EQ(kept.labels[t][i], data.clips[i].labels[t]);
    const PreparedBatch evaluation = labelledBatch(data, nullptr);
    for (size_t i = 0; i < data.clips.size(); ++i) EXPECT_EQ(evaluation.labels[0][i], data.clips[i].labels[0]);
}

TEST(MirroredBatch, AnUndeclaredTaskIsLeftOutOfMirroredClipsUnlessForced) {
    LabelledDataset data = testing::motionDataset(4);
    testing::declareMirrors(data);
    data.tasks[2].mirrorOf.clear();
    AugmentationConfig half;  // the default chance, 0.5
    const PreparedBatch batch = labelledBatch(data, &half);
    int mirrored = 0;
    for (size_t i = 0; i < data.clips.size(); ++i) {
        if (data.clips[i].labels[0] >= 2) continue;  // nod and walk: their action does not tell a mirrored clip
        const bool isMirrored = batch.labels[0][i] != data.clips[i].labels[0];
        mirrored += isMirrored;
        EXPECT_EQ(batch.labels[2][i], isMirrored ? -1 : data.clips[i].labels[2]) << "clip " << i;
    }
    EXPECT_GT(mirrored, 0);
    EXPECT_LT(mirrored, 16);
    AugmentationConfig forced = half;
    forced.forceMirrorUndeclared = true;
    const PreparedBatch kept = labelledBatch(data, &forced);
    for (size_t i = 0; i < data.clips.size(); ++i) {
        EXPECT_EQ(kept.labels[2][i], data.clips[i].labels[2]) << "forced: kept as it was, clip " << i;
        EXPECT_EQ(kept.labels[0][i], batch.labels[0][i]) << "the same draws";
    }
}

TEST(MirroredBatch, VideoLabelsFollowTheFramesFlip) {
    LabelledDataset data = testing::motionDataset(2);
    testing::declareMirrors(data);
    testing::giveVideoPaths(data);
    testing::ColourCodedFrames frames(data);
    AugmentationConfig skeleton;
    skeleton.mirrorProbability = 0.0;  // a video trunk's labels follow the frames, not the skeleton
    RgbAugmentationConfig flipAll;
    flipAll.flipProbability = 1.0;
    for (const bool fused : {false, true}) {
        VideoViews views{&frames, 4, 16, &flipAll, fused};
        const PreparedBatch batch = labelledBatch(data, &skeleton, &views);
        for (size_t i = 0; i < data.clips.size(); ++i)
            EXPECT_EQ(batch.labels[2][i], 1 - data.clips[i].labels[2]) << (fused ? "fusion" : "video") << ", clip " << i;
    }
    RgbAugmentationConfig noFlip = flipAll;
    noFlip.flipProbability = 0.0;
    AugmentationConfig mirrorAll;
    mirrorAll.mirrorProbability = 1.0;
    VideoViews views{&frames, 4, 16, &noFlip, false};
    const PreparedBatch batch = labelledBatch(data, &mirrorAll, &views);
    for (size_t i = 0; i < data.clips.size(); ++i) EXPECT_EQ(batch.labels[2][i], data.clips[i].labels[2]) << "clip " << i;
}

}  // namespace
}  // namespace actionlens::train
