#pragma once

// MotionClip: one Penn Action sequence made ready to drive a mannequin: resampled to the output
// frame rate, with every joint filled in every frame (joints the annotators marked invisible are
// interpolated over time from the frames where they were visible, and held before the first and
// after the last such frame).

#include "core/common/result.h"
#include "core/formats/penn_action_labels.h"
#include "core/synth/pose.h"

#include <string>
#include <vector>

namespace actionlens::synth {

constexpr double kPennFps = 30.0;  // the rate Penn Action's frames were extracted at

struct MotionClip {
    std::string name;       // the label file's stem ("0002")
    std::string action;     // Penn Action class
    std::string viewpoint;  // Penn Action viewpoint of the source camera
    double fps = 0.0;       // of `frames`
    std::vector<Pose> frames;  // source pixels, one per output frame
    // Joints never visible in the whole sequence: their positions are placeholders, and
    // retargeting gives their bones a default direction instead.
    std::array<bool, kJointCount> everVisible{};
};

// The sequence at its own 30 fps with invisible joints filled: what the built-in motion library
// stores. Fails on a sequence without a single visible joint.
Result<MotionClip> filledPennMotion(const formats::PennActionSequence& sequence, const std::string& name);

// `source` resampled to `fps` (linear between source frames); the other fields are kept.
Result<MotionClip> resampleMotion(const MotionClip& source, double fps);

// Fills invisible joints, then resamples from 30 fps to `fps` (linear between source frames).
// Fails on a sequence without a single visible joint.
Result<MotionClip> motionClipFromPenn(const formats::PennActionSequence& sequence, const std::string& name, double fps);

// Every NNNN.mat of `folder` (sorted by name). Files that do not read are an error naming them;
// sequences without a single visible joint (the dataset has a few) cannot drive a mannequin and
// are left out, their names added to `skipped`.
Result<std::vector<MotionClip>> loadMotionFolder(const std::string& folder, double fps,
                                                 std::vector<std::string>* skipped = nullptr);

}  // namespace actionlens::synth
