#include "core/pose/pose_distance.h"

#include <algorithm>
#include <cmath>

namespace actionlens::pose {

namespace {

constexpr std::size_t kFirstBodyJoint = 11;  // shoulders; the face points crowd on a few pixels
constexpr std::size_t kBodyJoints = 33;
constexpr float kSeen = 0.5f;

double heightOf(const std::vector<PoseLandmark>& pose) {
    float top = pose[0].y, bottom = pose[0].y;
    for (std::size_t j = 0; j < kBodyJoints; ++j) {
        top = std::min(top, pose[j].y);
        bottom = std::max(bottom, pose[j].y);
    }
    return bottom - top;
}

}  // namespace

double poseDistance(const std::vector<PoseLandmark>& a, const std::vector<PoseLandmark>& b) {
    if (a.size() < kBodyJoints || b.size() < kBodyJoints) return -1.0;
    const double height = std::max(heightOf(a), heightOf(b));
    if (height <= 0) return -1.0;
    std::vector<double> distances;
    for (std::size_t j = kFirstBodyJoint; j < kBodyJoints; ++j) {
        if (a[j].visibility < kSeen || b[j].visibility < kSeen) continue;
        distances.push_back(std::hypot(a[j].x - b[j].x, a[j].y - b[j].y) / height);
    }
    if (distances.size() < 4) return -1.0;
    const auto middle = distances.begin() + static_cast<std::ptrdiff_t>(distances.size() / 2);
    std::nth_element(distances.begin(), middle, distances.end());
    return *middle;
}

}  // namespace actionlens::pose
