#pragma once

// Writing frames as image files (PNG, JPEG, ... by extension) through OpenCV.

#include "core/common/result.h"
#include "core/media/video_frame.h"

#include <string>

namespace actionlens::media {

// Writes atomically: a temporary file beside `path`, renamed into place when complete.
Status saveFrameImage(const VideoFrame& frame, const std::string& path);
// Reads an image file into an RGB VideoFrame (index -1).
Result<FramePtr> loadImageAsFrame(const std::string& path);

}  // namespace actionlens::media
