#pragma once

// Retargeting: a source motion (Penn Action pixels, any person, any camera distance) becomes the
// motion of one mannequin in body units. Each bone keeps the direction it has in the source and
// takes the mannequin's length, shortened by the source bone's own foreshortening (its length in
// the frame over its longest length in the sequence), so an arm pointing at the camera still
// looks short. The hips' centre keeps the source's travel (jumps, steps), measured in source
// torso lengths and centred on the clip's mean.

#include "core/synth/mannequin.h"
#include "core/synth/motion_clip.h"
#include "core/synth/pose.h"

#include <vector>

namespace actionlens::synth {

// Body units: origin at the hips' centre averaged over the clip, torso length 1, y down.
std::vector<Pose> retargetClip(const MotionClip& clip, const BodyProportions& body);

// Left-handed subjects perform the mirror image: x flipped about the body centre (x = 0 in body
// units) and every left joint exchanged with its right one, so the left hand does what the
// source's right hand did.
Pose mirrorPose(const Pose& pose);

}  // namespace actionlens::synth
