#include "core/train/rgb_augmentation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace actionlens::train {
namespace {

// Every pixel different: value = (frame * 50 + y * 7 + x * 3 + channel * 60) mod 256.
RgbClip patternClip(int frames = 2, int height = 6, int width = 8) {
    RgbClip clip{frames, height, width, std::vector<std::uint8_t>(size_t(frames) * height * width * 3)};
    for (int f = 0; f < frames; ++f)
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x)
                for (int c = 0; c < 3; ++c)
                    clip.pixels[((size_t(f) * height + y) * width + x) * 3 + size_t(c)] =
                        std::uint8_t((f * 50 + y * 7 + x * 3 + c * 60) % 256);
    return clip;
}

float viewAt(const std::vector<float>& view, const RgbClip& clip, int c, int f, int y, int x) {
    return view[((size_t(c) * clip.frames + f) * clip.height + y) * clip.width + x];
}

float normalised(std::uint8_t value, int channel) { return (value / 255.0f - kRgbMean[channel]) / kRgbStd[channel]; }

TEST(RgbAugmentation, EvaluationViewIsTheNormalisedClipChannelsFirst) {
    const RgbClip clip = patternClip();
    const std::vector<float> view = rgbView(clip);
    ASSERT_EQ(view.size(), size_t(3 * 2 * 6 * 8));
    for (int c = 0; c < 3; ++c)
        for (int f = 0; f < 2; ++f)
            for (int y = 0; y < 6; ++y)
                for (int x = 0; x < 8; ++x)
                    ASSERT_NEAR(viewAt(view, clip, c, f, y, x), normalised(clip.at(f, y, x, c), c), 1e-5f);
}

TEST(RgbAugmentation, FlipMirrorsEveryFrameExactly) {
    const RgbClip clip = patternClip();
    RgbViewDraw flip;
    flip.flip = true;
    const std::vector<float> view = rgbView(clip, flip);
    for (int c = 0; c < 3; ++c)
        for (int f = 0; f < 2; ++f)
            for (int y = 0; y < 6; ++y)
                for (int x = 0; x < 8; ++x)
                    ASSERT_NEAR(viewAt(view, clip, c, f, y, x), normalised(clip.at(f, y, 7 - x, c), c), 1e-5f);
}

TEST(RgbAugmentation, CropOfTheRightHalfStretchesIt) {
    const RgbClip clip = patternClip(1, 4, 8);
    RgbViewDraw crop;
    crop.cropX = 0.5;
    crop.cropWidth = 0.5;
    const std::vector<float> view = rgbView(clip, crop);
    // Output column 0 samples source x = 4 + (0.5 * 0.5) - 0.5 = 3.75: between columns 3 and 4.
    const float expected = 0.25f * clip.at(0, 1, 3, 0) + 0.75f * clip.at(0, 1, 4, 0);
    EXPECT_NEAR(viewAt(view, clip, 0, 0, 1, 0), normalised(std::uint8_t(0), 0) + expected / 255.0f / kRgbStd[0], 1e-4f);
    // The last column reads the right edge.
    EXPECT_NEAR(viewAt(view, clip, 0, 0, 1, 7), normalised(clip.at(0, 1, 7, 0), 0), 1e-4f);
}

TEST(RgbAugmentation, BrightnessScalesAndSaturationZeroGivesGrey) {
    const RgbClip clip = patternClip();
    RgbViewDraw bright;
    bright.brightness = 0.5;
    const std::vector<float> dim = rgbView(clip, bright);
    EXPECT_NEAR(viewAt(dim, clip, 1, 1, 2, 3), (clip.at(1, 2, 3, 1) / 255.0f * 0.5f - kRgbMean[1]) / kRgbStd[1], 1e-5f);
    RgbViewDraw grey;
    grey.saturation = 0.0;
    const std::vector<float> g = rgbView(clip, grey);
    for (int y = 0; y < 6; ++y) {
        const float r = viewAt(g, clip, 0, 0, y, 2) * kRgbStd[0] + kRgbMean[0];
        const float gr = viewAt(g, clip, 1, 0, y, 2) * kRgbStd[1] + kRgbMean[1];
        const float b = viewAt(g, clip, 2, 0, y, 2) * kRgbStd[2] + kRgbMean[2];
        EXPECT_NEAR(r, gr, 1e-5f);
        EXPECT_NEAR(gr, b, 1e-5f);
    }
}

