#pragma once

// The "ntu-rgbd" format (import only): NTU RGB+D and NTU RGB+D 120 skeletons, a `.skeleton` file
// (ntu_skeleton_file.h) or a folder of them, each named by its sample: S001C002P003R001A005 is
// setup 1, camera 2, performer 3, replication 1, action class 5.
//
// Each file is a video: the project's video of that name (video_lookup.h) when it has one, else a
// skeleton-only video of that name at 30 fps, 1920x1080 (the Kinect v2 colour image), as long as
// the file's frame count. Each bodyID becomes the subject "<sample> body <bodyID>" (created when
// missing) with its skeleton in every frame it appears in, in colour-image pixels (colorX,
// colorY) on the NTU-25 layout (ntu25_layout.h, added to the project on first use); a joint's
// trackingState 2 is tracked (confidence 1), 1 inferred (0.5), 0 not visible. Each body gets one
// segment over the whole clip labelled with the action class: the taxonomy's action value named
// "A005" or, where an `actions.txt` lies in the folder (or beside the file) with a name for class
// 5 ("drink water" or NTU's own "A1. drink water." lines), that name; a class the taxonomy lacks
// fails the import naming the file and the class. Without an actions.txt, a taxonomy lacking a
// sample's class (by code and by NTU's published name: a new project's) first gets every class of
// A001-A120 it lacks under its published name and group (ntu_action_classes.h), and a class the
// taxonomy has only by name is labelled by that name. The video's splits gain the two standard
// benchmarks: "cs-train"/"cs-test" (cross-subject, by performer) and "cv-train"/"cv-test"
// (cross-view: cameras 2 and 3 train, camera 1 tests). A folder's
// NTU_RGBD_samples_with_missing_skeletons.txt or NTU_RGBD120_samples_with_missing_skeletons.txt
// lists samples to leave out; each skipped one is reported through ImportOptions::warning.

#include "core/formats/format_registry.h"

namespace actionlens::formats {

// The optional list of class names, looked for in the imported folder or beside the file.
inline constexpr const char* kNtuActionNamesFileName = "actions.txt";

Status importNtuRgbd(const std::string& source, annotation::ProjectStore& store, const ImportOptions& options);

}  // namespace actionlens::formats
