#include "core/clips/skeleton_track.h"

#include <algorithm>
#include <limits>
#include <map>

namespace actionlens::clips {

Result<std::vector<TrackSpan>> tracksOfVideo(annotation::ProjectStore& store, std::int64_t videoId, std::int64_t layoutId) {
    auto frames = store.skeletonFrames(videoId, 0, std::numeric_limits<std::int32_t>::max());
    if (!frames) return frames.takeError();
    std::map<std::int64_t, TrackSpan> bySubject;
    for (const annotation::SkeletonFrame& f : frames.value()) {
        if (f.layoutId != layoutId || f.subjectId == 0 || !f.hasPose()) continue;
        auto [it, inserted] = bySubject.try_emplace(f.subjectId, TrackSpan{f.subjectId, f.frame, f.frame});
        it->second.firstFrame = std::min(it->second.firstFrame, f.frame);
        it->second.lastFrame = std::max(it->second.lastFrame, f.frame);
    }
    std::vector<TrackSpan> out;
    for (const auto& [id, span] : bySubject) out.push_back(span);
    return out;
}

Result<SkeletonTrack> readSkeletonTrack(annotation::ProjectStore& store, std::int64_t videoId,
                                        std::int64_t subjectId, std::int64_t firstFrame,
                                        std::int64_t lastFrame, int joints) {
    if (lastFrame < firstFrame)
        return makeError("frames " + std::to_string(firstFrame) + ".." + std::to_string(lastFrame) + " are an empty range");
    auto frames = store.skeletonFrames(videoId, firstFrame, lastFrame, subjectId);
    if (!frames) return frames.takeError();
    if (joints <= 0) {  // the first pose's count (none: a clip without joints)
        joints = 0;
        for (const annotation::SkeletonFrame& frame : frames.value())
            if (frame.hasPose()) {
                joints = int(frame.joints.size());
                break;
            }
    }
    SkeletonTrack track;
    const int length = int(lastFrame - firstFrame + 1);
    track.skeleton = model::SkeletonClip{length, joints, std::vector<float>(size_t(3) * length * joints, 0.0f)};
    for (const annotation::SkeletonFrame& frame : frames.value()) {
        if (!frame.hasPose()) continue;  // a box alone: no joints to learn from
        const std::string where = "video " + std::to_string(videoId) + ", subject " + std::to_string(subjectId) +
                                  ", frame " + std::to_string(frame.frame);
        if (track.layoutId != 0 && frame.layoutId != track.layoutId)
            return makeError(where + ": skeleton layout changes within one track");
        if (int(frame.joints.size()) != joints)
            return makeError(where + ": pose has " + std::to_string(frame.joints.size()) + " joints, expected " +
                             std::to_string(joints));
        track.layoutId = frame.layoutId;
        ++track.framesWithPose;
        const int t = int(frame.frame - firstFrame);
        for (int j = 0; j < joints; ++j) {
            const annotation::Joint& joint = frame.joints[size_t(j)];
            if (!joint.visible) continue;
            track.skeleton.at(0, t, j) = joint.x;
            track.skeleton.at(1, t, j) = joint.y;
            track.skeleton.at(2, t, j) = std::max(joint.confidence, 1e-3f);
        }
    }
    return track;
}

}  // namespace actionlens::clips
