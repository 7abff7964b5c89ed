#include "core/train/skeleton_augmentation.h"

#include "core/model/clip_normalisation.h"

#include <algorithm>
#include <cmath>

namespace actionlens::train {

double unitUniform(std::mt19937& rng) { return double(rng()) / 4294967296.0; }

double standardNormal(std::mt19937& rng) {
    const double u1 = 1.0 - unitUniform(rng);  // (0, 1]: log stays finite
    const double u2 = unitUniform(rng);
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
}

model::SkeletonClip resampleClip(const model::SkeletonClip& clip, double start, double length, int frames) {
    model::SkeletonClip out{frames, clip.joints, std::vector<float>(size_t(3) * frames * clip.joints, 0.0f)};
    if (clip.frames <= 0) return out;
    const double last = clip.frames - 1;
    for (int t = 0; t < frames; ++t) {
        // Sample at the centre of each output frame's share of the window.
        const double position = std::clamp(start + (t + 0.5) * length / frames - 0.5, 0.0, last);
        const int a = int(std::floor(position));
        const int b = std::min(a + 1, clip.frames - 1);
        const float wb = float(position - a), wa = 1.0f - wb;
        for (int j = 0; j < clip.joints; ++j) {
            const bool va = clip.at(2, a, j) > 0.0f, vb = clip.at(2, b, j) > 0.0f;
            if (!va && !vb) continue;
            for (int c = 0; c < 3; ++c) {
                float v;
                if (va && vb) v = wa * clip.at(c, a, j) + wb * clip.at(c, b, j);
                else v = va ? clip.at(c, a, j) : clip.at(c, b, j);
                out.at(c, t, j) = v;
            }
        }
    }
    return out;
}

model::SkeletonClip evaluationView(const model::SkeletonClip& clip, int frames) {
    model::SkeletonClip view = resampleClip(clip, 0.0, clip.frames, frames);
    // The sizes are right by construction, so normalisation cannot fail.
    (void)model::normaliseClip(view);
    return view;
}

void mirrorClip(model::SkeletonClip& clip, const std::vector<std::pair<int, int>>& mirrorPairs) {
    for (int t = 0; t < clip.frames; ++t) {
        for (int j = 0; j < clip.joints; ++j) clip.at(0, t, j) = -clip.at(0, t, j);
        for (const auto& [left, right] : mirrorPairs)
            for (int c = 0; c < 3; ++c) std::swap(clip.at(c, t, left), clip.at(c, t, right));
    }
}

model::SkeletonClip trainingView(const model::SkeletonClip& clip, int frames, const AugmentationConfig& a,
                                 const std::vector<std::pair<int, int>>& mirrorPairs, std::mt19937& rng,
                                 const bool* forcedMirror, TimeWindow* window, bool* mirrored) {
    if (window) *window = TimeWindow{};
    if (!a.enabled) {
        model::SkeletonClip view = evaluationView(clip, frames);
        const bool mirror = forcedMirror && *forcedMirror;
        if (mirror) mirrorClip(view, mirrorPairs);
        if (mirrored) *mirrored = mirror;
        return view;
    }
    // Every draw happens whatever the options, so one option never shifts another's numbers.
    const double keep = a.cropMinFraction + (1.0 - a.cropMinFraction) * unitUniform(rng);
    const double speed = 1.0 + a.speedRange * (2.0 * unitUniform(rng) - 1.0);
    const double startDraw = unitUniform(rng);
    const bool drawnMirror = unitUniform(rng) < a.mirrorProbability;
    const bool mirror = forcedMirror ? *forcedMirror : drawnMirror;
    if (mirrored) *mirrored = mirror;
    const double angle = a.rotationDegrees * (2.0 * unitUniform(rng) - 1.0) * 3.141592653589793 / 180.0;
    const double scale = 1.0 + a.scaleRange * (2.0 * unitUniform(rng) - 1.0);

    const double length = std::clamp(keep * speed, 0.05, 1.0) * clip.frames;
    const double start = startDraw * (clip.frames - length);
    if (window && clip.frames > 0) *window = TimeWindow{start / clip.frames, length / clip.frames};
    model::SkeletonClip view = resampleClip(clip, start, length, frames);
    (void)model::normaliseClip(view);
    if (mirror) mirrorClip(view, mirrorPairs);

    std::vector<bool> dropped(size_t(view.joints));
    for (int j = 0; j < view.joints; ++j) dropped[size_t(j)] = unitUniform(rng) < a.jointDropout;
    const double c = std::cos(angle) * scale, s = std::sin(angle) * scale;
    for (int t = 0; t < view.frames; ++t) {
        for (int j = 0; j < view.joints; ++j) {
            const double nx = standardNormal(rng) * a.noiseStd, ny = standardNormal(rng) * a.noiseStd;
            float& x = view.at(0, t, j);
            float& y = view.at(1, t, j);
            float& confidence = view.at(2, t, j);
            if (dropped[size_t(j)]) {
                x = y = confidence = 0.0f;
                continue;
            }
            if (!(confidence > 0.0f)) continue;
            const double rx = c * x - s * y, ry = s * x + c * y;
            x = float(rx + nx);
            y = float(ry + ny);
        }
    }
    return view;
}

}  // namespace actionlens::train
