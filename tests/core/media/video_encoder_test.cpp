#include "core/media/video_encoder.h"
#include "core/media/video_file_source.h"
#include "tests/support/test_videos.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace actionlens;
using namespace actionlens::media;

namespace fs = std::filesystem;

TEST(VideoEncoder, TheFileAppearsOnlyWhenFinished) {
    fixtures::TempDir dir;
    EncoderSettings settings;
    settings.width = 64;
    settings.height = 48;
    const std::string path = dir.file("out.mp4");
    auto encoder = VideoEncoder::open(path, settings);
    ASSERT_TRUE(encoder.ok()) << encoder.error();
    std::vector<uint8_t> picture(static_cast<size_t>(alignedRgbStride(64)) * 48, 128);
    for (int i = 0; i < 5; ++i) ASSERT_TRUE(encoder.value()->write(picture.data(), alignedRgbStride(64)).ok());
    EXPECT_FALSE(fs::exists(path));
    EXPECT_TRUE(fs::exists(path + ".part"));
    ASSERT_TRUE(encoder.value()->finish().ok());
    EXPECT_TRUE(fs::exists(path));
    EXPECT_FALSE(fs::exists(path + ".part"));
    EXPECT_EQ(encoder.value()->framesWritten(), 5);
}

TEST(VideoEncoder, AnAbandonedFileLeavesNothingBehind) {
    fixtures::TempDir dir;
    EncoderSettings settings;
    settings.width = 64;
    settings.height = 48;
    {
        auto encoder = VideoEncoder::open(dir.file("abandoned.mp4"), settings);
        ASSERT_TRUE(encoder.ok()) << encoder.error();
    }
    EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(VideoEncoder, RejectsBadSettings) {
    fixtures::TempDir dir;
    EncoderSettings odd;
    odd.width = 65;
    odd.height = 48;
    EXPECT_FALSE(VideoEncoder::open(dir.file("odd.mp4"), odd).ok());
    EncoderSettings fine;
    fine.width = 64;
    fine.height = 48;
    auto unknown = VideoEncoder::open(dir.file("clip.unknownext"), fine);
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().find("container"), std::string::npos) << unknown.error();
    auto vfr = fine;
    vfr.variableFrameRate = true;
    auto encoder = VideoEncoder::open(dir.file("vfr.mkv"), vfr);
    ASSERT_TRUE(encoder.ok()) << encoder.error();
    std::vector<uint8_t> picture(static_cast<size_t>(alignedRgbStride(64)) * 48, 0);
    EXPECT_FALSE(encoder.value()->write(picture.data(), alignedRgbStride(64)).ok()) << "a VFR frame needs a time";
    ASSERT_TRUE(encoder.value()->write(picture.data(), alignedRgbStride(64), 0.5).ok());
    EXPECT_FALSE(encoder.value()->write(picture.data(), alignedRgbStride(64), 0.5).ok()) << "times must increase";
}

TEST(VideoEncoder, WritesTheRequestedGopAndBFrames) {
    fixtures::TempDir dir;
    fixtures::StampedVideoSpec spec;
    spec.frames = 120;
    spec.gop = 50;
    spec.bframes = 2;
    const std::string path = fixtures::makeStampedVideo(dir.file("gop.mp4"), spec);
    OpenOptions options;
    options.useIndexCache = false;
    auto source = VideoFileSource::open(path, options);
    ASSERT_TRUE(source.ok()) << source.error();
    EXPECT_EQ(source.value()->index().keyframes(), (std::vector<int>{0, 50, 100}));
    EXPECT_TRUE(source.value()->index().hasReordering());
}
