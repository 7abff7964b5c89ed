#include "core/synth/scene_renderer.h"

#include "core/synth/limbs.h"
#include "core/synth/synth_random.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

namespace actionlens::synth {

namespace {

constexpr int kShift = 4;  // OpenCV drawing with 1/16-pixel precision
constexpr float kSubpixel = 16.0f;

cv::Point fixedPoint(Point2 p) {
    return {static_cast<int>(std::lround(p.x * kSubpixel)), static_cast<int>(std::lround(p.y * kSubpixel))};
}

cv::Scalar colour(Rgb c, double brightness = 1.0) {
    auto channel = [&](std::uint8_t v) { return std::min(255.0, v * brightness); };
    return cv::Scalar(channel(c.r), channel(c.g), channel(c.b));  // the image is RGB
}

// Muted colours for the background: a grey with a small tint, so the saturated clothes stand out.
cv::Scalar mutedColour(SynthRandom& random, double low, double high) {
    const double grey = random.uniform(low, high);
    return cv::Scalar(grey + random.uniform(-18, 18), grey + random.uniform(-18, 18), grey + random.uniform(-18, 18));
}

cv::Mat makeBackground(int width, int height, SynthRandom& random) {
    cv::Mat image(height, width, CV_8UC3);
    // Vertical gradient from "wall" to "floor" colour, bending at a horizon line.
    const cv::Scalar top = mutedColour(random, 120, 200);
    const cv::Scalar bottom = mutedColour(random, 70, 150);
    const double horizon = random.uniform(0.45, 0.75);
    for (int y = 0; y < height; ++y) {
        const double t = static_cast<double>(y) / std::max(1, height - 1);
        const double k = t < horizon ? 0.35 * t / horizon : 0.35 + 0.65 * (t - horizon) / (1.0 - horizon);
        const cv::Scalar c = top * (1.0 - k) + bottom * k;
        image.row(y).setTo(c);
    }
    // Procedural texture: smooth blotches (a coarse random grid, scaled up cubically) plus faint
    // tiles on the floor.
    cv::Mat coarse(6, 8, CV_32FC1);
    for (int y = 0; y < coarse.rows; ++y)
        for (int x = 0; x < coarse.cols; ++x) coarse.at<float>(y, x) = static_cast<float>(random.uniform(-14.0, 14.0));
    cv::Mat blotches;
    cv::resize(coarse, blotches, image.size(), 0, 0, cv::INTER_CUBIC);
    cv::Mat blotches3;
    cv::merge(std::vector<cv::Mat>{blotches, blotches, blotches}, blotches3);
    cv::Mat textured;
    image.convertTo(textured, CV_32FC3);
    textured += blotches3;
    textured.convertTo(image, CV_8UC3);
    const int horizonY = static_cast<int>(horizon * height);
    const int tile = std::max(6, width / random.integer(8, 14));
    const cv::Scalar seam = mutedColour(random, 60, 110);
    for (int x = 0; x < width; x += tile) cv::line(image, {x, horizonY}, {x + (x - width / 2) / 2, height}, seam, 1, cv::LINE_AA);
    for (int y = horizonY; y < height; y += tile / 2 + (y - horizonY) / 3 + 1) cv::line(image, {0, y}, {width, y}, seam, 1, cv::LINE_AA);
    // Clutter: furniture-like boxes and round things along the wall.
    const int shapes = random.integer(3, 6);
    for (int s = 0; s < shapes; ++s) {
        const cv::Scalar c = mutedColour(random, 50, 190);
        const int cx = static_cast<int>(random.uniform(0, width));
        const int cy = static_cast<int>(random.uniform(0.1 * height, horizon * height));
        const int w = static_cast<int>(random.uniform(0.05, 0.2) * width);
        const int h = static_cast<int>(random.uniform(0.05, 0.3) * height);
        if (random.chance(0.6)) {
            cv::rectangle(image, {cx - w / 2, cy - h / 2}, {cx + w / 2, cy + h / 2}, c, cv::FILLED, cv::LINE_AA);
        } else {
            cv::ellipse(image, {cx, cy}, {std::max(1, w / 2), std::max(1, h / 2)}, 0, 0, 360, c, cv::FILLED, cv::LINE_AA);
        }
    }
    return image;
}

// Drawing order: what is further from the camera first. A side view ("left": the person's left
// side faces the camera) hides the far arm and leg behind the torso; a front view shows both
// arms over it; a back view hides arms in front of the body behind it.
std::vector<int> drawingOrder(const std::string& viewpoint) {
    if (viewpoint == "left") {
        return {kLimbRightUpperArm, kLimbRightForearm, kLimbRightThigh, kLimbRightShin, kLimbTorso,
                kLimbLeftThigh, kLimbLeftShin, kLimbLeftUpperArm, kLimbLeftForearm, kLimbHead};
    }
    if (viewpoint == "right") {
        return {kLimbLeftUpperArm, kLimbLeftForearm, kLimbLeftThigh, kLimbLeftShin, kLimbTorso,
                kLimbRightThigh, kLimbRightShin, kLimbRightUpperArm, kLimbRightForearm, kLimbHead};
    }
    if (viewpoint == "back") {
        return {kLimbLeftThigh, kLimbLeftShin, kLimbRightThigh, kLimbRightShin, kLimbLeftUpperArm,
                kLimbLeftForearm, kLimbRightUpperArm, kLimbRightForearm, kLimbTorso, kLimbHead};
    }
    return {kLimbLeftThigh, kLimbLeftShin, kLimbRightThigh, kLimbRightShin, kLimbTorso, kLimbLeftUpperArm,
            kLimbLeftForearm, kLimbRightUpperArm, kLimbRightForearm, kLimbHead};
}

int thicknessPixels(float units, float pixelsPerUnit) { return std::max(2, static_cast<int>(std::lround(units * pixelsPerUnit))); }

}  // namespace

struct SceneRenderer::Impl {
    int width = 0;
    int height = 0;
    cv::Mat background;
    CameraLook look;
    cv::RNG noise;
    cv::Mat canvas;
    cv::Mat labels;
    cv::Mat noisy;
};

SceneRenderer::SceneRenderer(int width, int height, std::uint32_t seed) : d_(std::make_unique<Impl>()) {
    SynthRandom random(seed);
    d_->width = width;
    d_->height = height;
    d_->background = makeBackground(width, height, random);
    d_->look.noiseSigma = random.uniform(0.0, 4.0);
    d_->look.blur = random.chance(0.3);
    // OpenCV's RNG is a fixed multiply-with-carry generator: noise repeats for a seed too.
    d_->noise = cv::RNG(random.next() | 1u);
}

SceneRenderer::~SceneRenderer() = default;

const CameraLook& SceneRenderer::look() const { return d_->look; }
void SceneRenderer::setLook(const CameraLook& look) { d_->look = look; }

void SceneRenderer::render(const PosedFigure& figure, media::VideoFrame& frame, LimbMask& mask,
                           const std::optional<OccluderFrame>& occluder) {
    render(std::vector<PosedFigure>{figure}, frame, mask, occluder);
}

void SceneRenderer::render(const std::vector<PosedFigure>& figures, media::VideoFrame& frame, LimbMask& mask,
                           const std::optional<OccluderFrame>& occluder) {
    Impl& d = *d_;
    d.background.copyTo(d.canvas);
    d.labels.create(d.height, d.width, CV_8UC1);
    d.labels.setTo(cv::Scalar(0));
    for (const PosedFigure& figure : figures) drawFigure(figure);
    finish(frame, mask, occluder);
}

void SceneRenderer::drawFigure(const PosedFigure& figure) {
    Impl& d = *d_;
    const Mannequin& m = *figure.mannequin;
    const BodyProportions& body = m.body;
    const Pose& p = figure.pose;
    const float ppu = figure.pixelsPerUnit;

    // A capsule: dark rim, base colour inside, so limbs read as round and their centre line has
    // exactly the clothing colour. The mask gets the full width.
    auto capsule = [&](Point2 a, Point2 b, float widthUnits, Rgb c, int id) {
        const int t = thicknessPixels(widthUnits, ppu);
        cv::line(d.canvas, fixedPoint(a), fixedPoint(b), colour(c, 0.7), t, cv::LINE_AA, kShift);
        cv::line(d.canvas, fixedPoint(a), fixedPoint(b), colour(c), std::max(1, t * 2 / 3), cv::LINE_AA, kShift);
        cv::line(d.labels, fixedPoint(a), fixedPoint(b), cv::Scalar(id), t, cv::LINE_8, kShift);
    };
    auto blob = [&](Point2 centre, float radiusUnits, Rgb c, int id) {
        const int r = std::max(1, static_cast<int>(std::lround(radiusUnits * ppu * kSubpixel)));
        cv::circle(d.canvas, fixedPoint(centre), r, colour(c), cv::FILLED, cv::LINE_AA, kShift);
        cv::circle(d.labels, fixedPoint(centre), r, cv::Scalar(id), cv::FILLED, cv::LINE_8, kShift);
    };
    const Rgb shoe{35, 30, 30};

    for (int limb : drawingOrder(figure.viewpoint)) {
        const auto [a, b] = limbSegment(p, limb);
        switch (limb) {
        case kLimbHead: {
            const float angle = std::atan2(b.y - a.y, b.x - a.x) * 180.0f / static_cast<float>(CV_PI) + 90.0f;
            const cv::Size axes(std::max(1, static_cast<int>(std::lround(body.headRadius * 0.85f * ppu * kSubpixel))),
                                std::max(1, static_cast<int>(std::lround(body.headRadius * ppu * kSubpixel))));
            capsule(a, lerp(a, b, 0.5f), body.upperArmWidth, m.skin, limb);  // the neck
            cv::ellipse(d.canvas, fixedPoint(b), axes, angle, 0, 360, colour(m.skin, 0.75), cv::FILLED, cv::LINE_AA, kShift);
            const cv::Size inner(std::max(1, axes.width * 4 / 5), std::max(1, axes.height * 4 / 5));
            cv::ellipse(d.canvas, fixedPoint(b), inner, angle, 0, 360, colour(m.skin), cv::FILLED, cv::LINE_AA, kShift);
            cv::ellipse(d.labels, fixedPoint(b), axes, angle, 0, 360, cv::Scalar(limb), cv::FILLED, cv::LINE_8, kShift);
            break;
        }
        case kLimbTorso: {
            const std::vector<cv::Point> outline{fixedPoint(p[kLeftShoulder]), fixedPoint(p[kRightShoulder]),
                                                 fixedPoint(p[kRightHip]), fixedPoint(p[kLeftHip])};
            cv::fillConvexPoly(d.canvas, outline, colour(m.upper), cv::LINE_AA, kShift);
            cv::fillConvexPoly(d.labels, outline, cv::Scalar(limb), cv::LINE_8, kShift);
            capsule(a, b, body.torsoDepth, m.upper, limb);
            capsule(p[kLeftShoulder], p[kRightShoulder], body.upperArmWidth, m.upper, limb);
            capsule(p[kLeftHip], p[kRightHip], body.thighWidth, m.lower, limb);
            break;
        }
        case kLimbLeftUpperArm:
        case kLimbRightUpperArm: capsule(a, b, body.upperArmWidth, m.upper, limb); break;
        case kLimbLeftForearm:
        case kLimbRightForearm:
            capsule(a, b, body.forearmWidth, m.upper, limb);
            blob(b, body.forearmWidth * 0.6f, m.skin, limb);  // the hand
            break;
        case kLimbLeftThigh:
        case kLimbRightThigh: capsule(a, b, body.thighWidth, m.lower, limb); break;
        case kLimbLeftShin:
        case kLimbRightShin:
            capsule(a, b, body.shinWidth, m.lower, limb);
            blob(b, body.shinWidth * 0.55f, shoe, limb);  // the foot
            break;
        default: break;
        }
    }
}

void SceneRenderer::finish(media::VideoFrame& frame, LimbMask& mask, const std::optional<OccluderFrame>& occluder) {
    Impl& d = *d_;
    if (occluder) {
        // Whole pixels, no anti-aliasing: the mask and the joints' visibility match the picture.
        const cv::Rect area = cv::Rect(occluder->x0, occluder->y0, occluder->x1 - occluder->x0, occluder->y1 - occluder->y0) &
                              cv::Rect(0, 0, d.width, d.height);
        if (!area.empty()) {
            cv::Mat covered = d.canvas(area);
            const cv::Scalar c = colour(occluder->colour);
            if (occluder->opacity >= 1.0f) {
                covered.setTo(c);
            } else {
                cv::Mat tint(covered.size(), covered.type(), c);
                cv::addWeighted(tint, occluder->opacity, covered, 1.0 - occluder->opacity, 0.0, covered);
            }
            d.labels(area).setTo(cv::Scalar(kOccluder));
        }
    }

    if (d.look.blur) cv::GaussianBlur(d.canvas, d.canvas, cv::Size(3, 3), 0.0);
    if (d.look.noiseSigma > 0.0) {
        d.noisy.create(d.canvas.size(), CV_16SC3);
        d.noise.fill(d.noisy, cv::RNG::NORMAL, cv::Scalar::all(0), cv::Scalar::all(d.look.noiseSigma));
        cv::add(d.canvas, d.noisy, d.canvas, cv::noArray(), CV_8UC3);
    }

    frame.width = d.width;
    frame.height = d.height;
    frame.stride = media::alignedRgbStride(d.width);
    frame.rgb.resize(static_cast<size_t>(frame.stride) * static_cast<size_t>(d.height));
    for (int y = 0; y < d.height; ++y) std::memcpy(frame.row(y), d.canvas.ptr(y), static_cast<size_t>(d.width) * 3);

    mask.width = d.width;
    mask.height = d.height;
    mask.ids.assign(d.labels.datastart, d.labels.dataend);
}

}  // namespace actionlens::synth
