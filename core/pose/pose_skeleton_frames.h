#pragma once

// Pose estimates as a project's skeleton frames: mapped onto one of the project's skeleton
// layouts (by joint name), source "model", visibility as each joint's confidence, stored in
// one transaction, each person found under a subject of its own.

#include "core/annotation/project_store.h"
#include "core/common/result.h"
#include "core/pose/pose_video_job.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace actionlens::pose {

// The frames where person `person` was found; joints without an equivalent (BODY_25's small
// toes) are invisible with confidence 0. A people detector's box becomes the frame's box.
std::vector<annotation::SkeletonFrame> skeletonFramesFromPoses(const std::vector<FramePose>& frames, int person, std::int64_t videoId,
                                                               std::int64_t subjectId, const annotation::SkeletonLayout& layout);

struct StoredPerson {
    int person = 1;
    std::int64_t subjectId = 0;
    int frames = 0;
};

struct StoredPoses {
    std::vector<StoredPerson> people;  // by person number
    int frames() const;                // skeleton frames stored, every person
};

// The name of the subject a pose estimate creates: "pose estimate (video 3, BlazePose full)";
// storePoseSkeletons puts "person N, " before it when several people were found.
std::string poseSubjectName(std::int64_t videoId, const std::string& modelName);

// One subject per person found: `subjectId` (only when one person was found), or new subjects
// named `newSubjectName` ("person N, " before it when several were found). All or nothing: a frame
// that exists already for that subject fails the whole store. `layout` is taken by value: the
// store's own layout list may be reloaded by the writes.
Result<StoredPoses> storePoseSkeletons(annotation::ProjectStore& store, std::int64_t videoId, annotation::SkeletonLayout layout,
                                       std::optional<std::int64_t> subjectId, const std::string& newSubjectName,
                                       const std::vector<FramePose>& frames);

}  // namespace actionlens::pose
