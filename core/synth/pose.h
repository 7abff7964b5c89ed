#pragma once

// Pose: the 13 joints of the Penn Action layout (head, shoulders, elbows, wrists, hips, knees,
// ankles; left before right), as plain floats so the header needs no OpenCV. Depending on the
// stage a pose is in source pixels, in body units (torso length 1, origin at the hips' centre,
// y down) or in output image pixels.

#include <array>

namespace actionlens::synth {

struct Point2 {
    float x = 0.0f;
    float y = 0.0f;
};

constexpr int kJointCount = 13;
using Pose = std::array<Point2, kJointCount>;

enum PennJoint {
    kHead = 0,
    kLeftShoulder, kRightShoulder,
    kLeftElbow, kRightElbow,
    kLeftWrist, kRightWrist,
    kLeftHip, kRightHip,
    kLeftKnee, kRightKnee,
    kLeftAnkle, kRightAnkle,
};

// The joint on the other side of the body (the head maps to itself).
inline int mirroredJoint(int joint) {
    if (joint == kHead) return kHead;
    return (joint % 2 == 1) ? joint + 1 : joint - 1;
}

inline Point2 midpoint(Point2 a, Point2 b) { return {(a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f}; }
inline Point2 lerp(Point2 a, Point2 b, float t) { return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; }

}  // namespace actionlens::synth
