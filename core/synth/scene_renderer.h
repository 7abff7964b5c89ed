#pragma once

// SceneRenderer: draws one video's pictures: a fixed background (gradient, procedural texture,
// a few clutter shapes) made once from the video's seed, a mannequin on top of it (head as an
// ellipse, torso and limbs as shaded anti-aliased capsules joined at the 13 joints), then the
// camera's blur and sensor noise. Alongside each picture it fills the limb mask: the same
// shapes drawn aliased, in the same order, with limb ids instead of colours, so a mask pixel
// names the limb that is on top there.

#include "core/media/video_frame.h"
#include "core/synth/limb_mask_file.h"
#include "core/synth/mannequin.h"
#include "core/synth/occluder.h"
#include "core/synth/pose.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace actionlens::synth {

struct CameraLook {
    double noiseSigma = 0.0;  // grey levels of Gaussian sensor noise
    bool blur = false;        // a 3x3 Gaussian blur (slight defocus)
};

struct PosedFigure {
    const Mannequin* mannequin = nullptr;
    Pose pose;             // image pixels
    float pixelsPerUnit = 1.0f;  // pixels per body unit (torso length) in this frame
    // The source's viewpoint decides which side is nearer the camera, hence the drawing order.
    std::string viewpoint;
};

class SceneRenderer {
public:
    // The background and the camera look come from `seed`; `look` overrides the latter.
    SceneRenderer(int width, int height, std::uint32_t seed);
    ~SceneRenderer();
    SceneRenderer(const SceneRenderer&) = delete;
    SceneRenderer& operator=(const SceneRenderer&) = delete;

    const CameraLook& look() const;
    void setLook(const CameraLook& look);

    // `frame` becomes a packed RGB24 picture of the renderer's size (index and times are left as
    // they are); `mask` gets the limb ids (its mostMoved is left to the caller). An occluder is
    // drawn last, before blur and noise, and its pixels become kOccluder in the mask.
    void render(const PosedFigure& figure, media::VideoFrame& frame, LimbMask& mask,
                const std::optional<OccluderFrame>& occluder = std::nullopt);
    // Several people, drawn in the given order (later ones in front). The mask names limbs, not
    // people: where figures overlap it holds the limb of the one in front.
    void render(const std::vector<PosedFigure>& figures, media::VideoFrame& frame, LimbMask& mask,
                const std::optional<OccluderFrame>& occluder = std::nullopt);

private:
    void drawFigure(const PosedFigure& figure);
    void finish(media::VideoFrame& frame, LimbMask& mask, const std::optional<OccluderFrame>& occluder);
    struct Impl;
    std::unique_ptr<Impl> d_;
};

}  // namespace actionlens::synth
