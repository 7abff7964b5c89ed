#include "core/media/video_file_source.h"
#include "tests/support/test_videos.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <random>

using namespace actionlens;
using namespace actionlens::media;
using fixtures::stampOf;

namespace {

std::unique_ptr<VideoFileSource> openOrFail(const std::string& path, OpenOptions options = {}) {
    static fixtures::TempDir cacheDir;
    if (options.indexCacheDirectory.empty()) options.indexCacheDirectory = cacheDir.path();
    auto source = VideoFileSource::open(path, options);
    EXPECT_TRUE(source.ok()) << (source.ok() ? "" : source.error());
    return source.ok() ? std::move(source).value() : nullptr;
}

}  // namespace

TEST(VideoFileSource, IndexesALongGopFileWithBFrames) {
    auto source = openOrFail(fixtures::sharedLongGopVideo());
    ASSERT_TRUE(source);
    const FrameIndex& index = source->index();
    EXPECT_EQ(index.frameCount(), 600);
    EXPECT_EQ(index.keyframes(), (std::vector<int>{0, 250, 500}));
    EXPECT_TRUE(index.hasReordering()) << "the fixture must exercise B-frame reordering";
    EXPECT_EQ(source->info().width, 320);
    EXPECT_EQ(source->info().height, 240);
    EXPECT_NEAR(source->info().fps, 25.0, 1e-6);
    EXPECT_NEAR(source->info().durationSeconds, 24.0, 1e-6);
    EXPECT_FALSE(source->info().variableFrameRate);
    EXPECT_EQ(source->statistics().framesDecoded, 0) << "indexing must not decode";
}

TEST(VideoFileSource, Bgrx32FramesHoldTheSamePictureAsRgb24OnesWithOpaqueAlpha) {
    auto rgb = openOrFail(fixtures::sharedLongGopVideo());
    OpenOptions options;
    options.pixelLayout = PixelLayout::Bgrx32;
    auto bgrx = openOrFail(fixtures::sharedLongGopVideo(), options);
    ASSERT_TRUE(rgb && bgrx);
    EXPECT_EQ(bgrx->pixelLayout(), PixelLayout::Bgrx32);
    for (int n : {0, 251, 377}) {
        auto a = rgb->readFrame(n);
        auto b = bgrx->readFrame(n);
        ASSERT_TRUE(a.ok() && b.ok());
        const VideoFrame& r = *a.value();
        const VideoFrame& x = *b.value();
        EXPECT_EQ(r.layout, PixelLayout::Rgb24);
        ASSERT_EQ(x.layout, PixelLayout::Bgrx32);
        ASSERT_GE(x.stride, 4 * x.width);
        ASSERT_EQ(x.width, r.width);
        int worst = 0;
        for (int y = 0; y < r.height; y += 7)
            for (int px = 0; px < r.width; px += 5) {
                const uint8_t* p = r.row(y) + 3 * px;
                const uint8_t* q = x.row(y) + 4 * px;
                ASSERT_EQ(q[3], 255) << "frame " << n << " pixel " << px << "," << y;
                worst = std::max({worst, std::abs(p[0] - q[2]), std::abs(p[1] - q[1]), std::abs(p[2] - q[0])});
            }
        // The same converter writes both; only its rounding may differ between the two formats.
        EXPECT_LE(worst, 3) << "frame " << n;
    }
}

TEST(VideoFileSource, TwoHundredRandomSeeksReturnExactlyTheRequestedFrame) {
    auto source = openOrFail(fixtures::sharedLongGopVideo());
    ASSERT_TRUE(source);
    std::mt19937 random(20261128);
    std::uniform_int_distribution<int> pick(0, 599);
    for (int i = 0; i < 200; ++i) {
        const int n = pick(random);
        auto frame = source->readFrame(n);
        ASSERT_TRUE(frame.ok()) << "seek " << i << " to frame " << n << ": " << frame.error();
        EXPECT_EQ(frame.value()->index, n);
        EXPECT_EQ(stampOf(*frame.value()), n) << "seek " << i;
        EXPECT_NEAR(frame.value()->seconds, n / 25.0, 1e-9);
    }
}

TEST(VideoFileSource, SequentialReadingDecodesEachFrameOnce) {
    auto source = openOrFail(fixtures::sharedLongGopVideo());
    ASSERT_TRUE(source);
    for (int n = 0; n < 600; ++n) {
        auto frame = source->readFrame(n);
        ASSERT_TRUE(frame.ok()) << frame.error();
        ASSERT_EQ(stampOf(*frame.value()), n);
    }
    EXPECT_EQ(source->statistics().framesDecoded, 600);
    EXPECT_EQ(source->statistics().seeks, 1);
}

TEST(VideoFileSource, SteppingBackwardsFrameByFrameStaysExact) {
    auto source = openOrFail(fixtures::sharedLongGopVideo());
    ASSERT_TRUE(source);
    for (int n = 270; n >= 240; --n) {
        auto frame = source->readFrame(n);
        ASSERT_TRUE(frame.ok()) << frame.error();
        EXPECT_EQ(stampOf(*frame.value()), n);
    }
}

TEST(VideoFileSource, HandsOverTheFramesItPassesOnTheWay) {
    auto source = openOrFail(fixtures::sharedLongGopVideo());
    ASSERT_TRUE(source);
    std::vector<int> passed;
    PassedFrameSink sink;
    sink.wants = [](int f) { return f >= 300; };
    sink.take = [&](FramePtr frame) {
        EXPECT_EQ(stampOf(*frame), frame->index);
        passed.push_back(frame->index);
    };
    auto frame = source->readFrame(310, &sink);
    ASSERT_TRUE(frame.ok()) << frame.error();
    std::vector<int> expected;
    for (int f = 300; f < 310; ++f) expected.push_back(f);
    EXPECT_EQ(passed, expected);
}

