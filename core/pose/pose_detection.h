#pragma once

// Decoding BlazePose detector outputs (MediaPipe's TensorsToDetections + weighted
// NonMaxSuppression of the pose_detection graph) and removing the letterbox.

#include <array>
#include <vector>

namespace actionlens::pose {

// Where the image sits in the square detector input, normalised to the input's side.
struct Letterbox {
    double left = 0.0, top = 0.0, width = 1.0, height = 1.0;
};

// A detected pose. Coordinates are normalised (x / W, y / H of the image, or of the 224x224
// input before letterbox removal) and may lie outside [0, 1]. The box is the face box;
// keypoints: 0 hip centre, 1 a point on the full-body circle (scale and rotation), 2 shoulder
// centre, 3 a point on the upper-body circle. A people detector's box (OpenCV's HOG) holds the
// whole person instead: wholePerson says which.
struct PoseDetection {
    float cx = 0, cy = 0, width = 0, height = 0;
    std::array<float, 8> keypoints{};  // x0, y0, x1, y1, ...
    float score = 0;
    bool wholePerson = false;  // the box is the person's, not the face's
};

struct DetectionDecoding {
    float minScore = 0.5f;       // candidates need score > minScore (MediaPipe's min_score_thresh)
    float iouThreshold = 0.3f;   // weighted NMS min_suppression_threshold
    float scoreClip = 100.0f;    // logits clipped before the sigmoid
};

// rawBoxes: 2254 x 12 (dx, dy, w, h, 4 keypoints x/y, in input pixels), rawScores: 2254
// logits. Returns the weighted-NMS clusters, best first, in the input's normalised units.
std::vector<PoseDetection> decodePoseDetections(const std::vector<float>& rawBoxes, const std::vector<float>& rawScores,
                                                const DetectionDecoding& options = {});

PoseDetection removeLetterbox(const PoseDetection& detection, const Letterbox& letterbox);

}  // namespace actionlens::pose
