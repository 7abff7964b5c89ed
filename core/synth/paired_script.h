#pragma once

// Two people in one video: the partner's script is fitted to the primary's length (clips past the
// end cut, a short script held in its last pose) and each person is placed in one half of the
// picture, so both stay in view and neither covers the other.

#include "core/synth/synth_random.h"
#include "core/synth/video_script.h"

namespace actionlens::synth {

// Changes both scripts' cameras and image poses (not their body poses); the partner's clips and
// frames are cut or extended to primary.frameCount(). Clips left with under two frames are dropped.
void placeSideBySide(VideoScript& primary, VideoScript& partner, int width, int height, double fps, SynthRandom& random);

}  // namespace actionlens::synth
