#pragma once

// One subject's skeleton over a range of frames, as the network's plain clip.

#include "core/annotation/project_store.h"
#include "core/model/skeleton_batch.h"

#include <cstdint>
#include <vector>

namespace actionlens::clips {

// The frames from a subject's first pose of one layout in a video to its last.
struct TrackSpan {
    std::int64_t subjectId = 0;
    std::int64_t firstFrame = 0;
    std::int64_t lastFrame = 0;
};

// The subjects with poses of `layoutId` in `videoId`, by subject id, and the frames they span.
Result<std::vector<TrackSpan>> tracksOfVideo(annotation::ProjectStore& store, std::int64_t videoId, std::int64_t layoutId);

struct SkeletonTrack {
    model::SkeletonClip skeleton;  // (3, lastFrame - firstFrame + 1, joints), image pixels
    std::int64_t layoutId = 0;     // 0 when the range holds no pose at all
    int framesWithPose = 0;
};

// Frames firstFrame..lastFrame of `subjectId` in `videoId`. A frame without a stored pose, and
// a joint stored as not visible, get x = y = confidence = 0 (a visible joint with confidence 0
// gets a small positive one, so that "visible" survives). Fails when the range mixes layouts
// or a pose's joint count differs from `joints`; `joints` 0: the first pose's count (no pose:
// a clip of no joints, `framesWithPose` 0).
Result<SkeletonTrack> readSkeletonTrack(annotation::ProjectStore& store, std::int64_t videoId,
                                        std::int64_t subjectId, std::int64_t firstFrame,
                                        std::int64_t lastFrame, int joints);

}  // namespace actionlens::clips
