#pragma once

// FrameStamp: a frame number drawn into a picture as a grid of large black and white cells
// (20 bits of number, 4 bits of check) that survives lossy compression, plus a moving
// background so that encoders use motion prediction and B-frames. Test videos, benchmarks and
// `actionlens-cli sample-video` draw it; reading it back proves which frame a decoder returned.

#include <cstdint>
#include <optional>

namespace actionlens::media {

constexpr int kFrameStampMaxNumber = (1 << 20) - 1;

// Fills the whole RGB24 picture: moving background, then the stamp in the top-left corner.
void drawStampedPicture(uint8_t* rgb, int width, int height, int stride, int number);
// The number stamped into the picture, or nullopt if the cells do not read as a valid stamp.
std::optional<int> readFrameStamp(const uint8_t* rgb, int width, int height, int stride);

}  // namespace actionlens::media
