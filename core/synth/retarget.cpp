#include "core/synth/retarget.h"

#include <algorithm>
#include <cmath>

namespace actionlens::synth {

namespace {

// Joints reached from the root through the bones below; the neck (shoulders' centre) and root
// (hips' centre) are virtual points of the source, index -1 and -2.
constexpr int kRoot = -2;
constexpr int kNeck = -1;

enum BoneKind { kTorso, kHeadBone, kShoulder, kHip, kUpperArm, kForearm, kThigh, kShin, kBoneKinds };

struct Bone {
    int from;
    int to;
    BoneKind kind;
    Point2 defaultDirection;  // when the source never shows one of the ends
};

// In build order: every bone starts at a point built before it. Default directions assume the
// front view, where the person's left side appears on the image's right.
const Bone kBones[] = {
    {kRoot, kNeck, kTorso, {0.0f, -1.0f}},
    {kNeck, kHead, kHeadBone, {0.0f, -1.0f}},
    {kNeck, kLeftShoulder, kShoulder, {1.0f, 0.0f}},
    {kNeck, kRightShoulder, kShoulder, {-1.0f, 0.0f}},
    {kRoot, kLeftHip, kHip, {1.0f, 0.0f}},
    {kRoot, kRightHip, kHip, {-1.0f, 0.0f}},
    {kLeftShoulder, kLeftElbow, kUpperArm, {0.0f, 1.0f}},
    {kRightShoulder, kRightElbow, kUpperArm, {0.0f, 1.0f}},
    {kLeftElbow, kLeftWrist, kForearm, {0.0f, 1.0f}},
    {kRightElbow, kRightWrist, kForearm, {0.0f, 1.0f}},
    {kLeftHip, kLeftKnee, kThigh, {0.0f, 1.0f}},
    {kRightHip, kRightKnee, kThigh, {0.0f, 1.0f}},
    {kLeftKnee, kLeftAnkle, kShin, {0.0f, 1.0f}},
    {kRightKnee, kRightAnkle, kShin, {0.0f, 1.0f}},
};

float boneLength(const BodyProportions& b, BoneKind kind) {
    switch (kind) {
    case kTorso: return 1.0f;
    case kHeadBone: return b.neckToHead;
    case kShoulder: return b.shoulderHalfWidth;
    case kHip: return b.hipHalfWidth;
    case kUpperArm: return b.upperArm;
    case kForearm: return b.forearm;
    case kThigh: return b.thigh;
    case kShin: return b.shin;
    case kBoneKinds: break;
    }
    return 1.0f;
}

Point2 sourcePoint(const Pose& pose, int joint) {
    if (joint == kRoot) return midpoint(pose[kLeftHip], pose[kRightHip]);
    if (joint == kNeck) return midpoint(pose[kLeftShoulder], pose[kRightShoulder]);
    return pose[static_cast<size_t>(joint)];
}

bool pointKnown(const MotionClip& clip, int joint) {
    if (joint == kRoot) return clip.everVisible[kLeftHip] && clip.everVisible[kRightHip];
    if (joint == kNeck) return clip.everVisible[kLeftShoulder] && clip.everVisible[kRightShoulder];
    return clip.everVisible[static_cast<size_t>(joint)];
}

float length(Point2 a, Point2 b) { return std::hypot(b.x - a.x, b.y - a.y); }

// A robust "full length" of each bone kind in the source: the 90th percentile over frames of
// the longer of the left and right bone, so a few mislabelled frames do not set the scale.
std::array<float, kBoneKinds> referenceLengths(const MotionClip& clip) {
    std::array<std::vector<float>, kBoneKinds> samples;
    for (const Pose& pose : clip.frames) {
        std::array<float, kBoneKinds> longest{};
        for (const Bone& bone : kBones) {
            if (!pointKnown(clip, bone.from) || !pointKnown(clip, bone.to)) continue;
            longest[bone.kind] = std::max(longest[bone.kind], length(sourcePoint(pose, bone.from), sourcePoint(pose, bone.to)));
        }
        for (int k = 0; k < kBoneKinds; ++k) {
            if (longest[static_cast<size_t>(k)] > 0.0f) samples[static_cast<size_t>(k)].push_back(longest[static_cast<size_t>(k)]);
        }
    }
    std::array<float, kBoneKinds> reference{};
    for (int k = 0; k < kBoneKinds; ++k) {
        std::vector<float>& s = samples[static_cast<size_t>(k)];
        if (s.empty()) continue;
        const size_t at = std::min(s.size() - 1, s.size() * 9 / 10);
        std::nth_element(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(at), s.end());
        reference[static_cast<size_t>(k)] = s[at];
    }
    return reference;
}

// Source pixels per body unit, from the first bone kind the source shows (the torso by
// definition, else a limb divided by its default share of the torso).
float sourceScale(const std::array<float, kBoneKinds>& reference) {
    const BodyProportions standard;
    for (BoneKind kind : {kTorso, kThigh, kUpperArm, kShin, kForearm, kShoulder, kHeadBone, kHip}) {
        if (reference[kind] > 1.0f) return reference[kind] / boneLength(standard, kind);
    }
    return 100.0f;  // nothing measurable: only the root travel uses it, and there is none to scale
}

}  // namespace

std::vector<Pose> retargetClip(const MotionClip& clip, const BodyProportions& body) {
    const std::array<float, kBoneKinds> reference = referenceLengths(clip);
    const float scale = sourceScale(reference);
    const bool rootKnown = pointKnown(clip, kRoot);

    Point2 meanRoot{};
    if (rootKnown && !clip.frames.empty()) {
        double sx = 0.0, sy = 0.0;
        for (const Pose& pose : clip.frames) {
            const Point2 r = sourcePoint(pose, kRoot);
            sx += r.x;
            sy += r.y;
        }
        meanRoot = {static_cast<float>(sx / clip.frames.size()), static_cast<float>(sy / clip.frames.size())};
    }

    std::vector<Pose> out(clip.frames.size());
    std::array<Point2, sizeof(kBones) / sizeof(kBones[0])> lastDirection;
    for (size_t b = 0; b < lastDirection.size(); ++b) lastDirection[b] = kBones[b].defaultDirection;

    for (size_t f = 0; f < clip.frames.size(); ++f) {
        const Pose& source = clip.frames[f];
        Point2 root{};
        if (rootKnown) {
            const Point2 r = sourcePoint(source, kRoot);
            root = {(r.x - meanRoot.x) / scale, (r.y - meanRoot.y) / scale};
        }
        Point2 neck{};
        Pose& pose = out[f];
        auto built = [&](int joint) -> Point2 {
            if (joint == kRoot) return root;
            if (joint == kNeck) return neck;
            return pose[static_cast<size_t>(joint)];
        };
        for (size_t b = 0; b < lastDirection.size(); ++b) {
            const Bone& bone = kBones[b];
            float shortening = 1.0f;
            if (pointKnown(clip, bone.from) && pointKnown(clip, bone.to)) {
                const Point2 a = sourcePoint(source, bone.from);
                const Point2 c = sourcePoint(source, bone.to);
                const float l = length(a, c);
                // A bone shrunk to a point has no direction: keep the last one it had.
                if (l > 1e-3f) lastDirection[b] = {(c.x - a.x) / l, (c.y - a.y) / l};
                if (reference[bone.kind] > 0.0f) shortening = std::clamp(l / reference[bone.kind], 0.25f, 1.0f);
            }
            const float l = boneLength(body, bone.kind) * shortening;
            const Point2 from = built(bone.from);
            const Point2 to{from.x + lastDirection[b].x * l, from.y + lastDirection[b].y * l};
            if (bone.to == kNeck) {
                neck = to;
            } else {
                pose[static_cast<size_t>(bone.to)] = to;
            }
        }
    }
    return out;
}

Pose mirrorPose(const Pose& pose) {
    Pose mirrored;
    for (int j = 0; j < kJointCount; ++j) {
        const Point2 p = pose[static_cast<size_t>(mirroredJoint(j))];
        mirrored[static_cast<size_t>(j)] = {-p.x, p.y};
    }
    return mirrored;
}

}  // namespace actionlens::synth
