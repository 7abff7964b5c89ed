#pragma once

// synthesiseProject: writes a ready project of rendered videos: PROJECT.alproj, and beside it
// PROJECT_videos/ with video_000.mp4 (H.264 where FFmpeg has it) and video_000.limbs (limb
// masks, limb_mask_file.h) per video. The project holds the synthetic taxonomy, one subject per
// mannequin (with handedness, build and clothing), per video one segment per action clip
// (action, viewpoint) and the exact Penn-13 skeleton of every frame (joints behind an occluder or
// outside the picture not visible), and each video's split ("train" or "test"). Some videos show a
// second person beside the first (SynthSettings::twoSubjectChance): another subject with its own
// skeleton track and segments; the masks' most-moved limb is the first person's. Everything the generator
// decides comes from `seed`: the same settings and library give the same labels and skeletons.
// All or nothing: on failure or cancellation neither the project nor the folder is left behind.

#include "core/common/result.h"
#include "core/synth/mannequin.h"
#include "core/synth/motion_clip.h"
#include "core/synth/occluder.h"
#include "core/synth/video_script.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace actionlens::synth {

// Seeded: each video has an occluder with probability occluderChance, decided by the seed.
enum class OccluderMode { Seeded, Always, Never };

struct SynthSettings {
    std::string projectPath;  // must not exist yet
    int videos = 12;
    std::uint32_t seed = 1;
    int width = 320;   // even
    int height = 240;  // even
    int fps = 25;
    ScriptTiming timing;
    int quality = 20;  // x264 CRF: a little better than the default, limbs are small at 320x240
    // Occluders and splits draw from generators of their own: switching them changes neither
    // the scripts (subjects, clips, skeleton coordinates) nor each other.
    OccluderMode occluders = OccluderMode::Seeded;
    double occluderChance = 0.4;
    double testFraction = 0.25;  // of the videos in the "test" split, the rest "train" (dataset_splits.h)
    // The chance that a video shows a second person beside the first (another subject, with its
    // own skeleton track and segments); needs two subjects, so three videos or more.
    double twoSubjectChance = 0.25;
};

struct SynthCallbacks {
    std::function<void(std::int64_t framesDone, std::int64_t framesTotal)> progress;
    std::function<bool()> cancelled;  // checked every frame
};

struct SynthClipSummary {
    std::string motion;  // source label file stem
    std::string action;
    std::string viewpoint;  // as labelled (mirrored for left-handers)
    int firstFrame = 0;
    int lastFrame = 0;
};

struct SynthVideoSummary {
    std::string videoPath;
    std::string maskPath;
    std::string subjectName;
    Mannequin mannequin;
    int frameCount = 0;
    std::vector<SynthClipSummary> clips;
    std::optional<Occluder> occluder;
    std::string split;  // train or test
    // A second person in the picture (subjectName empty when there is none).
    struct Partner {
        std::string subjectName;
        Mannequin mannequin;
        std::vector<SynthClipSummary> clips;
    } partner;
};

struct SynthSummary {
    std::vector<SynthVideoSummary> videos;
    std::string codec;
    double renderSeconds = 0.0;  // drawing, without encoding
    double encodeSeconds = 0.0;
};

// `library` must be resampled to settings.fps (loadMotionFolder(folder, settings.fps)).
Result<SynthSummary> synthesiseProject(const SynthSettings& settings, const std::vector<MotionClip>& library,
                                       const SynthCallbacks& callbacks = {});

// The folder the videos go to: PROJECT_videos beside PROJECT.alproj.
std::string synthVideoFolder(const std::string& projectPath);

}  // namespace actionlens::synth
