#pragma once

// VideoEncoder: writes RGB frames into a video file through FFmpeg: H.264 (libx264) where the
// FFmpeg build has it, else MPEG-4 Part 2. The file appears under its name only when finish()
// succeeds; until then it is written beside it as NAME.part, which a failure removes.

#include "core/common/result.h"

#include <cstdint>
#include <memory>
#include <string>

namespace actionlens::media {

struct EncoderSettings {
    int width = 0;   // even
    int height = 0;  // even
    int fpsNum = 25;
    int fpsDen = 1;
    int gopSize = 250;          // frames between keyframes
    int maxBFrames = 2;
    bool fixedGop = true;       // no extra keyframes at scene changes
    bool variableFrameRate = false;  // frames carry their own times (write's `seconds`)
    std::string codec = "h264";  // "h264" (falls back to "mpeg4" if missing) or "mpeg4"
    int quality = 23;            // x264 CRF, or MPEG-4 qscale * 4 (lower is better)
    std::string preset = "veryfast";
};

class VideoEncoder {
public:
    static Result<std::unique_ptr<VideoEncoder>> open(const std::string& path, const EncoderSettings& settings);
    ~VideoEncoder();

    // One packed RGB24 picture of the configured size. `seconds` is required with
    // variableFrameRate (strictly increasing) and ignored otherwise.
    Status write(const uint8_t* rgb, int stride, double seconds = -1.0);
    Status finish();

    const std::string& codecName() const;
    int64_t framesWritten() const;

private:
    struct Impl;
    explicit VideoEncoder(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d_;
};

}  // namespace actionlens::media
