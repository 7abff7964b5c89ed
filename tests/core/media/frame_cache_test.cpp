#include "core/media/frame_cache.h"

#include <gtest/gtest.h>

using namespace actionlens::media;

namespace {

FramePtr makeFrame(int index, int width = 100, int height = 100) {
    auto frame = std::make_shared<VideoFrame>();
    frame->index = index;
    frame->width = width;
    frame->height = height;
    frame->stride = alignedRgbStride(width);
    frame->rgb.assign(static_cast<size_t>(frame->stride) * height, static_cast<uint8_t>(index));
    return frame;
}

}  // namespace

TEST(FrameCache, KeepsFramesWithinItsBudget) {
    const size_t frameBytes = makeFrame(0)->byteSize();
    FrameCache cache(frameBytes * 3);
    for (int i = 0; i < 10; ++i) cache.put(makeFrame(i));
    EXPECT_EQ(cache.size(), 3u);
    EXPECT_LE(cache.bytesUsed(), frameBytes * 3);
    EXPECT_FALSE(cache.contains(6));
    EXPECT_TRUE(cache.contains(7));
    EXPECT_TRUE(cache.contains(9));
}

TEST(FrameCache, EvictsTheLeastRecentlyUsedFrame) {
    const size_t frameBytes = makeFrame(0)->byteSize();
    FrameCache cache(frameBytes * 3);
    cache.put(makeFrame(1));
    cache.put(makeFrame(2));
    cache.put(makeFrame(3));
    ASSERT_TRUE(cache.get(1));  // 1 is now the most recent
    cache.put(makeFrame(4));
    EXPECT_TRUE(cache.contains(1));
    EXPECT_FALSE(cache.contains(2));
    EXPECT_EQ(cache.get(4)->rgb[0], 4);
    EXPECT_EQ(cache.get(99), nullptr);
}

TEST(FrameCache, ReplacingAFrameDoesNotCountItTwice) {
    FrameCache cache(size_t{1} << 30);
    cache.put(makeFrame(5));
    const size_t once = cache.bytesUsed();
    cache.put(makeFrame(5));
    EXPECT_EQ(cache.bytesUsed(), once);
    EXPECT_EQ(cache.size(), 1u);
}

TEST(FrameCache, ShrinkingTheBudgetEvictsAndAnOversizedFrameStaysAlone) {
    const size_t frameBytes = makeFrame(0)->byteSize();
    FrameCache cache(frameBytes * 4);
    for (int i = 0; i < 4; ++i) cache.put(makeFrame(i));
    cache.setBudgetBytes(frameBytes * 2);
    EXPECT_EQ(cache.size(), 2u);
    cache.setBudgetBytes(10);
    EXPECT_EQ(cache.size(), 1u) << "the viewer's current frame is kept even over budget";
    cache.clear();
    EXPECT_EQ(cache.size(), 0u);
    EXPECT_EQ(cache.bytesUsed(), 0u);
}
