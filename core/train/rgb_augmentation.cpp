#include "core/train/rgb_augmentation.h"

#include "core/train/skeleton_augmentation.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace actionlens::train {

RgbViewDraw drawRgbView(const RgbAugmentationConfig& a, std::mt19937& rng) {
    const double areaDraw = unitUniform(rng), aspectDraw = unitUniform(rng);
    const double xDraw = unitUniform(rng), yDraw = unitUniform(rng);
    const double flipDraw = unitUniform(rng), angleDraw = unitUniform(rng);
    const double brightnessDraw = unitUniform(rng), contrastDraw = unitUniform(rng), saturationDraw = unitUniform(rng);
    const double lengthDraw = unitUniform(rng), startDraw = unitUniform(rng);
    RgbViewDraw d;
    if (!a.enabled) return d;
    const double area = a.cropMinArea + (1.0 - std::clamp(a.cropMinArea, 0.0, 1.0)) * areaDraw;
    const double logAspect = std::log(std::max(1.0, a.cropMaxAspect)) * (2.0 * aspectDraw - 1.0);
    const double aspect = std::exp(logAspect);
    d.cropWidth = std::min(1.0, std::sqrt(area * aspect));
    d.cropHeight = std::min(1.0, std::sqrt(area / aspect));
    d.cropX = xDraw * (1.0 - d.cropWidth);
    d.cropY = yDraw * (1.0 - d.cropHeight);
    d.flip = flipDraw < a.flipProbability;
    d.angleRadians = a.rotationDegrees * (2.0 * angleDraw - 1.0) * 3.141592653589793 / 180.0;
    d.brightness = 1.0 + a.brightness * (2.0 * brightnessDraw - 1.0);
    d.contrast = 1.0 + a.contrast * (2.0 * contrastDraw - 1.0);
    d.saturation = 1.0 + a.saturation * (2.0 * saturationDraw - 1.0);
    const double minimum = std::clamp(a.temporalCropMinFraction, 0.0, 1.0);
    d.timeLength = minimum + (1.0 - minimum) * lengthDraw;
    d.timeStart = startDraw * (1.0 - d.timeLength);
    return d;
}

int decodedFramesFor(int frames, const RgbAugmentationConfig* training) {
    const bool temporalCrop = training && training->enabled && training->temporalCropMinFraction < 1.0;
    return temporalCrop ? 2 * frames : frames;
}

void setSubjectRegion(RgbClipRequest& request, const model::SkeletonClip& skeleton, int first, int count) {
    const int last = count < 0 ? skeleton.frames : std::min(skeleton.frames, first + count);
    float minX = 0, maxX = 0, minY = 0, maxY = 0;
    bool any = false;
    for (int t = std::max(0, first); t < last; ++t)
        for (int j = 0; j < skeleton.joints; ++j) {
            if (!(skeleton.at(2, t, j) > 0.0f)) continue;
            const float x = skeleton.at(0, t, j), y = skeleton.at(1, t, j);
            minX = any ? std::min(minX, x) : x;
            maxX = any ? std::max(maxX, x) : x;
            minY = any ? std::min(minY, y) : y;
            maxY = any ? std::max(maxY, y) : y;
            any = true;
        }
    if (!any) return;
    const double side = std::max(16.0, 1.25 * std::max(maxX - minX, maxY - minY));
    const double cx = 0.5 * (minX + maxX), cy = 0.5 * (minY + maxY);
    request.regionX = int(std::lround(cx - side / 2));
    request.regionY = int(std::lround(cy - side / 2));
    request.regionWidth = request.regionHeight = int(std::lround(side));
}

