#pragma once

// CrowdScene: a wide shot of several small people at once, for pose estimation on people of
// many sizes (what a street or a sports wide shot shows): each person a mannequin performing a
// library motion again and again while walking across the frame, left or right, the farther
// ones higher up and smaller (a ground plane seen from above), drawn far to near. The exact
// skeleton of each person in each frame comes with it, so found people, stray poses and identity
// switches are counted exactly (core/pose/tracking_evaluation.h).

#include "core/common/result.h"
#include "core/media/video_frame.h"
#include "core/synth/mannequin.h"
#include "core/synth/motion_clip.h"
#include "core/synth/pose.h"
#include "core/synth/scene_renderer.h"

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::synth {

struct CrowdSceneOptions {
    int width = 1280, height = 720;
    double fps = 25.0;
    int frames = 100;
    int people = 6;
    // Standing height (head top to feet) of the farthest and the nearest person, in pixels.
    double minPersonHeight = 60.0, maxPersonHeight = 160.0;
    double walkingSpeed = 0.5;  // person heights per second
    std::uint32_t seed = 1;
};

struct CrowdPerson {
    Mannequin mannequin;
    std::string viewpoint;      // of the source motion (decides which side is drawn in front)
    float pixelsPerUnit = 1.0f;  // body units (torso lengths) to pixels
    double standingHeight = 0;   // pixels
    std::vector<Pose> poses;     // per frame, image pixels (Penn Action's 13 joints)
};

struct CrowdScene {
    CrowdSceneOptions options;
    std::vector<CrowdPerson> people;  // far to near: the drawing order
};

// People spread over the frame's width and depth, each with a motion drawn from `library`
// (resampled to the scene's rate). Fails on an empty library or a size too small for the people.
Result<CrowdScene> planCrowdScene(const std::vector<MotionClip>& library, const CrowdSceneOptions& options);

// Frame `frame` of the scene (packed RGB of the scene's size), the limb mask beside it.
void renderCrowdFrame(const CrowdScene& scene, SceneRenderer& renderer, int frame, media::VideoFrame& picture, LimbMask& mask);

}  // namespace actionlens::synth
