#include "core/privacy/face_blur.h"

#include <gtest/gtest.h>

namespace actionlens::privacy {
namespace {

// A checkerboard of 2-pixel squares: any blur or pixelation of it shows.
media::VideoFrame checkerboard(int width, int height, media::PixelLayout layout) {
    media::VideoFrame frame;
    frame.width = width;
    frame.height = height;
    frame.layout = layout;
    frame.stride = media::alignedStride(width, layout);
    frame.rgb.assign(static_cast<size_t>(frame.stride) * height, 0);
    const int bpp = media::bytesPerPixel(layout);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < bpp; ++c) frame.row(y)[x * bpp + c] = ((x / 2 + y / 2) % 2) ? 255 : 0;
    return frame;
}

int pixel(const media::VideoFrame& f, int x, int y) { return f.row(y)[x * media::bytesPerPixel(f.layout)]; }

// How many pixels of the rectangle still show the pattern's pure black or white.
int pureInside(const media::VideoFrame& f, int x0, int y0, int x1, int y1) {
    int pure = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) pure += (pixel(f, x, y) == 0 || pixel(f, x, y) == 255);
    return pure;
}

TEST(FaceBlur, GaussianBlursInsideTheRegionOnly) {
    for (media::PixelLayout layout : {media::PixelLayout::Rgb24, media::PixelLayout::Bgrx32}) {
        media::VideoFrame frame = checkerboard(96, 64, layout);
        const media::VideoFrame before = frame;
        blurFaceRegions(frame, {{20.0f, 10.0f, 40.0f, 40.0f}}, BlurStyle::Gaussian);
        EXPECT_LT(pureInside(frame, 24, 14, 56, 46), 32 * 32 / 20) << "the pattern survived the blur";
        for (int y = 0; y < 64; ++y)
            for (int x = 0; x < 96; ++x)
                if (x < 20 || x >= 60 || y < 10 || y >= 50) {
                    ASSERT_EQ(pixel(frame, x, y), pixel(before, x, y)) << x << "," << y;
                }
    }
}

TEST(FaceBlur, PixelateMakesBlocksOfOneColour) {
    media::VideoFrame frame = checkerboard(96, 64, media::PixelLayout::Rgb24);
    blurFaceRegions(frame, {{16.0f, 8.0f, 48.0f, 48.0f}}, BlurStyle::Pixelate);  // blocks of 6 px
    for (int y = 8; y < 14; ++y)
        for (int x = 16; x < 22; ++x) EXPECT_EQ(pixel(frame, x, y), pixel(frame, 16, 8));
    EXPECT_LT(pureInside(frame, 16, 8, 64, 56), 48 * 48 / 20);
}

TEST(FaceBlur, RegionsCutByTheBorderOrOutsideAreClipped) {
    media::VideoFrame frame = checkerboard(64, 48, media::PixelLayout::Rgb24);
    blurFaceRegions(frame, {{-20.0f, -20.0f, 40.0f, 40.0f}, {100.0f, 100.0f, 10.0f, 10.0f}}, BlurStyle::Gaussian);
    EXPECT_LT(pureInside(frame, 0, 0, 18, 18), 18 * 18 / 10);
    const std::vector<bool> covered = regionCoverage(64, 48, {{-20.0f, -20.0f, 40.0f, 40.0f}});
    EXPECT_TRUE(covered[0]);
    EXPECT_TRUE(covered[19 * 64 + 19]);
    EXPECT_FALSE(covered[20 * 64 + 20]);
}

TEST(FaceBlur, StyleNamesRoundTrip) {
    for (BlurStyle style : {BlurStyle::Gaussian, BlurStyle::Pixelate}) {
        BlurStyle parsed = style == BlurStyle::Gaussian ? BlurStyle::Pixelate : BlurStyle::Gaussian;
        ASSERT_TRUE(parseBlurStyle(blurStyleName(style), &parsed));
        EXPECT_EQ(parsed, style);
    }
    BlurStyle unused;
    EXPECT_FALSE(parseBlurStyle("mosaic", &unused));
}

}  // namespace
}  // namespace actionlens::privacy
