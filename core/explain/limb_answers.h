#pragma once

// The rendered demo's known answers for the faithfulness measures: each video's limb masks
// (core/synth, VIDEO.limbs beside VIDEO.mp4) say which limb moved most in every frame and
// where every limb is drawn. A clip's moving limb is the one that moved most in the most of its
// frames; its joints (the skeleton pointing game) and its pixels in the network's view of every
// clip frame, widened by a tolerance (the video pointing game), are the answer.

#include "core/common/result.h"
#include "core/explain/faithfulness.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace actionlens::synth {
struct LimbMask;
}

namespace actionlens::explain {

// The Penn-13 joints (the rendered demo's layout) of a core/synth limb id: its two ends (the head
// is the head joint; the torso its shoulders and hips); empty for anything else.
std::vector<int> pennJointsOfLimb(int limb);

// The limb masks file of a rendered video: VIDEO.limbs beside VIDEO.mp4.
std::string limbMaskPathOf(const std::string& videoPath);

class LimbAnswers {
public:
    // `tolerance`: view pixels around the limb that still count as on it.
    explicit LimbAnswers(int tolerance = 4);
    ~LimbAnswers();

    // The answer for a clip of a rendered video (its masks read once per video and kept).
    // `videoFrames` / `videoSize`: the video view's frames and side (0: no video answer).
    // Fails when the video has no limb masks or they do not cover the clip's frames.
    Result<ClipAnswer> answer(const ClipInput& clip, int videoFrames, int videoSize);

private:
    Result<const std::vector<synth::LimbMask>*> masksOf(const std::string& videoPath);
    int tolerance_;
    std::map<std::string, std::vector<synth::LimbMask>> masks_;
};

}  // namespace actionlens::explain