namespace {

// Where one output pixel reads: four source pixels and their bilinear weights.
struct Tap {
    std::array<size_t, 4> offset;  // pixel offsets within a frame
    std::array<float, 4> weight;
};

std::vector<Tap> tapsOf(const RgbViewDraw& d, int width, int height) {
    std::vector<Tap> taps(size_t(width) * height);
    const double cx = (d.cropX + d.cropWidth / 2.0) * width, cy = (d.cropY + d.cropHeight / 2.0) * height;
    const double c = std::cos(d.angleRadians), s = std::sin(d.angleRadians);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            double u = (x + 0.5) / width;
            const double v = (y + 0.5) / height;
            if (d.flip) u = 1.0 - u;
            const double dx = (u - 0.5) * d.cropWidth * width, dy = (v - 0.5) * d.cropHeight * height;
            // Pixel centres sit at +0.5: the identity view lands exactly on source pixels.
            const double sx = cx + c * dx - s * dy - 0.5, sy = cy + s * dx + c * dy - 0.5;
            const double fx = std::floor(sx), fy = std::floor(sy);
            const float wx = float(sx - fx), wy = float(sy - fy);
            const int x0 = std::clamp(int(fx), 0, width - 1), x1 = std::clamp(int(fx) + 1, 0, width - 1);
            const int y0 = std::clamp(int(fy), 0, height - 1), y1 = std::clamp(int(fy) + 1, 0, height - 1);
            Tap& tap = taps[size_t(y) * width + x];
            tap.offset = {size_t(y0) * width + x0, size_t(y0) * width + x1, size_t(y1) * width + x0, size_t(y1) * width + x1};
            tap.weight = {(1 - wx) * (1 - wy), wx * (1 - wy), (1 - wx) * wy, wx * wy};
        }
    }
    return taps;
}

}  // namespace

std::vector<float> rgbView(const RgbClip& clip, const RgbViewDraw& d, int frames) {
    const int t = frames > 0 ? frames : clip.frames, h = clip.height, w = clip.width;
    const size_t plane = size_t(h) * w, channelSize = size_t(t) * plane;
    std::vector<float> out(3 * channelSize);
    const std::vector<Tap> taps = tapsOf(d, w, h);
    // Geometry and brightness first, values in [0, 1]; the grey mean for contrast on the way.
    double greySum = 0.0;
    for (int f = 0; f < t; ++f) {
        // Frame f of the view: the centre of the f-th of t equal parts of the draw's window.
        const double at = (d.timeStart + (f + 0.5) / t * d.timeLength) * clip.frames;
        const int source = std::clamp(int(std::floor(at)), 0, clip.frames - 1);
        const std::uint8_t* frame = clip.pixels.data() + size_t(source) * plane * 3;
        for (size_t p = 0; p < plane; ++p) {
            const Tap& tap = taps[p];
            float rgb[3] = {0, 0, 0};
            for (int k = 0; k < 4; ++k)
                for (int ch = 0; ch < 3; ++ch) rgb[ch] += tap.weight[size_t(k)] * frame[tap.offset[size_t(k)] * 3 + size_t(ch)];
            for (int ch = 0; ch < 3; ++ch) {
                const float value = std::min(1.0f, rgb[ch] / 255.0f * float(d.brightness));
                out[size_t(ch) * channelSize + size_t(f) * plane + p] = value;
            }
            greySum += 0.299 * out[size_t(f) * plane + p] + 0.587 * out[channelSize + size_t(f) * plane + p] +
                       0.114 * out[2 * channelSize + size_t(f) * plane + p];
        }
    }
    const float greyMean = channelSize ? float(greySum / double(channelSize)) : 0.0f;
    const float contrast = float(d.contrast), saturation = float(d.saturation);
    const bool jitter = d.contrast != 1.0 || d.saturation != 1.0;
    for (size_t i = 0; i < channelSize; ++i) {
        float* r = &out[i];
        float* g = &out[channelSize + i];
        float* b = &out[2 * channelSize + i];
        if (jitter) {
            for (float* v : {r, g, b}) *v = (*v - greyMean) * contrast + greyMean;
            const float grey = 0.299f * *r + 0.587f * *g + 0.114f * *b;
            for (float* v : {r, g, b}) *v = std::clamp((*v - grey) * saturation + grey, 0.0f, 1.0f);
        }
        *r = (*r - kRgbMean[0]) / kRgbStd[0];
        *g = (*g - kRgbMean[1]) / kRgbStd[1];
        *b = (*b - kRgbMean[2]) / kRgbStd[2];
    }
    return out;
}

}  // namespace actionlens::train
