// SkeletonFrameCache: one store read per block, the right rows per frame.

#include "ui/document/skeleton_frame_cache.h"

#include <gtest/gtest.h>

using namespace actionlens;
using actionlens::ui::SkeletonFrameCache;

namespace {

// Two subjects on even frames, one on odd frames, like a store would return them.
SkeletonFrameCache::Reader fakeStore(int* reads) {
    return [reads](std::int64_t first, std::int64_t last) -> Result<std::vector<annotation::SkeletonFrame>> {
        ++*reads;
        std::vector<annotation::SkeletonFrame> rows;
        for (std::int64_t f = first; f <= last; ++f) {
            for (std::int64_t subject = 1; subject <= (f % 2 == 0 ? 2 : 1); ++subject) {
                annotation::SkeletonFrame s;
                s.frame = f;
                s.subjectId = subject;
                s.joints = {annotation::Joint{float(f), float(subject), 1.0f, true}};
                rows.push_back(s);
            }
        }
        return rows;
    };
}

}  // namespace

TEST(SkeletonFrameCache, ReturnsEachFramesRowsAndReadsOncePerBlock) {
    int reads = 0;
    SkeletonFrameCache cache;
    cache.reset(fakeStore(&reads));
    for (std::int64_t f = 0; f < SkeletonFrameCache::kBlockFrames; ++f) {
        const auto rows = cache.at(f);
        ASSERT_EQ(rows.size(), f % 2 == 0 ? 2u : 1u) << "frame " << f;
        EXPECT_EQ(rows.front().joints.front().x, float(f));
    }
    EXPECT_EQ(reads, 1);
    cache.at(SkeletonFrameCache::kBlockFrames);  // the next block
    EXPECT_EQ(reads, 2);
    cache.invalidate();
    cache.at(3);
    EXPECT_EQ(reads, 3);
}

TEST(SkeletonFrameCache, KeepsAtMostMaxBlocks) {
    int reads = 0;
    SkeletonFrameCache cache;
    cache.reset(fakeStore(&reads));
    const std::int64_t blocks = SkeletonFrameCache::kMaxBlocks + 1;
    for (std::int64_t b = 0; b < blocks; ++b) cache.at(b * SkeletonFrameCache::kBlockFrames);
    EXPECT_EQ(reads, blocks);
    cache.at((blocks - 1) * SkeletonFrameCache::kBlockFrames);  // the newest block is still held
    EXPECT_EQ(reads, blocks);
    cache.at(0);  // block 0, the least recently used, was evicted: read again
    EXPECT_EQ(reads, blocks + 1);
}

TEST(SkeletonFrameCache, ReportsAFailedRead) {
    SkeletonFrameCache cache;
    cache.reset([](std::int64_t, std::int64_t) -> Result<std::vector<annotation::SkeletonFrame>> {
        return makeError("disk on fire");
    });
    EXPECT_TRUE(cache.at(5).empty());
    EXPECT_EQ(cache.lastError(), "disk on fire");
}
