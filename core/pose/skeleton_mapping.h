#pragma once

// From BlazePose's 33 landmarks to the joints of another skeleton layout (COCO-17, Penn-13,
// BODY_25, MediaPipe-33 itself), by joint name: equal names map directly; a few joints other
// layouts define are midpoints (neck, mid_hip) or stand-ins (Penn's head = nose, big toe =
// foot index). Joints without an equivalent (BODY_25's small toes) have no source.

#include "core/pose/pose_landmarks.h"

#include <string>
#include <vector>

namespace actionlens::pose {

struct JointSource {
    int first = -1;   // MediaPipe landmark index; -1: no equivalent
    int second = -1;  // when >= 0, the joint is the midpoint of first and second
};

// One source per target joint, in the target's order.
std::vector<JointSource> mediaPipeSourcesFor(const std::vector<std::string>& targetJointNames);

struct MappedJoint {
    float x = 0, y = 0;
    float confidence = 0;  // visibility; for a midpoint the lower of the two; 0 without a source
    bool hasSource = false;
};

std::vector<MappedJoint> mapLandmarks(const std::vector<PoseLandmark>& landmarks33, const std::vector<JointSource>& sources);

}  // namespace actionlens::pose
