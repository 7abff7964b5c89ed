#include "core/synth/occluder.h"

#include <algorithm>
#include <cmath>

namespace actionlens::synth {

const char* occluderKindName(OccluderKind kind) {
    switch (kind) {
    case OccluderKind::Pole: return "pole";
    case OccluderKind::Box: return "box";
    case OccluderKind::Panel: return "panel";
    }
    return "unknown";
}

bool OccluderFrame::covers(Point2 p) const {
    const double x = std::floor(static_cast<double>(p.x));
    const double y = std::floor(static_cast<double>(p.y));
    return x >= x0 && x < x1 && y >= y0 && y < y1;
}

std::optional<OccluderFrame> occluderAt(const Occluder& o, int frame, int width, int height) {
    if (frame < o.firstFrame || frame > o.lastFrame) return std::nullopt;
    const int span = std::max(1, o.lastFrame - o.firstFrame);
    const float t = static_cast<float>(frame - o.firstFrame) / static_cast<float>(span);
    const float centre = o.startX + (o.endX - o.startX) * t;
    OccluderFrame f;
    f.x0 = static_cast<int>(std::lround(centre - o.width * 0.5f));
    f.x1 = static_cast<int>(std::lround(centre + o.width * 0.5f));
    f.y0 = static_cast<int>(std::lround(o.top));
    f.y1 = static_cast<int>(std::lround(o.bottom));
    f.colour = o.colour;
    f.opacity = o.opacity;
    if (f.x1 <= 0 || f.x0 >= width || f.y1 <= 0 || f.y0 >= height || f.x1 <= f.x0 || f.y1 <= f.y0) return std::nullopt;
    return f;
}

Occluder randomOccluder(SynthRandom& random, int width, int height, int frameCount) {
    Occluder o;
    const double kind = random.unit();
    o.kind = kind < 0.4 ? OccluderKind::Pole : (kind < 0.7 ? OccluderKind::Box : OccluderKind::Panel);
    // Colours away from the saturated shirts: wood, metal, cardboard, frosted glass.
    static const Rgb kPalette[] = {{120, 84, 52}, {96, 100, 108}, {168, 132, 88}, {60, 62, 70}, {200, 200, 190}};
    o.colour = kPalette[random.integer(0, 4)];
    const double w = random.unit();
    const double h = random.unit();
    const double y = random.unit();
    switch (o.kind) {
    case OccluderKind::Pole:
        o.width = static_cast<float>((0.06 + 0.06 * w) * width);
        o.top = -1.0f;
        o.bottom = static_cast<float>(height + 1);
        break;
    case OccluderKind::Box:
        o.width = static_cast<float>((0.22 + 0.18 * w) * width);
        o.top = static_cast<float>((0.5 + 0.25 * h) * height);
        o.bottom = static_cast<float>(height + 1);
        break;
    case OccluderKind::Panel:
        o.width = static_cast<float>((0.25 + 0.2 * w) * width);
        o.top = static_cast<float>((0.1 + 0.3 * y) * height);
        o.bottom = o.top + static_cast<float>((0.35 + 0.25 * h) * height);
        o.opacity = 0.6f;
        break;
    }
    const int length = std::max(1, static_cast<int>(std::lround(frameCount * random.uniform(0.4, 0.8))));
    o.firstFrame = random.integer(0, std::max(0, frameCount - length));
    o.lastFrame = std::min(frameCount - 1, o.firstFrame + length - 1);
    const float outside = o.width * 0.5f + 1.0f;
    const bool leftToRight = random.chance(0.5);
    o.startX = leftToRight ? -outside : static_cast<float>(width) + outside;
    o.endX = leftToRight ? static_cast<float>(width) + outside : -outside;
    return o;
}

}  // namespace actionlens::synth
