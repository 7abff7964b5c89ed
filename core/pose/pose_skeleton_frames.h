#pragma once

// Pose estimates as a project's skeleton frames: mapped onto one of the project's skeleton
// layouts (by joint name), source "model", visibility as each joint's confidence, stored in
// one transaction under a subject.

#include "core/annotation/project_store.h"
#include "core/common/result.h"
#include "core/pose/pose_video_job.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace actionlens::pose {

// Frames with a pose only; joints without an equivalent (BODY_25's small toes) are invisible
// with confidence 0.
std::vector<annotation::SkeletonFrame> skeletonFramesFromPoses(const std::vector<FramePose>& frames, std::int64_t videoId,
                                                               std::int64_t subjectId, const annotation::SkeletonLayout& layout);

struct StoredPoses {
    std::int64_t subjectId = 0;
    int frames = 0;
};

// Under `subjectId`, or a new subject named `newSubjectName` when none is given. All or
// nothing: a frame that exists already for that subject fails the whole store. `layout` is
// taken by value: the store's own layout list may be reloaded by the writes.
Result<StoredPoses> storePoseSkeletons(annotation::ProjectStore& store, std::int64_t videoId, annotation::SkeletonLayout layout,
                                       std::optional<std::int64_t> subjectId, const std::string& newSubjectName,
                                       const std::vector<FramePose>& frames);

}  // namespace actionlens::pose
