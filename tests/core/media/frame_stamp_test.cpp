#include "core/media/frame_stamp.h"
#include "core/media/video_frame.h"

#include <gtest/gtest.h>

#include <vector>

using namespace actionlens::media;

TEST(FrameStamp, ReadsBackWhatWasDrawnAtManySizes) {
    const int sizes[][2] = {{64, 48}, {320, 240}, {640, 360}, {1920, 1080}, {100, 400}};
    for (const auto& size : sizes) {
        const int w = size[0], h = size[1];
        const int stride = alignedRgbStride(w);
        std::vector<uint8_t> picture(static_cast<size_t>(stride) * h);
        for (int number : {0, 1, 2, 255, 256, 4095, 65537, kFrameStampMaxNumber}) {
            drawStampedPicture(picture.data(), w, h, stride, number);
            EXPECT_EQ(readFrameStamp(picture.data(), w, h, stride), number) << w << "x" << h;
        }
    }
}

TEST(FrameStamp, ABlankOrDamagedPictureDoesNotReadAsANumber) {
    const int w = 320, h = 240, stride = alignedRgbStride(w);
    std::vector<uint8_t> picture(static_cast<size_t>(stride) * h, 0);
    EXPECT_EQ(readFrameStamp(picture.data(), w, h, stride), std::nullopt);
    std::fill(picture.begin(), picture.end(), 255);
    EXPECT_EQ(readFrameStamp(picture.data(), w, h, stride), std::nullopt);
    drawStampedPicture(picture.data(), w, h, stride, 1234);
    // Flip one data cell (bit 2) to the opposite level: the check bits catch it.
    const uint8_t flipped = picture[static_cast<size_t>(stride) * 20 + 3 * (10 + 2 * 20 + 5)] > 127 ? 20 : 235;
    for (int y = 10; y < 30; ++y) {
        for (int x = 10 + 2 * 20; x < 10 + 3 * 20; ++x) {
            for (int c = 0; c < 3; ++c) picture[static_cast<size_t>(y) * stride + 3 * x + c] = flipped;
        }
    }
    EXPECT_EQ(readFrameStamp(picture.data(), w, h, stride), std::nullopt);
}
