#include "core/pose/pose_landmarks.h"

#include <algorithm>
#include <cmath>

namespace actionlens::pose {

namespace {

float sigmoid(float x) { return 1.0f / (1.0f + std::exp(-x)); }

}  // namespace

const std::array<const char*, kPoseLandmarkCount>& poseLandmarkNames() {
    static const std::array<const char*, kPoseLandmarkCount> names = {
        "nose", "left_eye_inner", "left_eye", "left_eye_outer", "right_eye_inner", "right_eye", "right_eye_outer",
        "left_ear", "right_ear", "mouth_left", "mouth_right", "left_shoulder", "right_shoulder", "left_elbow",
        "right_elbow", "left_wrist", "right_wrist", "left_pinky", "right_pinky", "left_index", "right_index",
        "left_thumb", "right_thumb", "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle",
        "left_heel", "right_heel", "left_foot_index", "right_foot_index"};
    return names;
}

std::vector<PoseLandmark> projectLandmarks(const std::vector<float>& rows, const PoseRoi& roi) {
    const int count = static_cast<int>(rows.size() / 5);
    std::vector<PoseLandmark> out(count);
    const double c = std::cos(roi.rotation), s = std::sin(roi.rotation);
    for (int i = 0; i < count; ++i) {
        const float* r = rows.data() + i * 5;
        const double u = r[0] / static_cast<double>(kLandmarkInputSize) - 0.5;
        const double v = r[1] / static_cast<double>(kLandmarkInputSize) - 0.5;
        out[i].x = static_cast<float>(roi.cx + (u * c - v * s) * roi.size);
        out[i].y = static_cast<float>(roi.cy + (u * s + v * c) * roi.size);
        out[i].z = static_cast<float>(r[2] / static_cast<double>(kLandmarkInputSize) * roi.size);
        out[i].visibility = sigmoid(r[3]);
        out[i].presence = sigmoid(r[4]);
    }
    return out;
}

void refineRowsFromHeatmap(std::vector<float>* rows, const std::vector<float>& heatmap, int kernelSize, float minConfidence) {
    const int count = static_cast<int>(rows->size() / 5);
    const int channels = kLandmarkModelRows;
    if (heatmap.size() != static_cast<std::size_t>(kHeatmapSize) * kHeatmapSize * channels || count > channels) return;
    const int offset = (kernelSize - 1) / 2;
    for (int i = 0; i < count; ++i) {
        float* r = rows->data() + i * 5;
        // Truncation towards zero, as MediaPipe's int conversion of the normalised position.
        const int col = static_cast<int>(r[0] / kLandmarkInputSize * kHeatmapSize);
        const int row = static_cast<int>(r[1] / kLandmarkInputSize * kHeatmapSize);
        if (col < 0 || col >= kHeatmapSize || row < 0 || row >= kHeatmapSize) continue;
        float sum = 0, weightedCol = 0, weightedRow = 0, maximum = 0;
        for (int y = std::max(0, row - offset); y < std::min(kHeatmapSize, row + offset + 1); ++y) {
            for (int x = std::max(0, col - offset); x < std::min(kHeatmapSize, col + offset + 1); ++x) {
                const float confidence = sigmoid(heatmap[(static_cast<std::size_t>(y) * kHeatmapSize + x) * channels + i]);
                sum += confidence;
                maximum = std::max(maximum, confidence);
                weightedCol += x * confidence;
                weightedRow += y * confidence;
            }
        }
        if (maximum >= minConfidence && sum > 0) {
            r[0] = weightedCol / sum / kHeatmapSize * kLandmarkInputSize;
            r[1] = weightedRow / sum / kHeatmapSize * kLandmarkInputSize;
        }
    }
}

}  // namespace actionlens::pose
