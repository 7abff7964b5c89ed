#pragma once

// Limbs: the ten body parts the renderer draws and the limb masks name. Id 0 is the background,
// so a mask pixel is directly a limb id. Each limb is a segment between two points of a pose
// (the neck and hips' centre are the midpoints of the shoulders and of the hips).

#include "core/synth/pose.h"

#include <utility>

namespace actionlens::synth {

enum Limb : int {
    kBackground = 0,
    kLimbHead = 1,
    kLimbTorso,
    kLimbLeftUpperArm, kLimbLeftForearm,
    kLimbRightUpperArm, kLimbRightForearm,
    kLimbLeftThigh, kLimbLeftShin,
    kLimbRightThigh, kLimbRightShin,
};
constexpr int kLimbCount = 10;  // ids 1..10
// Not a limb: an occluder (occluder.h) drawn over the mannequin; far from the limb ids so that
// more limbs can be added without renumbering it.
constexpr int kOccluder = 255;

const char* limbName(int limb);  // "left_forearm"; "background" for 0, "occluder" for kOccluder

// The limb's two ends in the pose's coordinates: head (neck -> head joint), torso (neck -> hips'
// centre), the others joint to joint.
std::pair<Point2, Point2> limbSegment(const Pose& pose, int limb);

// The limb whose ends moved furthest (mean of the two ends) from `previous` to `current`.
int mostMovedLimb(const Pose& previous, const Pose& current);

}  // namespace actionlens::synth
