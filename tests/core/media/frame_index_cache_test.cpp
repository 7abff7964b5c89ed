#include "core/media/frame_index_cache.h"
#include "core/media/video_file_source.h"
#include "tests/support/test_videos.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace actionlens;
using namespace actionlens::media;
using actionlens::fixtures::TempDir;

namespace fs = std::filesystem;

TEST(FrameIndexCache, StoresAndLoadsAnIndexKeyedByTheVideo) {
    TempDir videos, cacheDir;
    const std::string video = videos.file("clip.bin");
    fixtures::writeFileBytes(video, "pretend video bytes");
    const FrameIndexCache cache(cacheDir.path());
    EXPECT_FALSE(cache.load(video).has_value());

    const FrameIndex index({{0, 0, 0, true}, {512, 512, 10, false}}, TimeBase{1, 12800});
    ASSERT_TRUE(cache.store(video, index));
    auto loaded = cache.load(video);
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(loaded->frameCount(), 2);
    EXPECT_EQ(fs::path(cache.entryPath(video)).parent_path(), fs::path(cacheDir.path()));
}

TEST(FrameIndexCache, ForgetsTheIndexWhenTheVideoChanges) {
    TempDir videos, cacheDir;
    const std::string video = videos.file("clip.bin");
    fixtures::writeFileBytes(video, "first version");
    const FrameIndexCache cache(cacheDir.path());
    ASSERT_TRUE(cache.store(video, FrameIndex({{0, 0, 0, true}}, TimeBase{1, 25})));
    fixtures::writeFileBytes(video, "second version, longer");
    EXPECT_FALSE(cache.load(video).has_value());
}

TEST(FrameIndexCache, IgnoresADamagedEntry) {
    TempDir videos, cacheDir;
    const std::string video = videos.file("clip.bin");
    fixtures::writeFileBytes(video, "bytes");
    const FrameIndexCache cache(cacheDir.path());
    ASSERT_TRUE(cache.store(video, FrameIndex({{0, 0, 0, true}}, TimeBase{1, 25})));
    fixtures::writeFileBytes(cache.entryPath(video), "ALFIDX01 but then nothing sensible");
    EXPECT_FALSE(cache.load(video).has_value());
}

TEST(FrameIndexCache, VideoSourceReusesItsIndexAndNeverWritesBesideTheVideo) {
    TempDir videos, cacheDir;
    fixtures::StampedVideoSpec spec;
    spec.frames = 40;
    const std::string video = fixtures::makeStampedVideo(videos.file("clip.mp4"), spec);
    OpenOptions options;
    options.indexCacheDirectory = cacheDir.path();

    auto first = VideoFileSource::open(video, options);
    ASSERT_TRUE(first.ok()) << first.error();
    EXPECT_FALSE(first.value()->indexFromCache());
    auto second = VideoFileSource::open(video, options);
    ASSERT_TRUE(second.ok()) << second.error();
    EXPECT_TRUE(second.value()->indexFromCache());
    EXPECT_EQ(second.value()->index().frameCount(), 40);
    auto frame = second.value()->readFrame(33);
    ASSERT_TRUE(frame.ok()) << frame.error();
    EXPECT_EQ(fixtures::stampOf(*frame.value()), 33);

    int filesBesideVideo = 0;
    for (const auto& entry : fs::directory_iterator(videos.path())) {
        (void)entry;
        ++filesBesideVideo;
    }
    EXPECT_EQ(filesBesideVideo, 1);
}