TEST(RgbAugmentation, DrawsAreDeterministicPerSeedAndStayInRange) {
    const RgbAugmentationConfig config;
    const RgbClip clip = patternClip(2, 16, 16);
    std::mt19937 a(7), b(7), c(8);
    for (int n = 0; n < 50; ++n) {
        const RgbViewDraw da = drawRgbView(config, a), db = drawRgbView(config, b);
        EXPECT_EQ(rgbView(clip, da), rgbView(clip, db));
        EXPECT_GE(da.cropWidth * da.cropHeight, config.cropMinArea - 1e-9);
        EXPECT_LE(da.cropWidth, 1.0);
        EXPECT_LE(da.cropHeight, 1.0);
        EXPECT_GE(da.cropX, 0.0);
        EXPECT_LE(da.cropX + da.cropWidth, 1.0 + 1e-12);
        EXPECT_LE(std::abs(da.angleRadians), config.rotationDegrees * 3.1416 / 180.0);
        EXPECT_NEAR(da.brightness, 1.0, config.brightness + 1e-12);
    }
    std::mt19937 a2(7);
    EXPECT_NE(rgbView(clip, drawRgbView(config, a2)), rgbView(clip, drawRgbView(config, c)));
}

TEST(RgbAugmentation, DisabledDrawsTheIdentityButConsumesTheSameNumbers) {
    RgbAugmentationConfig off;
    off.enabled = false;
    std::mt19937 a(3), b(3);
    const RgbViewDraw d = drawRgbView(off, a);
    EXPECT_FALSE(d.flip);
    EXPECT_EQ(d.cropWidth, 1.0);
    EXPECT_EQ(d.brightness, 1.0);
    drawRgbView(RgbAugmentationConfig(), b);
    EXPECT_EQ(a(), b());  // switching augmentation off does not shift later draws
}

TEST(RgbAugmentation, FlipProbabilityIsHonoured) {
    RgbAugmentationConfig config;
    std::mt19937 rng(1);
    int flips = 0;
    for (int n = 0; n < 2000; ++n) flips += drawRgbView(config, rng).flip;
    EXPECT_NEAR(flips / 2000.0, 0.5, 0.05);
    config.flipProbability = 0.0;
    for (int n = 0; n < 200; ++n) EXPECT_FALSE(drawRgbView(config, rng).flip);
}

TEST(RgbAugmentation, TheViewSamplesItsFramesFromTheDrawsTimeWindow) {
    const RgbClip clip = patternClip(8, 2, 2);
    const auto sourceOf = [&](const std::vector<float>& view, int frames, int f) {
        // The source frame whose pixel (0, 0) of channel 0 the view's frame f shows.
        for (int s = 0; s < clip.frames; ++s)
            if (std::abs(view[size_t(f) * 2 * 2] - normalised(clip.at(s, 0, 0, 0), 0)) < 1e-5f) return s;
        (void)frames;
        return -1;
    };
    // The whole clip at half its frame count: the centres of four equal parts, frames 1, 3, 5, 7.
    const std::vector<float> whole = rgbView(clip, {}, 4);
    ASSERT_EQ(whole.size(), size_t(3 * 4 * 2 * 2));
    for (int f = 0; f < 4; ++f) EXPECT_EQ(sourceOf(whole, 4, f), 2 * f + 1) << f;
    // The second half only: frames 5 and 7.
    RgbViewDraw late;
    late.timeStart = 0.5;
    late.timeLength = 0.5;
    const std::vector<float> second = rgbView(clip, late, 2);
    EXPECT_EQ(sourceOf(second, 2, 0), 5);
    EXPECT_EQ(sourceOf(second, 2, 1), 7);
    // A quarter of the time stretched over four frames repeats frames (a slower motion).
    RgbViewDraw slow;
    slow.timeStart = 0.25;
    slow.timeLength = 0.25;
    const std::vector<float> stretched = rgbView(clip, slow, 4);
    EXPECT_EQ(sourceOf(stretched, 4, 0), 2);
    EXPECT_EQ(sourceOf(stretched, 4, 1), 2);
    EXPECT_EQ(sourceOf(stretched, 4, 2), 3);
    EXPECT_EQ(sourceOf(stretched, 4, 3), 3);
}

