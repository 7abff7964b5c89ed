#pragma once

// SkeletonChange: one edit of the current video's skeletons as the frames it takes out of the
// store (whole frames, as stored) and the frames it puts in. Every skeleton edit of the
// workstation (move a joint, show/hide a joint, mark a keyframe, add a skeleton from the
// layout's template, copy from an earlier frame, interpolate, delete) is planned here from
// what the store holds, and applied by SkeletonChangeCommand as one transaction.
//
// Keyframes are the frames an annotator made or approved: source Manual. Frames filled in
// between two keyframes are stored with source Interpolated. Any edit makes its frame a
// keyframe, and interpolated frames that lie between it and the next keyframe on either side
// follow it (re-interpolated in the same edit): what an annotator expects of keyframes. Model
// and imported frames are replaced only by an explicit "interpolate".

#include "core/annotation/skeleton_frame.h"
#include "core/annotation/skeleton_layout.h"
#include "core/common/result.h"

#include <QString>

#include <optional>
#include <vector>

namespace actionlens::ui {

class ProjectDocument;

struct SkeletonChange {
    QString text;  // for the history ("Move left_wrist of person 1")
    std::int64_t videoId = 0;
    std::vector<annotation::SkeletonFrame> removed;
    std::vector<annotation::SkeletonFrame> added;
    // Consecutive changes with the same non-empty key are one step in the history (nudging a
    // joint with the arrow keys: one undo takes it back to where the nudging began).
    QString mergeKey;
};

namespace skeleton_edits {

// All plans are for the document's current video and read what they replace from its store.
// `before` is a frame as stored (from ProjectDocument::skeletonsAt).
Result<SkeletonChange> moveJoint(ProjectDocument& document, const annotation::SkeletonFrame& before, int joint, float x,
                                 float y);
Result<SkeletonChange> toggleJointVisibility(ProjectDocument& document, const annotation::SkeletonFrame& before, int joint);
Result<SkeletonChange> markKeyframe(ProjectDocument& document, const annotation::SkeletonFrame& before);
// The layout's template pose, `height` image pixels tall, centred on (centreX, centreY).
Result<SkeletonChange> addFromTemplate(ProjectDocument& document, std::int64_t subjectId, std::int64_t frame,
                                       const annotation::SkeletonLayout& layout, double centreX, double centreY,
                                       double height);
// The subject's skeleton of the nearest earlier frame that has one, as a keyframe at `frame`
// (replacing what is there).
Result<SkeletonChange> copyFromPrevious(ProjectDocument& document, std::int64_t subjectId, std::int64_t frame);
// Fills the frames between the subject's two keyframes around `frame` (if `frame` is itself a
// keyframe: up to the next one, else from the previous one).
Result<SkeletonChange> interpolateAround(ProjectDocument& document, std::int64_t subjectId, std::int64_t frame);
// Fills every gap between consecutive keyframes of the subject in the video.
Result<SkeletonChange> interpolateAll(ProjectDocument& document, std::int64_t subjectId);
// Deleting a keyframe that has interpolated frames beside it and keyframes beyond them fills
// its frame and theirs by interpolating between those keyframes.
Result<SkeletonChange> removeSkeleton(ProjectDocument& document, std::int64_t subjectId, std::int64_t frame);

// Where a template skeleton of `subjectId` goes: over the subject's nearest skeleton in the
// video (the extent of its visible joints), so a person missing from a few frames is picked up
// where they were; nullopt when the subject has none (the editor then centres it in the view).
struct TemplatePlacement {
    double centreX = 0;
    double centreY = 0;
    double height = 0;
};
inline constexpr double kMinTemplateHeight = 8.0;  // image pixels: smaller cannot be grabbed joint by joint
std::optional<TemplatePlacement> placementNearSubject(ProjectDocument& document, std::int64_t subjectId, std::int64_t frame);

// The layout a new skeleton of `subjectId` gets: the one of its nearest skeleton in the
// video, else of any skeleton in the video, else COCO-17.
const annotation::SkeletonLayout* layoutForNewSkeleton(ProjectDocument& document, std::int64_t subjectId,
                                                       std::int64_t frame);

}  // namespace skeleton_edits
}  // namespace actionlens::ui
