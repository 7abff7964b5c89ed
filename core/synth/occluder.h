#pragma once

// Occluder: an object passing between the camera and the mannequin during part of a video: a
// pole, a box standing on the floor, or a semi-transparent panel, sliding across the frame. It is
// drawn after the mannequin, named in the limb masks as kOccluder (limbs.h), and the joints it
// covers are not visible in the ground truth. Its shape is an axis-aligned rectangle on whole
// pixels, so the picture, the mask and the joints' visibility agree to the pixel.

#include "core/synth/mannequin.h"
#include "core/synth/pose.h"
#include "core/synth/synth_random.h"

#include <optional>

namespace actionlens::synth {

enum class OccluderKind { Pole, Box, Panel };
const char* occluderKindName(OccluderKind kind);  // "pole", "box", "panel"

struct Occluder {
    OccluderKind kind = OccluderKind::Pole;
    Rgb colour;
    float opacity = 1.0f;  // below 1 only for panels
    float width = 0.0f;    // pixels
    float top = 0.0f;      // pixels; the rectangle's vertical extent does not change
    float bottom = 0.0f;
    float startX = 0.0f;  // the rectangle's centre at firstFrame
    float endX = 0.0f;    // ... and at lastFrame, moving linearly between
    int firstFrame = 0;   // inclusive
    int lastFrame = 0;    // inclusive
};

// Where an occluder is in one frame: the pixels x0 <= x < x1, y0 <= y < y1 (clipped to nothing
// outside the picture only by the caller).
struct OccluderFrame {
    int x0 = 0;
    int y0 = 0;
    int x1 = 0;
    int y1 = 0;
    Rgb colour;
    float opacity = 1.0f;

    // Whether the pixel holding `p` (floor of each coordinate) is covered.
    bool covers(Point2 p) const;
};

// The occluder's rectangle in `frame`; none outside its frames or when it lies wholly outside a
// width x height picture.
std::optional<OccluderFrame> occluderAt(const Occluder& occluder, int frame, int width, int height);

// A random occluder crossing the whole width of the picture (from beyond one edge to beyond the
// other) during a random 40-80 % of a video of `frameCount` frames. Always draws the same number
// of values from `random`.
Occluder randomOccluder(SynthRandom& random, int width, int height, int frameCount);

}  // namespace actionlens::synth
