#include "tests/core/synth/synth_fixtures.h"

#include "core/formats/penn_action_labels.h"

#include <gtest/gtest.h>

namespace actionlens::fixtures {

std::string pennLabelFile(const std::string& name) {
    return std::string(ACTIONLENS_SHARED_DIR) + "/data/penn_action/train/" + name + ".mat";
}

std::vector<synth::MotionClip> realMotions(double fps) {
    std::vector<synth::MotionClip> clips;
    for (const char* name : {"0002", "0600", "0800", "1100", "1500", "2100"}) {
        auto sequence = formats::readPennActionLabels(pennLabelFile(name));
        EXPECT_TRUE(sequence.ok()) << (sequence.ok() ? "" : sequence.error());
        if (!sequence.ok()) continue;
        auto clip = synth::motionClipFromPenn(sequence.value(), name, fps);
        EXPECT_TRUE(clip.ok()) << (clip.ok() ? "" : clip.error());
        if (clip.ok()) clips.push_back(std::move(clip).value());
    }
    return clips;
}

const std::vector<synth::MotionClip>& testMotions() {
    static const std::vector<synth::MotionClip> clips = realMotions(kSynthTestFps);
    return clips;
}

synth::SynthSettings smallSynthSettings(const std::string& projectPath, std::uint32_t seed) {
    synth::SynthSettings s;
    s.projectPath = projectPath;
    s.videos = 2;
    s.seed = seed;
    s.width = 160;
    s.height = 120;
    s.fps = kSynthTestFps;
    s.timing.minClips = 2;
    s.timing.maxClips = 3;
    s.timing.targetSeconds = 0.0;  // each source motion once, cut short
    s.timing.maxClipSeconds = 1.5;
    return s;
}

}  // namespace actionlens::fixtures
