#include "core/clips/video_clip_decoder.h"

#include "core/media/video_encoder.h"
#include "core/media/video_frame.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace actionlens::clips {
namespace {

// A 64 x 48 video whose frame i is one flat grey of level 20 i, so a decoded frame tells its index.
std::string writeGreyRamp(const QTemporaryDir& dir, int frames) {
    const std::string path = dir.filePath("ramp.mp4").toStdString();
    media::EncoderSettings settings;
    settings.width = 64;
    settings.height = 48;
    settings.gopSize = 4;
    settings.quality = 10;
    auto encoder = media::VideoEncoder::open(path, settings);
    EXPECT_TRUE(encoder.ok()) << encoder.error();
    const int stride = media::alignedRgbStride(64);
    for (int i = 0; i < frames; ++i) {
        std::vector<std::uint8_t> picture(size_t(stride) * 48, std::uint8_t(20 * i));
        EXPECT_TRUE(encoder.value()->write(picture.data(), stride).ok());
    }
    EXPECT_TRUE(encoder.value()->finish().ok());
    return path;
}

double meanOfFrame(const train::RgbClip& clip, int frame) {
    double sum = 0.0;
    const size_t size = size_t(clip.height) * clip.width * 3;
    for (size_t i = 0; i < size; ++i) sum += clip.pixels[size_t(frame) * size + i];
    return sum / double(size);
}

media::OpenOptions noIndexCache() {
    media::OpenOptions options;
    options.useIndexCache = false;
    return options;
}

TEST(VideoClipDecoder, SamplesTheSegmentEvenlyAtTheAskedSize) {
    QTemporaryDir dir;
    const std::string path = writeGreyRamp(dir, 12);
    VideoClipDecoder decoder(noIndexCache());
    // Frames 2..9 in four samples: the centres of [2,4), [4,6), [6,8), [8,10) -> 3, 5, 7, 9.
    const Result<train::RgbClip> clip = decoder.decode(train::RgbClipRequest{path, 1, 2, 8, 4, 16, 20});
    ASSERT_TRUE(clip.ok()) << clip.error();
    EXPECT_EQ(clip->frames, 4);
    EXPECT_EQ(clip->height, 16);
    EXPECT_EQ(clip->width, 20);
    ASSERT_EQ(clip->pixels.size(), size_t(4 * 16 * 20 * 3));
    const int expected[4] = {3, 5, 7, 9};
    for (int f = 0; f < 4; ++f) EXPECT_NEAR(meanOfFrame(clip.value(), f), 20.0 * expected[f], 6.0) << "sample " << f;
    EXPECT_EQ(decoder.clipsDecoded(), 1);
    EXPECT_EQ(train::sampledFrameIndices(2, 8, 4), (std::vector<std::int64_t>{3, 5, 7, 9}));
    // A segment shorter than the clip repeats its frames.
    EXPECT_EQ(train::sampledFrameIndices(0, 2, 4), (std::vector<std::int64_t>{0, 0, 1, 1}));
}

TEST(VideoClipDecoder, SwitchesBetweenVideosAndSizes) {
    QTemporaryDir dir;
    const std::string ramp = writeGreyRamp(dir, 12);
    QTemporaryDir other;
    const std::string shortRamp = writeGreyRamp(other, 4);
    VideoClipDecoder decoder(noIndexCache());
    // One frame each: the middle of the range.
    for (int round = 0; round < 2; ++round) {
        Result<train::RgbClip> a = decoder.decode(train::RgbClipRequest{ramp, 1, 10, 1, 1, 16, 16});
        ASSERT_TRUE(a.ok()) << a.error();
        EXPECT_NEAR(meanOfFrame(a.value(), 0), 200.0, 6.0);
        Result<train::RgbClip> b = decoder.decode(train::RgbClipRequest{shortRamp, 2, 1, 1, 1, 8, 24});
        ASSERT_TRUE(b.ok()) << b.error();
        EXPECT_EQ(b->width, 24);
        EXPECT_NEAR(meanOfFrame(b.value(), 0), 20.0, 6.0);
    }
    EXPECT_EQ(decoder.clipsDecoded(), 4);
}

TEST(VideoClipDecoder, CutsTheRegionFromTheNativeFrame) {
    QTemporaryDir dir;
    const std::string path = dir.filePath("halves.mp4").toStdString();
    {
        // Left half dark (30), right half bright (220), 64 x 48.
        media::EncoderSettings settings;
        settings.width = 64;
        settings.height = 48;
        settings.quality = 10;
        auto encoder = media::VideoEncoder::open(path, settings);
        ASSERT_TRUE(encoder.ok()) << encoder.error();
        const int stride = media::alignedRgbStride(64);
        std::vector<std::uint8_t> picture(size_t(stride) * 48);
        for (int y = 0; y < 48; ++y)
            for (int x = 0; x < stride; ++x) picture[size_t(y) * stride + x] = x < 32 * 3 ? 30 : 220;
        for (int i = 0; i < 3; ++i) ASSERT_TRUE(encoder.value()->write(picture.data(), stride).ok());
        ASSERT_TRUE(encoder.value()->finish().ok());
    }
    VideoClipDecoder decoder(noIndexCache());
    train::RgbClipRequest right{path, 1, 0, 3, 1, 16, 16};
    right.regionX = 40;
    right.regionY = 8;
    right.regionWidth = right.regionHeight = 20;
    Result<train::RgbClip> clip = decoder.decode(right);
    ASSERT_TRUE(clip.ok()) << clip.error();
    EXPECT_NEAR(meanOfFrame(clip.value(), 0), 220.0, 8.0);
    // Reaching past the left edge repeats the edge's dark pixels.
    train::RgbClipRequest left = right;
    left.regionX = -30;
    clip = decoder.decode(left);
    ASSERT_TRUE(clip.ok()) << clip.error();
    EXPECT_NEAR(meanOfFrame(clip.value(), 0), 30.0, 8.0);
    // The whole frame again: half and half.
    clip = decoder.decode(train::RgbClipRequest{path, 1, 0, 3, 1, 16, 16});
    ASSERT_TRUE(clip.ok()) << clip.error();
    EXPECT_NEAR(meanOfFrame(clip.value(), 0), 125.0, 8.0);
}

TEST(VideoClipDecoder, BadRequestsSayWhatAndWhere) {
    QTemporaryDir dir;
    const std::string path = writeGreyRamp(dir, 6);
    VideoClipDecoder decoder(noIndexCache());
    Result<train::RgbClip> r = decoder.decode(train::RgbClipRequest{path, 1, 4, 5, 4, 16, 16});
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().find("frames 4..8 are outside"), std::string::npos) << r.error();
    EXPECT_NE(r.error().find("(6 frames)"), std::string::npos) << r.error();
    r = decoder.decode(train::RgbClipRequest{dir.filePath("missing.mp4").toStdString(), 1, 0, 2, 2, 16, 16});
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().find("missing.mp4"), std::string::npos) << r.error();
    r = decoder.decode(train::RgbClipRequest{"", 1, 0, 2, 2, 16, 16});
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().find("no file"), std::string::npos) << r.error();
    // After failures it still reads good requests.
    EXPECT_TRUE(decoder.decode(train::RgbClipRequest{path, 1, 0, 6, 3, 16, 16}).ok());
}

}  // namespace
}  // namespace actionlens::clips
