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
// "VIDEO person N" otherwise. Keypoints become COCO-17 skeleton frames (source Imported):
//   v = 0 (not labelled):          visible false, confidence 0
//   v = 1 (labelled, occluded):    visible false, confidence 1
//   v = 2 (labelled, visible):     visible true,  confidence 1
// Errors name the place: "annotations[12].keypoints has 50 values, expected 51 (17 x 3)".
//
// Export. Every skeleton frame whose layout names all 17 COCO joints (COCO-17, BODY_25,
// MediaPipe-33) is written, its joints picked by name; one image per (video, frame) with
// skeletons, file_name "VIDEO/FFFFFF.jpg", ids numbered in (video, frame, subject) order,
// track_id = the subject's id. Visibility: visible -> 2, hidden with confidence > 0 -> 1,
// otherwise 0; the coordinates are written as stored even for v = 0, so a COCO import
// exported again reads back to the same joints (a model's confidence becomes 1).

#include "core/formats/format_registry.h"

namespace actionlens::formats {

// `source`: the JSON file.
Status importCocoKeypoints(const std::string& source, annotation::ProjectStore& store, const ImportOptions& options);
Status exportCocoKeypoints(annotation::ProjectStore& store, const std::string& output, const ExportOptions& options);

}  // namespace actionlens::formats
