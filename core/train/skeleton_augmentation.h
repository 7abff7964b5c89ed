#pragma once

// The views of a labelled segment that the network sees. Segments differ in length, the
// network's input does not: every view resamples the segment to a fixed frame count and
// normalises it per clip (centre and scale). Training views are also augmented: a random
// temporal crop at a random playback speed, a mirror that swaps the left and right joints of
// the layout, rotation, scale, joint dropout (occlusion) and noise, so that the model cannot
// learn where or how large a person stood, nor which side faced the camera.

#include "core/model/skeleton_batch.h"
#include "core/train/train_config.h"

#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace actionlens::train {

// Uniform in [0, 1) from one 32-bit draw: the same numbers on every platform, unlike
// std::uniform_real_distribution.
double unitUniform(std::mt19937& rng);
// Standard normal by Box-Muller over unitUniform.
double standardNormal(std::mt19937& rng);

// `frames` frames sampled over [start, start + length) of the clip (in source frames), linearly
// interpolated between the two nearest source frames; a joint missing in one of them takes the
// other's value, missing in both stays missing. Source positions are clamped to the clip.
model::SkeletonClip resampleClip(const model::SkeletonClip& clip, double start, double length, int frames);

// The whole segment resampled to `frames` and normalised: what evaluation and prediction see.
model::SkeletonClip evaluationView(const model::SkeletonClip& clip, int frames);

// A stretch of a clip's time, as fractions of it.
struct TimeWindow {
    double start = 0.0;
    double length = 1.0;
};

// A randomly cropped, resampled, normalised and augmented view for training. `forcedMirror`
// (fusion: the RGB frames were flipped or not) replaces the mirror draw, which still happens.
// `window`, when given, receives the stretch of the clip the view samples (fusion samples the
// frames over the same one); `mirrored`, whether the view is mirrored (its labels must be too:
// label_mirror.h).
model::SkeletonClip trainingView(const model::SkeletonClip& clip, int frames, const AugmentationConfig& augmentation,
                                 const std::vector<std::pair<int, int>>& mirrorPairs, std::mt19937& rng,
                                 const bool* forcedMirror = nullptr, TimeWindow* window = nullptr,
                                 bool* mirrored = nullptr);

// Mirrors a normalised clip in place: x -> -x, and each (left, right) pair swapped.
void mirrorClip(model::SkeletonClip& clip, const std::vector<std::pair<int, int>>& mirrorPairs);

}  // namespace actionlens::train
