#pragma once

// VideoScript: everything one synthetic video shows, decided before a pixel is drawn: the
// subject, the action clips strung one after another (different actions, each a window of a
// source motion) with short idle transitions between them, and per frame the pose in body units,
// the camera placement (scale and offset with a slow jitter) and the resulting pose in pixels.
// The ground truth (skeletons, segments) is read off the script, the pictures are drawn from it.

#include "core/synth/mannequin.h"
#include "core/synth/motion_clip.h"
#include "core/synth/pose.h"
#include "core/synth/synth_random.h"

#include <string>
#include <vector>

namespace actionlens::synth {

struct ScriptedClip {
    const MotionClip* motion = nullptr;
    int firstFrame = 0;  // in the video, inclusive
    int lastFrame = 0;   // inclusive
    int sourceOffset = 0;  // first frame of the motion's window (in output frames)
    int repetitions = 1;   // a short motion is performed again and again to fill its share
    bool mirrored = false;
    // The viewpoint the picture shows: a mirrored side view shows the other side.
    std::string viewpoint;
};

// Image pixels = offset + scale * body units, per frame.
struct CameraPlacement {
    float scale = 1.0f;
    float offsetX = 0.0f;
    float offsetY = 0.0f;
};

struct ScriptTiming {
    int minClips = 2;
    int maxClips = 4;
    // With a target length, each clip gets an equal share of it: a longer source motion is cut
    // to a random window, a shorter one repeated (easing back to its first pose in between, as a
    // person resets between repetitions). Without one (0), a clip is its source motion, cut to
    // maxClipSeconds.
    double targetSeconds = 10.0;
    double maxClipSeconds = 3.0;
    double repetitionResetSeconds = 0.25;
    double minTransitionSeconds = 0.3;
    double maxTransitionSeconds = 0.7;
};

struct VideoScript {
    Mannequin mannequin;
    std::vector<ScriptedClip> clips;
    std::vector<Pose> bodyPoses;   // per frame, body units
    std::vector<std::string> frameViewpoints;  // per frame: the drawing order's viewpoint
    std::vector<CameraPlacement> camera;  // per frame
    std::vector<Pose> imagePoses;  // per frame, pixels

    int frameCount() const { return static_cast<int>(bodyPoses.size()); }
};

// The clip as `mannequin` performs it, in body units: retargeted, and mirrored for left-handers.
std::vector<Pose> performClip(const MotionClip& motion, const Mannequin& mannequin);

// Swaps "left" and "right"; front and back stay.
std::string mirroredViewpoint(const std::string& viewpoint);

// Picks 2-4 clips of different actions from `library` (all at the output fps), strings them
// together and places them in a width x height frame. Needs a library with two actions at least.
Result<VideoScript> scriptVideo(const std::vector<MotionClip>& library, const Mannequin& mannequin, int width, int height,
                                double fps, const ScriptTiming& timing, SynthRandom& random);

// Fits the poses into the frame (whole video at one base scale, a random position) and adds a
// slow, smooth camera sway; exposed for tests of mirroring.
std::vector<CameraPlacement> placeCamera(const std::vector<Pose>& bodyPoses, const Mannequin& mannequin, int width, int height,
                                         double fps, SynthRandom& random);
Pose toImage(const Pose& body, const CameraPlacement& camera);

}  // namespace actionlens::synth
