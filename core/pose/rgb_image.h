#pragma once

// RgbImageView: packed 8-bit RGB pixels the pose pipeline reads (a decoded video frame, an
// image file), without owning them. Rows are `stride` bytes apart.

#include <cstdint>

namespace actionlens::pose {

struct RgbImageView {
    const std::uint8_t* pixels = nullptr;
    int width = 0;
    int height = 0;
    int stride = 0;  // bytes per row, >= 3 * width
};

}  // namespace actionlens::pose
