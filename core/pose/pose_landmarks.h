#pragma once

// Decoding the landmark model: 39 rows of (x, y, z, visibility logit, presence logit) in crop
// pixels -> image pixels (MediaPipe's TensorsToLandmarks + LandmarkProjection), with the
// optional heatmap refinement of MediaPipe's pose_landmark graph.

#include "core/pose/pose_roi.h"

#include <array>
#include <string>
#include <vector>

namespace actionlens::pose {

constexpr int kPoseLandmarkCount = 33;     // body points; rows 33-38 are auxiliary
constexpr int kLandmarkModelRows = 39;
constexpr int kHeatmapSize = 64;

const std::array<const char*, kPoseLandmarkCount>& poseLandmarkNames();

// x, y, z in image pixels (z on the x scale, negative towards the camera, hip-centred),
// visibility and presence as probabilities.
struct PoseLandmark {
    float x = 0, y = 0, z = 0, visibility = 0, presence = 0;
};

// rows: 39 x 5 raw values in crop pixels. Returns 39 projected landmarks.
std::vector<PoseLandmark> projectLandmarks(const std::vector<float>& rows, const PoseRoi& roi);

// MediaPipe's RefineLandmarksFromHeatmapCalculator (kernel 7, min confidence 0.5): for each
// row, the sigmoid of the 64 x 64 x 39 heatmap logits in the 7x7 window around the row's cell;
// if its maximum reaches 0.5, x and y become the confidence-weighted mean cell position
// (no half-cell offset). Works on the raw rows (crop pixels), in place.
void refineRowsFromHeatmap(std::vector<float>* rows, const std::vector<float>& heatmapLogits, int kernelSize = 7,
                           float minConfidence = 0.5f);

}  // namespace actionlens::pose
