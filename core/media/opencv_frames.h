#pragma once

// Private to core/media's .cpp files: turning OpenCV images into VideoFrames. No public header
// of core/media includes OpenCV.

#include "core/media/video_frame.h"

#include <opencv2/core/mat.hpp>

namespace actionlens::media {

// A packed RGB24 (or BGRX32) frame (index -1, no timestamps) with the pixels of an 8-bit BGR image.
std::shared_ptr<VideoFrame> rgbFrameFromBgr(const cv::Mat& bgr, PixelLayout layout = PixelLayout::Rgb24);

}  // namespace actionlens::media
