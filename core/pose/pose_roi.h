#pragma once

// The rotated square region the landmark model looks at, and the 256 x 256 crop of it
// (MediaPipe's AlignmentPointsRects + RectTransformation + ImageToTensor of pose_landmark).

#include "core/pose/rgb_image.h"

#include <array>
#include <cstdint>
#include <vector>

namespace actionlens::pose {

constexpr int kLandmarkInputSize = 256;

// Image pixels (origin at the top-left pixel's centre); rotation in radians, positive turns
// the square clockwise on screen (y down).
struct PoseRoi {
    double cx = 0, cy = 0, size = 0, rotation = 0;
};

// Square centred at `centre` with side 2 |end - centre| x scale, rotated so that end lies
// straight above centre (the body's vertical), rotation normalised to [-pi, pi).
PoseRoi roiFromPoints(double centreX, double centreY, double endX, double endY, double scale = 1.25);

// The 2x3 image -> crop matrix (row-major) taking the ROI's corners to the crop's: the
// top-left corner to crop (0, 0), top-right to (256, 0), bottom-left to (0, 256).
std::array<double, 6> roiToCropMatrix(const PoseRoi& roi, int cropSize = kLandmarkInputSize);

// Intersection over union of two ROIs' squares taken upright (rotation ignored): whether two
// regions look at the same person.
double roiOverlap(const PoseRoi& a, const PoseRoi& b);
// Above this overlap two squares are taken for one person. Two people side by side half a body
// height apart overlap by about 0.43.
constexpr double kSamePersonOverlap = 0.5;

// Bilinear warp with replicated border: 256 x 256 x 3 RGB bytes.
std::vector<std::uint8_t> cropRoi(const RgbImageView& image, const PoseRoi& roi, int cropSize = kLandmarkInputSize);

}  // namespace actionlens::pose
