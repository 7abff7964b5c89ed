#include "core/synth/limbs.h"

#include <cmath>

namespace actionlens::synth {

const char* limbName(int limb) {
    static const char* const names[] = {"background", "head", "torso", "left_upper_arm", "left_forearm", "right_upper_arm",
                                        "right_forearm", "left_thigh", "left_shin", "right_thigh", "right_shin"};
    if (limb == kOccluder) return "occluder";
    return limb >= 0 && limb <= kLimbCount ? names[limb] : "unknown";
}

std::pair<Point2, Point2> limbSegment(const Pose& p, int limb) {
    const Point2 neck = midpoint(p[kLeftShoulder], p[kRightShoulder]);
    switch (limb) {
    case kLimbHead: return {neck, p[kHead]};
    case kLimbTorso: return {neck, midpoint(p[kLeftHip], p[kRightHip])};
    case kLimbLeftUpperArm: return {p[kLeftShoulder], p[kLeftElbow]};
    case kLimbLeftForearm: return {p[kLeftElbow], p[kLeftWrist]};
    case kLimbRightUpperArm: return {p[kRightShoulder], p[kRightElbow]};
    case kLimbRightForearm: return {p[kRightElbow], p[kRightWrist]};
    case kLimbLeftThigh: return {p[kLeftHip], p[kLeftKnee]};
    case kLimbLeftShin: return {p[kLeftKnee], p[kLeftAnkle]};
    case kLimbRightThigh: return {p[kRightHip], p[kRightKnee]};
    case kLimbRightShin: return {p[kRightKnee], p[kRightAnkle]};
    default: break;
    }
    return {neck, neck};
}

int mostMovedLimb(const Pose& previous, const Pose& current) {
    int best = kBackground;
    float bestDistance = 0.0f;
    for (int limb = 1; limb <= kLimbCount; ++limb) {
        const auto [a0, b0] = limbSegment(previous, limb);
        const auto [a1, b1] = limbSegment(current, limb);
        const float d = 0.5f * (std::hypot(a1.x - a0.x, a1.y - a0.y) + std::hypot(b1.x - b0.x, b1.y - b0.y));
        if (d > bestDistance) {
            bestDistance = d;
            best = limb;
        }
    }
    return best;
}

}  // namespace actionlens::synth
