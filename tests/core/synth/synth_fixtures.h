#pragma once

// Real Penn Action motion for the synth tests: a handful of training sequences of six different
// actions and all four viewpoints.

#include "core/synth/motion_clip.h"
#include "core/synth/synth_project.h"

#include <cstdint>

#include <string>
#include <vector>

namespace actionlens::fixtures {

std::string pennLabelFile(const std::string& name);  // ../shared/data/penn_action/train/NAME.mat
// 0002 baseball_pitch/back, 0600 bowl/back, 0800 golf_swing/right, 1100 jumping_jacks/front,
// 1500 pushup/left, 2100 tennis_forehand/right; resampled to `fps`.
std::vector<synth::MotionClip> realMotions(double fps);

// The project tests' frame rate, and realMotions at it, loaded once per process.
constexpr int kSynthTestFps = 15;
const std::vector<synth::MotionClip>& testMotions();
// A small, quick project: 2 videos of 2-3 short clips at 160x120.
synth::SynthSettings smallSynthSettings(const std::string& projectPath, std::uint32_t seed);

}  // namespace actionlens::fixtures
