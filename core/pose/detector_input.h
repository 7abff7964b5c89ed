#pragma once

// The detector's input: the whole image letterboxed into 224 x 224, RGB values mapped to
// [-1, 1] (padding -1), as NHWC floats.

#include "core/pose/pose_detection.h"
#include "core/pose/rgb_image.h"

#include <vector>

namespace actionlens::pose {

enum class LetterboxMode {
    // MediaPipe's ImageToTensorCalculator: one warp maps the image corners onto the tensor
    // with fractional padding (src = dst * W / (224 W / max(W, H)), no half-pixel shift).
    MediaPipeWarp,
    // The Python reference (reference.json): cv::resize to whole-pixel size (half-to-even
    // rounding), pasted at an integer offset. Shifted by (W/nw - 1)/2 source pixels.
    ReferenceResize,
};

struct DetectorInput {
    std::vector<float> values;  // 1 x 224 x 224 x 3
    Letterbox letterbox;
};

DetectorInput makeDetectorInput(const RgbImageView& image, LetterboxMode mode);

}  // namespace actionlens::pose
