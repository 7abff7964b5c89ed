#pragma once

// COCO keypoints JSON (also PoseTrack, which adds "track_id"): images, person annotations with
// 17 keypoints as [x, y, v] triples, and the person category.
//
// Import. Images are frames. Images are grouped into videos by the folder of their file_name
// ("images/val/000342_mpii/000001.jpg" -> video "images/val/000342_mpii"); images without a
// folder form one video named after the JSON file. A video's frame is the image's position in
// the natural order of the file names of its group, unless every image of the group carries
// "frame_index" (ActionLens's own field, written by the export so sparse frames survive).
// Videos are skeleton-only records (empty path). Subjects belong to one video: one per
// track_id, or without track ids one per position in the image ("person 1" is the first
// annotation of each image). They are named "person N" when the file holds one video and
// "VIDEO person N" otherwise. Keypoints become skeleton frames (source Imported) on the layout of
// their category: the project's layout with the category's "keypoints" names, else COCO-17 for
// 17 names (or none), else a custom layout named like the category with its "skeleton" edges:
//   v = 0 (not labelled):          visible false, confidence 0
//   v = 1 (labelled, occluded):    visible false, confidence 1
//   v = 2 (labelled, visible):     visible true,  confidence 1
// A person with a box but no labelled keypoint (num_keypoints 0, "keypoints" all 0 or absent) is
// kept as a frame whose joints are all unlabelled, joint 0 at the box's top left and the others at
// its bottom right; crowds (iscrowd 1) and people with neither keypoints nor a box are skipped.
// Errors name the place: "annotations[12].keypoints has 50 values, expected 51 (17 x 3)".
//
// Export. Every skeleton frame is written. Layouts that name all 17 COCO joints (COCO-17, BODY_25,
// MediaPipe-33) are mapped to COCO-17, joints picked by name, category 1 "person"; any other
// layout (Penn-13, custom ones) is written as stored, one category per layout (ids 2, 3, ... in
// the project's layout order, named like the layout, its joints and 1-based edges); only the
// categories used are listed. One image per (video, frame) with
// skeletons, file_name "VIDEO/FFFFFF.jpg", ids numbered in (video, frame, subject) order,
// track_id = the subject's id. Visibility: visible -> 2, hidden with confidence > 0 -> 1,
// otherwise 0; the coordinates are written as stored even for v = 0, so a COCO import
// exported again reads back to the same joints (a model's confidence becomes 1). A frame with no
// labelled joint is written with keypoints 0 and the joints' extent as its box (num_keypoints 0).
// Not kept: the imported images' file names and ids (the project has no place for them), so
// images are written as "VIDEO/FFFFFF.jpg" numbered 1.. again.

#include "core/formats/format_registry.h"

namespace actionlens::formats {

// `source`: the JSON file.
Status importCocoKeypoints(const std::string& source, annotation::ProjectStore& store, const ImportOptions& options);
Status exportCocoKeypoints(annotation::ProjectStore& store, const std::string& output, const ExportOptions& options);

}  // namespace actionlens::formats
