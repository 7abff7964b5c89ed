#pragma once

// RGB clips as the learning engine sees them, and the interface through which it gets them.
// core/train decodes nothing itself (it must build without FFmpeg, OpenCV and Qt): a decoder
// implemented where core/media is allowed (core/clips' VideoClipDecoder) or a test's fake
// fills requests, and DecodedClipCache keeps what was decoded.

#include "core/common/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::train {

// frames x height x width packed RGB bytes, frame after frame, rows top to bottom.
struct RgbClip {
    int frames = 0;
    int height = 0;
    int width = 0;
    std::vector<std::uint8_t> pixels;

    std::uint8_t at(int frame, int y, int x, int channel) const {
        return pixels[((size_t(frame) * height + y) * width + x) * 3 + size_t(channel)];
    }
};

// `frames` frames sampled evenly over [firstFrame, firstFrame + frameCount) of a video, each
// cut to `region` (or the whole frame) and resized to width x height.
struct RgbClipRequest {
    std::string videoPath;
    std::int64_t videoId = 0;
    std::int64_t firstFrame = 0;
    std::int64_t frameCount = 0;
    int frames = 0;
    int height = 0;
    int width = 0;
    // The part of the frame the clip shows, in source pixels; it may reach past the frame's
    // edges (edge pixels repeat). Width 0: the whole frame, aspect not kept.
    int regionX = 0;
    int regionY = 0;
    int regionWidth = 0;
    int regionHeight = 0;
};

// The source frame each of `frames` samples reads: the centre of each of `frames` equal parts of
// [firstFrame, firstFrame + frameCount), so short segments repeat frames and long ones skip.
// Inline: core/clips' decoder uses it without linking core/train (and LibTorch).
inline std::vector<std::int64_t> sampledFrameIndices(std::int64_t firstFrame, std::int64_t frameCount, int frames) {
    std::vector<std::int64_t> out;
    const std::int64_t count = frameCount > 0 ? frameCount : 1;
    for (int i = 0; i < frames; ++i) {
        const std::int64_t offset = std::int64_t((double(i) + 0.5) * double(count) / double(frames));
        out.push_back(firstFrame + (offset < count ? offset : count - 1));
    }
    return out;
}

class RgbClipDecoder {
public:
    virtual ~RgbClipDecoder() = default;
    // Safe to call from several threads (the batch loader's and the training thread).
    virtual Result<RgbClip> decode(const RgbClipRequest& request) = 0;
};

}  // namespace actionlens::train
