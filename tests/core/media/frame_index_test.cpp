#include "core/media/frame_index.h"

#include <gtest/gtest.h>

using namespace actionlens::media;

namespace {

// Decode order of a GOP with B-frames: I0 P3 B1 B2 P6 B4 B5 (pts in units of 10 ticks).
FrameIndex reorderedGop() {
    std::vector<FrameIndexEntry> decodeOrder = {
        {0, -20, 0, true}, {30, -10, 1, false}, {10, 0, 2, false}, {20, 10, 3, false},
        {60, 20, 4, false}, {40, 30, 5, false}, {50, 40, 6, false}, {70, 50, 7, true},
    };
    return FrameIndex(decodeOrder, TimeBase{1, 100});
}

}  // namespace

TEST(FrameIndex, SortsPacketsIntoDisplayOrder) {
    const FrameIndex index = reorderedGop();
    ASSERT_EQ(index.frameCount(), 8);
    for (int i = 0; i < 8; ++i) EXPECT_EQ(index.entry(i).pts, i * 10) << i;
    EXPECT_TRUE(index.hasReordering());
    EXPECT_EQ(index.keyframes(), (std::vector<int>{0, 7}));
}

TEST(FrameIndex, FindsKeyframesAroundAFrame) {
    const FrameIndex index = reorderedGop();
    EXPECT_EQ(index.keyframeAtOrBefore(0), 0);
    EXPECT_EQ(index.keyframeAtOrBefore(6), 0);
    EXPECT_EQ(index.keyframeAtOrBefore(7), 7);
    EXPECT_EQ(index.keyframeBefore(7), 0);
    EXPECT_EQ(index.keyframeBefore(0), std::nullopt);
}

TEST(FrameIndex, TimesComeFromTimestampsOnVariableRateVideo) {
    std::vector<FrameIndexEntry> entries;
    const int64_t pts[] = {1000, 1010, 1050, 1150, 1160};  // ms with irregular gaps
    for (int64_t p : pts) entries.push_back({p, p, -1, p == 1000});
    const FrameIndex index(entries, TimeBase{1, 1000});
    EXPECT_DOUBLE_EQ(index.seconds(0), 0.0);
    EXPECT_DOUBLE_EQ(index.seconds(2), 0.050);
    EXPECT_DOUBLE_EQ(index.seconds(3), 0.150);
    EXPECT_TRUE(index.variableFrameRate());
    EXPECT_EQ(index.frameAtSeconds(0.0), 0);
    EXPECT_EQ(index.frameAtSeconds(0.049), 1);
    EXPECT_EQ(index.frameAtSeconds(0.050), 2);
    EXPECT_EQ(index.frameAtSeconds(10.0), 4);
    EXPECT_EQ(index.frameAtSeconds(-1.0), 0);
    for (int i = 0; i < index.frameCount(); ++i) EXPECT_EQ(index.frameAtSeconds(index.seconds(i)), i);
}

TEST(FrameIndex, ConstantRateIsNotVariable) {
    std::vector<FrameIndexEntry> entries;
    for (int i = 0; i < 50; ++i) entries.push_back({i * 512, i * 512, -1, i % 10 == 0});
    const FrameIndex index(entries, TimeBase{1, 12800});
    EXPECT_FALSE(index.variableFrameRate());
    EXPECT_FALSE(index.hasReordering());
    EXPECT_NEAR(index.averageFps(), 25.0, 1e-9);
    EXPECT_NEAR(index.durationSeconds(), 2.0, 1e-9);
}

TEST(FrameIndex, LooksUpDecodedTimestamps) {
    const FrameIndex index = reorderedGop();
    EXPECT_EQ(index.frameForPts(40), 4);
    EXPECT_EQ(index.frameForPts(41), std::nullopt);
    EXPECT_EQ(index.nearestFrameForPts(41), 4);
    EXPECT_EQ(index.nearestFrameForPts(48), 5);
    EXPECT_EQ(index.nearestFrameForPts(-100), 0);
    EXPECT_EQ(index.nearestFrameForPts(1000), 7);
}

TEST(FrameIndex, SerializesLosslessly) {
    const FrameIndex index = reorderedGop();
    auto restored = FrameIndex::deserialize(index.serialize());
    ASSERT_TRUE(restored.ok()) << restored.error();
    ASSERT_EQ(restored->frameCount(), index.frameCount());
    for (int i = 0; i < index.frameCount(); ++i) {
        EXPECT_EQ(restored->entry(i).pts, index.entry(i).pts);
        EXPECT_EQ(restored->entry(i).dts, index.entry(i).dts);
        EXPECT_EQ(restored->entry(i).bytePos, index.entry(i).bytePos);
        EXPECT_EQ(restored->entry(i).keyframe, index.entry(i).keyframe);
    }
    EXPECT_EQ(restored->timeBase().den, 100);
}

TEST(FrameIndex, MatchesPicturesByPacketDtsWhenTimestampsAreMissing) {
    // Display order I0 B1 P2 with decode order I0 P2 B1: dts 0, 1, 2 in decode order.
    std::vector<FrameIndexEntry> displayOrder = {{0, 0, 0, true}, {1, 2, 2, false}, {2, 1, 1, false}};
    const FrameIndex index(displayOrder, TimeBase{1, 25}, FrameIdentity::PacketDecodeTimestamp);
    EXPECT_EQ(index.frameForPacketDts(0), 0);
    EXPECT_EQ(index.frameForPacketDts(2), 1);
    EXPECT_EQ(index.frameForPacketDts(1), 2);
    EXPECT_EQ(index.frameForPacketDts(3), std::nullopt);
    auto restored = FrameIndex::deserialize(index.serialize());
    ASSERT_TRUE(restored.ok()) << restored.error();
    EXPECT_EQ(restored->identity(), FrameIdentity::PacketDecodeTimestamp);
    EXPECT_EQ(restored->frameForPacketDts(2), 1);
}

TEST(FrameIndex, RejectsDamagedCacheBytes) {
    const std::string bytes = reorderedGop().serialize();
    EXPECT_FALSE(FrameIndex::deserialize("").ok());
    EXPECT_FALSE(FrameIndex::deserialize("garbage that is long enough").ok());
    EXPECT_FALSE(FrameIndex::deserialize(bytes.substr(0, bytes.size() - 3)).ok());
    EXPECT_FALSE(FrameIndex::deserialize(bytes + "x").ok());
    std::string badTimeBase = bytes;
    badTimeBase[8] = 0;  // num = 0
    badTimeBase[9] = 0;
    EXPECT_FALSE(FrameIndex::deserialize(badTimeBase).ok());
}
