#pragma once

// OpenPose JSON output (--write_json): a folder of per-frame files "PREFIX000000000012_keypoints.json",
// each {"version": .., "people": [{"person_id": [-1], "pose_keypoints_2d": [x, y, c] * N, ...}]}.
//
// Import. Files are grouped by prefix, one skeleton-only video per prefix, named after the
// prefix without its trailing '_' (OpenPose writes the input video's base name there), or after
// the folder when the prefix is empty. The number in the file name is the 0-based frame.
// N = 25 reads into the built-in BODY_25 layout, N = 18 into "COCO-18" (OpenPose's COCO
// model order), which the import adds to the project when it lacks one; one import uses one
// of them. A person is "person K", K = person_id when it is >= 0, else the position in the
// file's "people" (from 1); subjects belong to one video ("VIDEO person K" when the folder
// holds several). Confidence c > 0: visible with confidence c; c = 0: not visible, confidence
// 0. People with an empty pose_keypoints_2d (face or hand output only) are skipped.
// As people meet it: files renamed by other tools (cam01.0030.json) are read when the folder has
// no *_keypoints.json (every *.json ending in a frame number; others skipped with a warning), and
// BODY_25B, which has 25 points like BODY_25 in another order, is read when ImportOptions::layout
// says "BODY_25B" (the layout is added to the project). Errors
// name the file and the field: "x_000000000003_keypoints.json: people[1].pose_keypoints_2d
// has 50 values, expected 75 (BODY_25: 25 x 3) or 54 (COCO-18: 18 x 3)".

#include "core/annotation/skeleton_layout.h"
#include "core/formats/format_registry.h"

namespace actionlens::formats {

// OpenPose's COCO-18 order: nose, neck, right arm, left arm, right leg, left leg, eyes, ears.
annotation::SkeletonLayout openPoseCoco18Layout();
// OpenPose's BODY_25B order: COCO-17's, then upper neck, head top, and the feet (left big toe,
// small toe, heel, right big toe, small toe, heel).
annotation::SkeletonLayout openPoseBody25bLayout();

// `source`: the folder of *_keypoints.json files.
Status importOpenPoseJson(const std::string& source, annotation::ProjectStore& store, const ImportOptions& options);

}  // namespace actionlens::formats
