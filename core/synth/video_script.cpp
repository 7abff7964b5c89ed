#include "core/synth/video_script.h"

#include "core/synth/retarget.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <utility>

namespace actionlens::synth {

namespace {

constexpr double kTwoPi = 6.283185307179586;

float smoothstep(float t) { return t * t * (3.0f - 2.0f * t); }

Pose blend(const Pose& a, const Pose& b, float t) {
    Pose out;
    for (int j = 0; j < kJointCount; ++j) out[static_cast<size_t>(j)] = lerp(a[static_cast<size_t>(j)], b[static_cast<size_t>(j)], t);
    return out;
}

// One more repetition of the first `motionLength` poses of `performed`: an eased return from its
// last pose to the motion's first, then the motion again.
std::vector<Pose> appendRepetition(std::vector<Pose> performed, int motionLength, int resetFrames) {
    const Pose from = performed.back();
    const Pose to = performed.front();
    for (int k = 1; k <= resetFrames; ++k) performed.push_back(blend(from, to, smoothstep(static_cast<float>(k) / (resetFrames + 1))));
    for (int k = 0; k < motionLength; ++k) performed.push_back(performed[static_cast<size_t>(k)]);
    return performed;
}

}  // namespace

std::vector<Pose> performClip(const MotionClip& motion, const Mannequin& mannequin) {
    std::vector<Pose> poses = retargetClip(motion, mannequin.body);
    if (mannequin.handedness == Handedness::Left) {
        for (Pose& pose : poses) pose = mirrorPose(pose);
    }
    return poses;
}

std::string mirroredViewpoint(const std::string& viewpoint) {
    if (viewpoint == "left") return "right";
    if (viewpoint == "right") return "left";
    return viewpoint;
}

Pose toImage(const Pose& body, const CameraPlacement& camera) {
    Pose out;
    for (int j = 0; j < kJointCount; ++j) {
        out[static_cast<size_t>(j)] = {camera.offsetX + camera.scale * body[static_cast<size_t>(j)].x,
                                       camera.offsetY + camera.scale * body[static_cast<size_t>(j)].y};
    }
    return out;
}

std::vector<CameraPlacement> placeCamera(const std::vector<Pose>& bodyPoses, const Mannequin& mannequin, int width, int height,
                                         double fps, SynthRandom& random) {
    float minX = std::numeric_limits<float>::max(), maxX = -minX, minY = minX, maxY = -minX;
    for (const Pose& pose : bodyPoses) {
        for (const Point2& p : pose) {
            minX = std::min(minX, p.x);
            maxX = std::max(maxX, p.x);
            minY = std::min(minY, p.y);
            maxY = std::max(maxY, p.y);
        }
    }
    // Joints are centres: leave room for the head and the limbs' thickness around them.
    const float margin = std::max(mannequin.body.headRadius, mannequin.body.thighWidth) + 0.05f;
    minX -= margin;
    maxX += margin;
    minY -= margin;
    maxY += margin;
    const float boxWidth = std::max(0.5f, maxX - minX);
    const float boxHeight = std::max(0.5f, maxY - minY);
    const float fit = std::min(0.9f * width / boxWidth, 0.9f * height / boxHeight);
    const float scale = fit * static_cast<float>(random.uniform(0.8, 1.0));
    const float roomX = width - scale * boxWidth;
    const float roomY = height - scale * boxHeight;
    const float baseX = -scale * minX + roomX * static_cast<float>(random.uniform(0.3, 0.7));
    const float baseY = -scale * minY + roomY * static_cast<float>(random.uniform(0.3, 0.7));

    // A hand-held camera: slow sways in position and zoom, a few percent of the frame.
    const double swayX = random.uniform(0.0, 0.015) * width;
    const double swayY = random.uniform(0.0, 0.015) * height;
    const double zoom = random.uniform(0.0, 0.03);
    const double fx = random.uniform(0.1, 0.4), fy = random.uniform(0.1, 0.4), fz = random.uniform(0.05, 0.2);
    const double px = random.uniform(0.0, kTwoPi), py = random.uniform(0.0, kTwoPi), pz = random.uniform(0.0, kTwoPi);
    std::vector<CameraPlacement> camera(bodyPoses.size());
    for (size_t f = 0; f < camera.size(); ++f) {
        const double t = static_cast<double>(f) / fps;
        camera[f].scale = scale * static_cast<float>(1.0 + zoom * std::sin(kTwoPi * fz * t + pz));
        camera[f].offsetX = baseX + static_cast<float>(swayX * std::sin(kTwoPi * fx * t + px));
        camera[f].offsetY = baseY + static_cast<float>(swayY * std::sin(kTwoPi * fy * t + py));
    }
    return camera;
}

Result<VideoScript> scriptVideo(const std::vector<MotionClip>& library, const Mannequin& mannequin, int width, int height,
                                double fps, const ScriptTiming& timing, SynthRandom& random) {
    std::map<std::string, std::vector<const MotionClip*>> byAction;
    for (const MotionClip& clip : library) {
        if (std::abs(clip.fps - fps) > 1e-9) return makeError("motion '" + clip.name + "' is not resampled to the output frame rate");
        byAction[clip.action].push_back(&clip);
    }
    if (byAction.size() < 2) return makeError("the motion library needs sequences of two different actions at least");

    std::vector<std::string> actions;
    for (const auto& entry : byAction) actions.push_back(entry.first);
    const int wanted = std::min<int>(random.integer(timing.minClips, std::max(timing.minClips, timing.maxClips)),
                                     static_cast<int>(actions.size()));
    // A partial Fisher-Yates shuffle: `wanted` different actions.
    for (int i = 0; i < wanted; ++i) std::swap(actions[static_cast<size_t>(i)], actions[static_cast<size_t>(random.integer(i, static_cast<int>(actions.size()) - 1))]);

    VideoScript script;
    script.mannequin = mannequin;
    const bool mirrored = mannequin.handedness == Handedness::Left;
    const int maxClipFrames = std::max(2, static_cast<int>(std::lround(timing.maxClipSeconds * fps)));
    // Each clip's share of the target length, after the transitions between clips.
    int shareFrames = 0;
    if (timing.targetSeconds > 0.0) {
        const double transitionFrames = 0.5 * (timing.minTransitionSeconds + timing.maxTransitionSeconds) * fps;
        shareFrames = std::max(2, static_cast<int>(std::lround((timing.targetSeconds * fps - (wanted - 1) * transitionFrames) / wanted)));
    }
    const int resetFrames = std::max(1, static_cast<int>(std::lround(timing.repetitionResetSeconds * fps)));
    for (int i = 0; i < wanted; ++i) {
        const std::vector<const MotionClip*>& candidates = byAction[actions[static_cast<size_t>(i)]];
        const MotionClip* motion = candidates[static_cast<size_t>(random.integer(0, static_cast<int>(candidates.size()) - 1))];
        std::vector<Pose> performed = performClip(*motion, mannequin);
        if (performed.empty()) continue;
        int repetitions = 1;
        if (shareFrames > 0) {
            const int motionLength = static_cast<int>(performed.size());
            while (static_cast<int>(performed.size()) < shareFrames) {
                performed = appendRepetition(std::move(performed), motionLength, resetFrames);
                ++repetitions;
            }
        }
        const int length = std::min(static_cast<int>(performed.size()), shareFrames > 0 ? shareFrames : maxClipFrames);
        const int offset = repetitions > 1 ? 0 : random.integer(0, static_cast<int>(performed.size()) - length);

        if (!script.bodyPoses.empty()) {
            // Idle transition: ease from the last pose into the next clip's first.
            const int transition = std::max(
                1, static_cast<int>(std::lround(random.uniform(timing.minTransitionSeconds, timing.maxTransitionSeconds) * fps)));
            const Pose from = script.bodyPoses.back();
            const Pose& to = performed[static_cast<size_t>(offset)];
            const std::string viewpoint = script.frameViewpoints.back();
            for (int k = 1; k <= transition; ++k) {
                script.bodyPoses.push_back(blend(from, to, smoothstep(static_cast<float>(k) / (transition + 1))));
                script.frameViewpoints.push_back(viewpoint);
            }
        }
        ScriptedClip scripted;
        scripted.motion = motion;
        scripted.firstFrame = script.frameCount();
        scripted.lastFrame = scripted.firstFrame + length - 1;
        scripted.sourceOffset = offset;
        scripted.repetitions = repetitions;
        scripted.mirrored = mirrored;
        scripted.viewpoint = mirrored ? mirroredViewpoint(motion->viewpoint) : motion->viewpoint;
        for (int k = 0; k < length; ++k) {
            script.bodyPoses.push_back(performed[static_cast<size_t>(offset + k)]);
            script.frameViewpoints.push_back(scripted.viewpoint);
        }
        script.clips.push_back(scripted);
    }
    script.camera = placeCamera(script.bodyPoses, mannequin, width, height, fps, random);
    script.imagePoses.reserve(script.bodyPoses.size());
    for (size_t f = 0; f < script.bodyPoses.size(); ++f) script.imagePoses.push_back(toImage(script.bodyPoses[f], script.camera[f]));
    return script;
}

}  // namespace actionlens::synth
