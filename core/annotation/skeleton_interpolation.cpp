#include "core/annotation/skeleton_interpolation.h"

#include <string>

namespace actionlens::annotation {

namespace {

std::string describe(const SkeletonFrame& f) {
    return "frame " + std::to_string(f.frame) + " (subject " + std::to_string(f.subjectId) + ", video " +
           std::to_string(f.videoId) + ")";
}

Status checkPair(const SkeletonFrame& first, const SkeletonFrame& last) {
    if (first.videoId != last.videoId || first.subjectId != last.subjectId)
        return makeError("cannot interpolate between " + describe(first) + " and " + describe(last) +
                         ": keyframes of different videos or subjects");
    if (first.layoutId != last.layoutId)
        return makeError("cannot interpolate between frames " + std::to_string(first.frame) + " and " +
                         std::to_string(last.frame) + ": they use different skeleton layouts");
    if (first.joints.size() != last.joints.size())
        return makeError("cannot interpolate between frames " + std::to_string(first.frame) + " and " +
                         std::to_string(last.frame) + ": " + std::to_string(first.joints.size()) + " joints vs " +
                         std::to_string(last.joints.size()));
    if (last.frame <= first.frame)
        return makeError("cannot interpolate: keyframe " + std::to_string(last.frame) + " does not come after keyframe " +
                         std::to_string(first.frame));
    return Status::success();
}

float lerp(float a, float b, double t) { return float(double(a) + (double(b) - double(a)) * t); }

}  // namespace

Result<SkeletonFrame> interpolateSkeleton(const SkeletonFrame& first, const SkeletonFrame& last, std::int64_t frame) {
    if (Status s = checkPair(first, last); !s) return s.takeError();
    if (frame <= first.frame || frame >= last.frame)
        return makeError("frame " + std::to_string(frame) + " is not between keyframes " + std::to_string(first.frame) +
                         " and " + std::to_string(last.frame));
    const double t = double(frame - first.frame) / double(last.frame - first.frame);
    const bool nearerFirst = t <= 0.5;
    SkeletonFrame out;
    out.videoId = first.videoId;
    out.subjectId = first.subjectId;
    out.frame = frame;
    out.layoutId = first.layoutId;
    out.source = PoseSource::Interpolated;
    out.joints.resize(first.joints.size());
    for (size_t i = 0; i < first.joints.size(); ++i) {
        const Joint& a = first.joints[i];
        const Joint& b = last.joints[i];
        Joint& j = out.joints[i];
        if (a.visible == b.visible) {
            j.x = lerp(a.x, b.x, t);
            j.y = lerp(a.y, b.y, t);
            j.confidence = lerp(a.confidence, b.confidence, t);
            j.visible = a.visible;
        } else {
            const Joint& seen = a.visible ? a : b;
            j.x = seen.x;
            j.y = seen.y;
            j.confidence = seen.confidence;
            j.visible = nearerFirst ? a.visible : b.visible;
        }
    }
    return out;
}

Result<std::vector<SkeletonFrame>> interpolateBetween(const SkeletonFrame& first, const SkeletonFrame& last) {
    if (Status s = checkPair(first, last); !s) return s.takeError();
    std::vector<SkeletonFrame> frames;
    frames.reserve(size_t(last.frame - first.frame - 1));
    for (std::int64_t f = first.frame + 1; f < last.frame; ++f) {
        auto one = interpolateSkeleton(first, last, f);
        if (!one) return one.takeError();
        frames.push_back(std::move(one).value());
    }
    return frames;
}

}  // namespace actionlens::annotation
