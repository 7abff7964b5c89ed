#include "core/synth/occluder.h"

#include "core/synth/limbs.h"
#include "core/synth/scene_renderer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>

using namespace actionlens;
using namespace actionlens::synth;

namespace {

constexpr int kWidth = 160;
constexpr int kHeight = 120;

// A person standing in the middle of the picture, arms down.
Pose standingPose() {
    Pose p;
    p[kHead] = {80, 22};
    p[kLeftShoulder] = {70, 40};
    p[kRightShoulder] = {90, 40};
    p[kLeftElbow] = {67, 58};
    p[kRightElbow] = {93, 58};
    p[kLeftWrist] = {65, 74};
    p[kRightWrist] = {95, 74};
    p[kLeftHip] = {74, 75};
    p[kRightHip] = {86, 75};
    p[kLeftKnee] = {74, 95};
    p[kRightKnee] = {86, 95};
    p[kLeftAnkle] = {74, 113};
    p[kRightAnkle] = {86, 113};
    return p;
}

struct Rendered {
    media::VideoFrame frame;
    LimbMask mask;
};

Rendered renderWith(const Mannequin& mannequin, const std::optional<OccluderFrame>& occluder) {
    SceneRenderer renderer(kWidth, kHeight, 11);
    renderer.setLook(CameraLook{});  // no blur, no noise: exact colours
    Rendered r;
    renderer.render(PosedFigure{&mannequin, standingPose(), 35.0f, "front"}, r.frame, r.mask, occluder);
    return r;
}

}  // namespace

TEST(Occluder, IsDrawnOverTheMannequinAndNamedInTheMask) {
    SynthRandom random(3);
    const Mannequin mannequin = randomMannequin(random);
    const Rendered plain = renderWith(mannequin, std::nullopt);
    for (float opacity : {1.0f, 0.6f}) {
        OccluderFrame occluder{60, 30, 80, 100, Rgb{120, 84, 52}, opacity};
        const Rendered covered = renderWith(mannequin, occluder);
        int limbPixelsCovered = 0;
        for (int y = 0; y < kHeight; ++y) {
            for (int x = 0; x < kWidth; ++x) {
                const std::uint8_t* before = plain.frame.row(y) + 3 * x;
                const std::uint8_t* after = covered.frame.row(y) + 3 * x;
                const bool inside = x >= 60 && x < 80 && y >= 30 && y < 100;
                ASSERT_EQ(covered.mask.at(x, y), inside ? kOccluder : plain.mask.at(x, y)) << x << "," << y;
                if (!inside) {
                    ASSERT_TRUE(before[0] == after[0] && before[1] == after[1] && before[2] == after[2]) << x << "," << y;
                    continue;
                }
                limbPixelsCovered += plain.mask.at(x, y) != kBackground;
                const int expected[3] = {occluder.colour.r, occluder.colour.g, occluder.colour.b};
                for (int c = 0; c < 3; ++c) {
                    const double blend = opacity * expected[c] + (1.0 - opacity) * before[c];
                    ASSERT_LE(std::abs(after[c] - blend), 1.0) << x << "," << y << " opacity " << opacity;
                }
            }
        }
        EXPECT_GT(limbPixelsCovered, 300) << "the occluder should hide part of the mannequin";
    }
}

TEST(Occluder, CrossesThePictureDuringPartOfTheVideoAndCoversWholePixels) {
    for (std::uint32_t seed = 1; seed <= 30; ++seed) {
        SynthRandom random(seed);
        const Occluder o = randomOccluder(random, kWidth, kHeight, 100);
        ASSERT_GE(o.firstFrame, 0);
        ASSERT_LE(o.lastFrame, 99);
        EXPECT_GE(o.lastFrame - o.firstFrame + 1, 40) << seed;
        EXPECT_LE(o.lastFrame - o.firstFrame + 1, 80) << seed;
        if (o.firstFrame > 0) {
            EXPECT_FALSE(occluderAt(o, o.firstFrame - 1, kWidth, kHeight)) << seed;
        }
        EXPECT_FALSE(occluderAt(o, o.lastFrame + 1, kWidth, kHeight)) << seed;
        // Starts and ends off the picture, is on it in the middle, moving one way.
        EXPECT_FALSE(occluderAt(o, o.firstFrame, kWidth, kHeight)) << seed;
        EXPECT_FALSE(occluderAt(o, o.lastFrame, kWidth, kHeight)) << seed;
        const auto middle = occluderAt(o, (o.firstFrame + o.lastFrame) / 2, kWidth, kHeight);
        ASSERT_TRUE(middle) << seed;
        EXPECT_LT(std::abs((middle->x0 + middle->x1) / 2 - kWidth / 2), kWidth / 6) << seed;
        EXPECT_EQ(o.opacity < 1.0f, o.kind == OccluderKind::Panel) << seed;
        // covers() is exactly the pixel rectangle.
        EXPECT_TRUE(middle->covers({middle->x0 + 0.0f, middle->y0 + 0.5f}));
        EXPECT_TRUE(middle->covers({middle->x1 - 0.01f, middle->y1 - 0.01f}));
        EXPECT_FALSE(middle->covers({middle->x1 + 0.0f, middle->y0 + 0.5f}));
        EXPECT_FALSE(middle->covers({middle->x0 - 0.01f, middle->y0 + 0.5f}));
    }
}
