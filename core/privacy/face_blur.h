#pragma once

// Blurring or pixelating face regions of a decoded frame in place (packed RGB24 or BGRX32, the
// player's layout). The strength follows each region's size, so a face stays unrecognisable
// whether it is 20 or 400 pixels wide.

#include "core/media/video_frame.h"
#include "core/privacy/face_region.h"

#include <string>
#include <vector>

namespace actionlens::privacy {

enum class BlurStyle { Gaussian, Pixelate };

const char* blurStyleName(BlurStyle style);  // "blur", "pixelate"
bool parseBlurStyle(const std::string& name, BlurStyle* style);

// Each region clipped to the frame; regions that lie outside it are skipped.
void blurFaceRegions(media::VideoFrame& frame, const std::vector<FaceRegion>& regions, BlurStyle style);

// The pixels of a width x height picture inside at least one region, the way blurFaceRegions
// clips them: for measuring what a blur covered.
std::vector<bool> regionCoverage(int width, int height, const std::vector<FaceRegion>& regions);

}  // namespace actionlens::privacy