TEST(RgbAugmentation, TemporalCropDrawsAWindowInsideTheClipAndNeedsTwiceTheFrames) {
    RgbAugmentationConfig config;
    config.temporalCropMinFraction = 0.6;
    std::mt19937 rng(3);
    double shortest = 1.0;
    for (int i = 0; i < 200; ++i) {
        const RgbViewDraw d = drawRgbView(config, rng);
        EXPECT_GE(d.timeLength, 0.6 - 1e-12);
        EXPECT_LE(d.timeLength, 1.0);
        EXPECT_GE(d.timeStart, 0.0);
        EXPECT_LE(d.timeStart + d.timeLength, 1.0 + 1e-12);
        shortest = std::min(shortest, d.timeLength);
    }
    EXPECT_LT(shortest, 0.7);  // the draws do reach short windows
    EXPECT_EQ(decodedFramesFor(16, &config), 32);
    EXPECT_EQ(decodedFramesFor(16, nullptr), 16);  // evaluation: the clip's own frames
    config.temporalCropMinFraction = 1.0;
    EXPECT_EQ(decodedFramesFor(16, &config), 16);
    const RgbViewDraw none = drawRgbView(config, rng);
    EXPECT_EQ(none.timeStart, 0.0);
    EXPECT_EQ(none.timeLength, 1.0);
    config.temporalCropMinFraction = 0.5;
    config.enabled = false;
    EXPECT_EQ(decodedFramesFor(16, &config), 16);
}

}  // namespace
}  // namespace actionlens::train

namespace actionlens::train {
namespace {

TEST(SubjectRegion, IsTheSquareAroundTheVisibleJointsAQuarterWider) {
    model::SkeletonClip skeleton{3, 3, std::vector<float>(size_t(3) * 3 * 3, 0.0f)};
    auto put = [&](int t, int j, float x, float y, float c) {
        skeleton.at(0, t, j) = x;
        skeleton.at(1, t, j) = y;
        skeleton.at(2, t, j) = c;
    };
    put(0, 0, 100, 50, 1);
    put(1, 1, 140, 130, 1);
    put(2, 2, 900, 900, 0);  // not visible: ignored
    put(2, 0, 300, 50, 1);   // only in frame 2
    RgbClipRequest request{"v.mp4", 1, 0, 3, 4, 32, 32};
    setSubjectRegion(request, skeleton, 0, 2);
    // Extent 40 x 80 around (120, 90): a square of 1.25 x 80 = 100.
    EXPECT_EQ(request.regionX, 70);
    EXPECT_EQ(request.regionY, 40);
    EXPECT_EQ(request.regionWidth, 100);
    EXPECT_EQ(request.regionHeight, 100);
    setSubjectRegion(request, skeleton);  // all frames: x from 100 to 300
    EXPECT_EQ(request.regionWidth, 250);
    EXPECT_EQ(request.regionX, 200 - 125);

    RgbClipRequest none{"v.mp4", 1, 0, 3, 4, 32, 32};
    setSubjectRegion(none, skeleton, 2, 0);  // no frame: the whole frame stays
    EXPECT_EQ(none.regionWidth, 0);
}

}  // namespace
}  // namespace actionlens::train
