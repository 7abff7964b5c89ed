#include "core/train/decoded_clip_cache.h"

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

}  // namespace
}  // namespace actionlens::train
