#pragma once

// Subjects' per-frame boxes from formats that carry boxes (AVA rows, CVAT box tracks). A box lives
// in the subject's skeleton frame (SkeletonFrame::box): where the subject has a frame there, the
// box is set on it; elsewhere a box-only frame is added, its joints all unlabelled (confidence 0,
// not visible) on the COCO-17 layout, which is how COCO's box-only people are kept too. Exporters
// tell box-only frames from poses with isBoxOnly().

#include "core/annotation/skeleton_frame.h"
#include "core/common/result.h"

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace actionlens::annotation {
class ProjectStore;
}

namespace actionlens::formats {

// A frame whose joints are all unlabelled and that has a box.
bool isBoxOnly(const annotation::SkeletonFrame& frame);

// The subject's box in `frame` among `frames` (its box, else none).
std::optional<annotation::SubjectBox> storedBoxAt(const std::vector<annotation::SkeletonFrame>& frames, std::int64_t subjectId,
                                                  std::int64_t frame);

// Stores `boxes` (frame -> box) as the subject's boxes in the video, in the caller's transaction.
Status storeSubjectBoxes(annotation::ProjectStore& store, std::int64_t videoId, std::int64_t subjectId,
                         const std::map<std::int64_t, annotation::SubjectBox>& boxes);

}  // namespace actionlens::formats
