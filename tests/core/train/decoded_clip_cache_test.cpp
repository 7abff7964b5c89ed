#include "core/train/decoded_clip_cache.h"

#include "core/train/batch_loader.h"
#include "core/train/rgb_augmentation.h"
#include "core/train/skeleton_augmentation.h"
#include "train_fixtures.h"

#include <gtest/gtest.h>

#include <thread>

namespace actionlens::train {
namespace {

RgbClipRequest requestOf(const std::string& path, int first = 0) { return RgbClipRequest{path, 1, first, 10, 4, 8, 8}; }

TEST(DecodedClipCache, DecodesEachClipOnceAndReturnsTheSamePixels) {
    LabelledDataset data = testing::motionDataset(1);
    testing::giveVideoPaths(data);
    testing::ColourCodedFrames frames(data);
    DecodedClipCache cache(frames, 1 << 20);
    const Result<RgbClip> first = cache.decode(requestOf(data.clips[0].videoPath));
    ASSERT_TRUE(first.ok()) << first.error();
    const Result<RgbClip> again = cache.decode(requestOf(data.clips[0].videoPath));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->pixels, first->pixels);
    EXPECT_EQ(frames.decodes.load(), 1);
    // Another segment of the same video, or another size, is another clip.
    ASSERT_TRUE(cache.decode(requestOf(data.clips[0].videoPath, 5)).ok());
    RgbClipRequest larger = requestOf(data.clips[0].videoPath);
    larger.width = larger.height = 16;
    ASSERT_TRUE(cache.decode(larger).ok());
    EXPECT_EQ(frames.decodes.load(), 3);
    const ClipCacheStatistics s = cache.statistics();
    EXPECT_EQ(s.hits, 1);
    EXPECT_EQ(s.decodes, 3);
    EXPECT_EQ(s.clipsHeld, 3);
    EXPECT_EQ(s.bytesHeld, 2 * 4 * 8 * 8 * 3 + 4 * 16 * 16 * 3);
}

TEST(DecodedClipCache, KeepsTheFirstClipsWithinTheBudgetAndDecodesTheRestEveryTime) {
    LabelledDataset data = testing::motionDataset(1);
    testing::giveVideoPaths(data);
    testing::ColourCodedFrames frames(data);
    const std::int64_t clipBytes = 4 * 8 * 8 * 3;
    DecodedClipCache cache(frames, 2 * clipBytes + clipBytes / 2);
    for (int epoch = 0; epoch < 3; ++epoch)
        for (int c = 0; c < 4; ++c) ASSERT_TRUE(cache.decode(requestOf(data.clips[size_t(c)].videoPath)).ok());
    const ClipCacheStatistics s = cache.statistics();
    EXPECT_EQ(s.clipsHeld, 2);
    EXPECT_LE(s.bytesHeld, cache.budgetBytes());
    EXPECT_EQ(s.hits, 4);       // clips 0 and 1 in epochs 2 and 3
    EXPECT_EQ(s.decodes, 8);    // 4 in the first epoch, clips 2 and 3 again in each later one
    EXPECT_EQ(s.notKept, 6);
}

TEST(DecodedClipCache, FailuresAreNotCachedAndPassTheMessageOn) {
    LabelledDataset data = testing::motionDataset(1);
    testing::giveVideoPaths(data);
    testing::ColourCodedFrames frames(data);
    DecodedClipCache cache(frames, 1 << 20);
    frames.failOn = data.clips[1].videoPath;
    Result<RgbClip> r = cache.decode(requestOf(data.clips[1].videoPath));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error(), "corrupt packet");
    frames.failOn.clear();
    EXPECT_TRUE(cache.decode(requestOf(data.clips[1].videoPath)).ok());
    EXPECT_EQ(frames.decodes.load(), 2);
}

TEST(DecodedClipCache, ServesSeveralThreads) {
    LabelledDataset data = testing::motionDataset(2);
    testing::giveVideoPaths(data);
    testing::ColourCodedFrames frames(data);
    DecodedClipCache cache(frames, 1 << 20);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int round = 0; round < 5; ++round)
                for (const LabelledClip& clip : data.clips) EXPECT_TRUE(cache.decode(requestOf(clip.videoPath)).ok());
        });
    for (std::thread& t : threads) t.join();
    const ClipCacheStatistics s = cache.statistics();
    EXPECT_EQ(s.clipsHeld, std::int64_t(data.clips.size()));
    EXPECT_EQ(s.hits + s.decodes, std::int64_t(4 * 5 * data.clips.size()));
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
        const std::vector<float> plain = rgbView(decoded.value());
        RgbViewDraw flip;
        flip.flip = true;
        const std::vector<float> mirrored = rgbView(decoded.value(), flip);
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

}  // namespace
}  // namespace actionlens::train
