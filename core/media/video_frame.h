#pragma once

// One decoded picture in display order: packed RGB24, rows `stride` bytes apart.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace actionlens::media {

struct VideoFrame {
    int index = -1;        // 0-based position in display order
    int64_t pts = 0;       // presentation timestamp in the stream's time base
    double seconds = 0.0;  // time since the first displayed frame, from the stream's timestamps
    int width = 0;
    int height = 0;
    int stride = 0;        // bytes per row (>= 3 * width)
    std::vector<uint8_t> rgb;

    const uint8_t* row(int y) const { return rgb.data() + static_cast<size_t>(y) * stride; }
    uint8_t* row(int y) { return rgb.data() + static_cast<size_t>(y) * stride; }
    size_t byteSize() const { return rgb.size() + sizeof(VideoFrame); }
};

using FramePtr = std::shared_ptr<const VideoFrame>;

// Rows aligned to 32 bytes keep the colour converter on its fast path.
inline int alignedRgbStride(int width) { return (width * 3 + 31) & ~31; }

}  // namespace actionlens::media
