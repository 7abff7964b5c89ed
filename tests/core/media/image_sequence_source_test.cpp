#include "core/media/image_sequence_source.h"
#include "core/media/frame_stamp.h"
#include "core/media/frame_source.h"
#include "core/media/image_io.h"
#include "tests/support/test_videos.h"

#include <gtest/gtest.h>

#include <cstdio>

using namespace actionlens;
using namespace actionlens::media;

namespace {

void writeStampedImage(const std::string& path, int number, int width = 160, int height = 120) {
    VideoFrame frame;
    frame.width = width;
    frame.height = height;
    frame.stride = alignedRgbStride(width);
    frame.rgb.resize(static_cast<size_t>(frame.stride) * height);
    drawStampedPicture(frame.rgb.data(), width, height, frame.stride, number);
    ASSERT_TRUE(saveFrameImage(frame, path).ok());
}

std::string frameName(int i, const char* extension = "png") {
    char name[64];
    std::snprintf(name, sizeof(name), "frame_%d.%s", i, extension);  // unpadded on purpose: 9 before 10
    return name;
}

}  // namespace

TEST(NaturalOrder, ComparesDigitRunsByValue) {
    EXPECT_TRUE(naturalLess("frame_9.png", "frame_10.png"));
    EXPECT_FALSE(naturalLess("frame_10.png", "frame_9.png"));
    EXPECT_TRUE(naturalLess("frame_0001.jpg", "frame_0002.jpg"));
    EXPECT_TRUE(naturalLess("a.png", "b.png"));
    EXPECT_TRUE(naturalLess("img2", "img2a"));
    EXPECT_FALSE(naturalLess("same", "same"));
}

TEST(ImageSequenceSource, OpensAFolderAsAVideoAtTheGivenRate) {
    fixtures::TempDir dir;
    for (int i = 0; i < 12; ++i) writeStampedImage(dir.file(frameName(i)), i);
    fixtures::writeFileBytes(dir.file("notes.txt"), "ignored");
    OpenOptions options;
    options.imageSequenceFps = 10;
    auto source = openFrameSource(dir.path(), options);
    ASSERT_TRUE(source.ok()) << source.error();
    const VideoInfo& info = source.value()->info();
    EXPECT_EQ(info.frameCount, 12);
    EXPECT_EQ(info.width, 160);
    EXPECT_EQ(info.container, "image sequence");
    EXPECT_DOUBLE_EQ(info.fps, 10.0);
    EXPECT_NEAR(info.durationSeconds, 1.2, 1e-9);
    for (int n : {11, 0, 9, 10, 3}) {
        auto frame = source.value()->readFrame(n);
        ASSERT_TRUE(frame.ok()) << frame.error();
        EXPECT_EQ(fixtures::stampOf(*frame.value()), n);
        EXPECT_NEAR(frame.value()->seconds, n / 10.0, 1e-9);
    }
    EXPECT_EQ(source.value()->index().frameAtSeconds(0.95), 9);
}

TEST(ImageSequenceSource, ReadsBgrx32FramesWithTheSamePixels) {
    fixtures::TempDir dir;
    for (int i = 0; i < 2; ++i) writeStampedImage(dir.file(frameName(i)), i + 5);
    auto rgb = openFrameSource(dir.path());
    OpenOptions options;
    options.pixelLayout = PixelLayout::Bgrx32;
    auto bgrx = openFrameSource(dir.path(), options);
    ASSERT_TRUE(rgb.ok() && bgrx.ok());
    EXPECT_EQ(bgrx.value()->pixelLayout(), PixelLayout::Bgrx32);
    auto a = rgb.value()->readFrame(1);
    auto b = bgrx.value()->readFrame(1);
    ASSERT_TRUE(a.ok() && b.ok());
    const VideoFrame& r = *a.value();
    const VideoFrame& x = *b.value();
    ASSERT_EQ(x.layout, PixelLayout::Bgrx32);
    for (int y = 0; y < r.height; ++y)
        for (int px = 0; px < r.width; ++px) {
            const uint8_t* p = r.row(y) + 3 * px;
            const uint8_t* q = x.row(y) + 4 * px;
            ASSERT_TRUE(q[0] == p[2] && q[1] == p[1] && q[2] == p[0] && q[3] == 255) << px << "," << y;
        }
    // Saving a BGRX frame writes the same image as its RGB twin.
    ASSERT_TRUE(saveFrameImage(x, dir.file("x.png")).ok());
    auto reread = loadImageAsFrame(dir.file("x.png"));
    ASSERT_TRUE(reread.ok());
    EXPECT_EQ(fixtures::stampOf(*reread.value()), 6);
}

TEST(ImageSequenceSource, ReportsAnImageOfTheWrongSize) {
    fixtures::TempDir dir;
    writeStampedImage(dir.file(frameName(0)), 0);
    writeStampedImage(dir.file(frameName(1)), 1, 200, 100);
    auto source = openFrameSource(dir.path());
    ASSERT_TRUE(source.ok()) << source.error();
    auto frame = source.value()->readFrame(1);
    ASSERT_FALSE(frame.ok());
    EXPECT_NE(frame.error().find("frame_1.png"), std::string::npos) << frame.error();
    EXPECT_NE(frame.error().find("200x100"), std::string::npos) << frame.error();
}

TEST(ImageSequenceSource, ReportsAnUnreadableImage) {
    fixtures::TempDir dir;
    writeStampedImage(dir.file(frameName(0)), 0);
    fixtures::writeFileBytes(dir.file(frameName(1, "jpg")), "not really a jpeg");
    auto source = openFrameSource(dir.path());
    ASSERT_TRUE(source.ok()) << source.error();
    auto frame = source.value()->readFrame(1);
    ASSERT_FALSE(frame.ok());
    EXPECT_NE(frame.error().find("not a readable image"), std::string::npos) << frame.error();
}

TEST(ImageSequenceSource, RejectsANonPositiveRate) {
    fixtures::TempDir dir;
    writeStampedImage(dir.file(frameName(0)), 0);
    OpenOptions options;
    options.imageSequenceFps = 0;
    EXPECT_FALSE(openFrameSource(dir.path(), options).ok());
}
