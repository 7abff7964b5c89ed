// The cache entries fuzz_frame_index_cache found (tests/fuzz/regressions/, packaging/run-fuzzers.sh),
// loaded as the fuzz target did: each is refused (a rebuild), never a crash or undefined behaviour.
#include "core/media/frame_index_cache.h"
#include "tests/fuzz/kept_inputs.h"
#include "tests/support/test_videos.h"

#include <gtest/gtest.h>

#include <fstream>

using namespace actionlens;

TEST(FrameIndexCacheFuzzRegressions, EveryKeptEntryIsRefused) {
    for (const auto& kept : fuzz::keptInputs("fuzz_frame_index_cache")) {
        SCOPED_TRACE(kept.filename().string());
        fixtures::TempDir dir;
        const std::string video = dir.file("video.mp4");
        std::ofstream(video) << "not decoded";
        const media::FrameIndexCache cache(dir.file("cache"));
        std::filesystem::create_directories(cache.directory());
        std::ofstream(cache.entryPath(video), std::ios::binary) << fuzz::bytesOf(kept);
        EXPECT_FALSE(cache.load(video).has_value());
    }
}

TEST(FrameIndexCacheFuzzRegressions, TimestampsNearInt64sEndsAreRefused) {
    // Found by fuzz_frame_index_cache: such a span overflowed averageFps()'s subtraction.
    media::FrameIndex sane({{0, 0, -1, true}, {512, 512, -1, false}}, media::TimeBase{1, 12800});
    std::string bytes = sane.serialize();
    ASSERT_TRUE(media::FrameIndex::deserialize(bytes).ok());
    const std::int64_t huge = std::int64_t(1) << 62;
    media::FrameIndex far({{-huge, 0, -1, true}, {huge, 512, -1, false}}, media::TimeBase{1, 12800});
    auto refused = media::FrameIndex::deserialize(far.serialize());
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("timestamp out of range"), std::string::npos) << refused.error();
}