TEST(VideoFileSource, VariableFrameRateTimesComeFromTheFile) {
    auto source = openOrFail(fixtures::sharedVfrVideo());
    ASSERT_TRUE(source);
    const std::vector<double> times = fixtures::sharedVfrTimes();
    ASSERT_EQ(source->index().frameCount(), static_cast<int>(times.size()));
    EXPECT_TRUE(source->info().variableFrameRate);
    std::mt19937 random(7);
    std::uniform_int_distribution<int> pick(0, static_cast<int>(times.size()) - 1);
    for (int i = 0; i < 60; ++i) {
        const int n = pick(random);
        auto frame = source->readFrame(n);
        ASSERT_TRUE(frame.ok()) << frame.error();
        EXPECT_EQ(stampOf(*frame.value()), n);
        EXPECT_NEAR(frame.value()->seconds, times[static_cast<size_t>(n)], 0.0011);
        EXPECT_EQ(source->index().frameAtSeconds(times[static_cast<size_t>(n)] + 0.0005), n);
    }
}

TEST(VideoFileSource, Mpeg4WithBFramesIsExactToo) {
    fixtures::TempDir dir;
    fixtures::StampedVideoSpec spec;
    spec.frames = 200;
    spec.codec = "mpeg4";
    spec.gop = 100;
    spec.bframes = 2;
    auto source = openOrFail(fixtures::makeStampedVideo(dir.file("mpeg4.mkv"), spec));
    ASSERT_TRUE(source);
    EXPECT_EQ(source->info().codec, "mpeg4");
    ASSERT_EQ(source->index().frameCount(), 200);
    std::mt19937 random(11);
    std::uniform_int_distribution<int> pick(0, 199);
    for (int i = 0; i < 50; ++i) {
        const int n = pick(random);
        auto frame = source->readFrame(n);
        ASSERT_TRUE(frame.ok()) << frame.error();
        EXPECT_EQ(stampOf(*frame.value()), n);
    }
}

TEST(VideoFileSource, AviWithBFramesWherePacketsLackTimestampsIsExact) {
    // AVI stores no presentation times for the anchors of B-frames (UCF101 and HMDB51 are AVI).
    fixtures::TempDir dir;
    fixtures::StampedVideoSpec spec;
    spec.frames = 150;
    spec.codec = "mpeg4";
    spec.gop = 50;
    spec.bframes = 2;
    const std::string path = fixtures::makeStampedVideo(dir.file("clip.avi"), spec);
    for (int pass = 0; pass < 2; ++pass) {  // the second pass reads the index back from the cache
        OpenOptions options;
        options.indexCacheDirectory = dir.file("cache");
        auto opened = VideoFileSource::open(path, options);
        ASSERT_TRUE(opened.ok()) << opened.error();
        auto& source = *opened.value();
        EXPECT_EQ(source.indexFromCache(), pass == 1);
        EXPECT_EQ(source.index().identity(), FrameIdentity::PacketDecodeTimestamp);
        ASSERT_EQ(source.index().frameCount(), 150);
        // MPEG-4's encoder places its I-frames near, not exactly at, every 50th frame.
        ASSERT_GE(source.index().keyframes().size(), 3u);
        EXPECT_EQ(source.index().keyframes().front(), 0);
        EXPECT_NEAR(source.info().fps, 25.0, 1e-6);
        std::mt19937 random(17 + pass);
        std::uniform_int_distribution<int> pick(0, 149);
        for (int i = 0; i < 60; ++i) {
            const int n = pick(random);
            auto frame = source.readFrame(n);
            ASSERT_TRUE(frame.ok()) << frame.error();
            EXPECT_EQ(stampOf(*frame.value()), n) << "pass " << pass << ", seek " << i;
            EXPECT_NEAR(frame.value()->seconds, n / 25.0, 1e-9);
        }
        for (int n = 0; n < 150; ++n) {
            auto frame = source.readFrame(n);
            ASSERT_TRUE(frame.ok()) << frame.error();
            ASSERT_EQ(stampOf(*frame.value()), n);
        }
    }
}

TEST(VideoFileSource, ScalesToARequestedSize) {
    OpenOptions options;
    options.outputWidth = 160;
    options.outputHeight = 120;
    auto source = openOrFail(fixtures::sharedLongGopVideo(), options);
    ASSERT_TRUE(source);
    EXPECT_EQ(source->info().width, 160);
    auto frame = source->readFrame(77);
    ASSERT_TRUE(frame.ok()) << frame.error();
    EXPECT_EQ(frame.value()->width, 160);
    EXPECT_EQ(frame.value()->height, 120);
    EXPECT_EQ(stampOf(*frame.value()), 77);
}

TEST(VideoFileSource, RefusesFramesOutOfRange) {
    auto source = openOrFail(fixtures::sharedLongGopVideo());
    ASSERT_TRUE(source);
    auto before = source->readFrame(-1);
    ASSERT_FALSE(before.ok());
    EXPECT_NE(before.error().find("out of range"), std::string::npos);
    auto after = source->readFrame(600);
    ASSERT_FALSE(after.ok());
    EXPECT_NE(after.error().find("0-599"), std::string::npos);
}
