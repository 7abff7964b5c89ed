#include "core/synth/paired_script.h"

#include <algorithm>

namespace actionlens::synth {

namespace {

void fitLength(VideoScript& script, int frames) {
    if (script.frameCount() > frames) {
        script.bodyPoses.resize(static_cast<size_t>(frames));
        script.frameViewpoints.resize(static_cast<size_t>(frames));
    }
    while (script.frameCount() < frames) {
        // Holding still after the last clip: an idle pose, outside any labelled segment.
        const Pose last = script.bodyPoses.back();
        const std::string viewpoint = script.frameViewpoints.back();
        script.bodyPoses.push_back(last);
        script.frameViewpoints.push_back(viewpoint);
    }
    std::vector<ScriptedClip> kept;
    for (ScriptedClip clip : script.clips) {
        clip.lastFrame = std::min(clip.lastFrame, frames - 1);
        if (clip.lastFrame - clip.firstFrame + 1 >= 2) kept.push_back(clip);
    }
    script.clips = std::move(kept);
}

void place(VideoScript& script, int halfWidth, int left, int height, double fps, SynthRandom& random) {
    script.camera = placeCamera(script.bodyPoses, script.mannequin, halfWidth, height, fps, random);
    script.imagePoses.clear();
    for (size_t f = 0; f < script.bodyPoses.size(); ++f) {
        script.camera[f].offsetX += static_cast<float>(left);
        script.imagePoses.push_back(toImage(script.bodyPoses[f], script.camera[f]));
    }
}

}  // namespace

void placeSideBySide(VideoScript& primary, VideoScript& partner, int width, int height, double fps, SynthRandom& random) {
    fitLength(partner, primary.frameCount());
    const int half = width / 2;
    const bool primaryLeft = random.chance(0.5);
    place(primary, half, primaryLeft ? 0 : width - half, height, fps, random);
    place(partner, half, primaryLeft ? width - half : 0, height, fps, random);
}

}  // namespace actionlens::synth
