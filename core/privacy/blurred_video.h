#pragma once

// writeBlurredVideo: a copy of a video with its faces anonymised, frame for frame: the same
// number of frames at the same times (a constant-rate video keeps its rate, a variable-rate one
// each frame's time to the millisecond), so every annotation of the original lines up with the
// copy. The sound is not copied (voices identify people too). The copy appears only when complete
// (VideoEncoder writes NAME.part and renames it).

#include "core/annotation/skeleton_frame.h"
#include "core/common/result.h"
#include "core/privacy/frame_anonymiser.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace actionlens::privacy {

struct BlurredVideoCallbacks {
    // The skeletons of a frame (any order); called once per frame, in increasing order.
    std::function<Result<std::vector<annotation::SkeletonFrame>>(int frame)> skeletonsAt;
    std::function<void(int framesDone, int framesTotal)> progress;
    std::function<bool()> cancelled;  // checked every frame
};

struct BlurredVideoSummary {
    int frames = 0;
    std::int64_t regions = 0;  // face regions blurred over all frames
    std::string codec;
};

Result<BlurredVideoSummary> writeBlurredVideo(const std::string& source, const std::string& destination, FrameAnonymiser& anonymiser,
                                              const BlurredVideoCallbacks& callbacks, int quality = 20);

}  // namespace actionlens::privacy
