#pragma once

// The "ava" format: AVA actions CSV (v2.x layout), one row per person, keyframe and action,
// without a header:
//
//   video_id,middle_frame_timestamp,x1,y1,x2,y2,action_id,person_id
//   -5KQ66BBWC4,0902,0.077,0.151,0.283,0.811,80,1
//
// Keyframes are 1 s apart; a timestamp is seconds into the video as the project has it (AVA's
// own movies start their keyframes at 902 s: a clip cut from a movie needs its times shifted).
// Boxes are normalised to 0..1 (x1 < x2, y1 < y2).
//
// Import. The video id must name a video of the project (its name, or its file name with or
// without extension, video_lookup.h). Each person becomes the subject "<video_id> person <id>"
// (created when missing). Each run of a person's keyframes 1 s apart that carry the same action
// becomes one segment from frame round(t x fps) of its first keyframe to the frame before
// round((t + 1) x fps) of its last; a run that would pass the video's end is cut there with a
// warning. Action ids mean names by the label map `actions.pbtxt` beside the CSV (AVA's
// `item { name: id: }` layout, ava_label_map.h) when there is one, else by themselves ("12"); the
// name must be a class of the taxonomy's action task. Each row's box becomes the person's box in
// that keyframe's frame (in pixels of the video's size; subject_boxes.h: set on the subject's
// skeleton frame there, else a box-only frame; a video without a size keeps none, with a
// warning). Errors name the
// file, the line and the field: "ava.csv line 4: x2 0.1 is not after x1 0.5".
//
// Export writes the same rows: for each person's segment with a subject and an action (a model's
// predictions and segments without a subject are left out), one row per whole second whose frame
// round(t x fps) lies inside it, sorted by video, time and person. The box is the bounding box of
// the subject's visible skeleton joints in that frame over the video's size, else the whole image
// (0,0,1,1), unless the subject has a box in that frame (an imported or detected one): that box,
// clamped to the image. The video id is the video's name, else its file's base name; the person id is N for a
// subject named "<video_id> person N", else the subject's id in the project. Action ids are the
// action's 1-based place in the taxonomy's action task, named in `actions.pbtxt` written beside
// the CSV (replacing one there), so an export reads back to the same segments where they start
// and end on whole seconds. Annotators, review state, other tasks and skeletons are not carried.

#include "core/formats/format_registry.h"

namespace actionlens::formats {

// The label map an import reads beside the CSV and an export writes beside it.
inline constexpr const char* kAvaLabelMapFileName = "actions.pbtxt";

Status importAva(const std::string& source, annotation::ProjectStore& store, const ImportOptions& options);
Status exportAva(annotation::ProjectStore& store, const std::string& output, const ExportOptions& options);

}  // namespace actionlens::formats
