#pragma once

// How far apart two poses are, for telling two tracks on one person from two people side by
// side. Two tracks that drifted onto one walker can keep squares of different sizes (one fixed
// on the whole body, one on the upper body), so their squares overlap less than half while
// their joints lie on top of each other; two people walking side by side have overlapping
// squares and joints a body width apart.

#include "core/pose/pose_landmarks.h"

#include <vector>

namespace actionlens::pose {

// The median distance between the body joints (shoulders down: BlazePose's 11-32) that both
// poses see (visibility at least 0.5), over the taller pose's height (its landmarks' extent);
// a negative value when fewer than four joints are seen by both.
double poseDistance(const std::vector<PoseLandmark>& a, const std::vector<PoseLandmark>& b);

// Below this, two poses are one person (measured on real footage: 0.03 for two tracks on one
// walker; 0.27-0.40 for two people walking side by side).
constexpr double kSamePersonPoseDistance = 0.1;

}  // namespace actionlens::pose
