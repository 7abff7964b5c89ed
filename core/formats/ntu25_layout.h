#pragma once

// The NTU RGB+D (Kinect v2) body: 25 joints in the order of NTU's .skeleton files, the Kinect v2
// bones and the left/right pairs. Not a built-in layout (adding one would need a schema step for
// every existing project): the ntu-rgbd import adds it to a project as a custom layout.

#include "core/annotation/skeleton_layout.h"

namespace actionlens::formats {

inline constexpr const char* kNtu25LayoutName = "NTU-25";

annotation::SkeletonLayout ntu25Layout();

}  // namespace actionlens::formats
