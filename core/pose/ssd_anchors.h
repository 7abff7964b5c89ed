#pragma once

// The 2254 anchor centres of BlazePose's detector (MediaPipe's SsdAnchorsCalculator with the
// pose_detection graph's options: 224x224 input, strides 8, 16, 32, 32, 32, two anchors per
// layer, fixed anchor size). Consecutive layers with the same stride share one grid.

#include <vector>

namespace actionlens::pose {

struct AnchorCentre {
    float x = 0.0f;  // normalised to the 224x224 detector input
    float y = 0.0f;
};

constexpr int kDetectorInputSize = 224;
constexpr int kDetectorAnchorCount = 2254;

const std::vector<AnchorCentre>& blazePoseAnchors();

}  // namespace actionlens::pose
