// One Euro smoothing: still points stay put, jitter is damped, fast motion is followed.

#include "core/pose/landmark_smoothing.h"

#include <gtest/gtest.h>

#include <cmath>

namespace actionlens::pose {
namespace {

TEST(OneEuroFilter, ConstantInputPassesUnchanged) {
    OneEuroFilter filter;
    for (int i = 0; i < 10; ++i) EXPECT_DOUBLE_EQ(filter.apply(i / 30.0, 0.01, 42.0), 42.0);
}

TEST(OneEuroFilter, DampsJitterButFollowsFastMotion) {
    // Jitter of +-1 px on a 100 px object at 30 fps: strongly damped.
    OneEuroFilter still;
    double worst = 0;
    for (int i = 0; i < 60; ++i) {
        const double out = still.apply(i / 30.0, 1.0 / 100, 50.0 + (i % 2 ? 1.0 : -1.0));
        if (i > 10) worst = std::max(worst, std::abs(out - 50.0));
    }
    EXPECT_LT(worst, 0.5);
    // 20 px per frame: the cutoff rises with the speed and the lag stays a fraction of a step.
    OneEuroFilter moving;
    double out = 0;
    for (int i = 0; i < 30; ++i) out = moving.apply(i / 30.0, 1.0 / 100, 20.0 * i);
    EXPECT_NEAR(out, 20.0 * 29, 5.0);
}

TEST(OneEuroFilter, RepeatedTimestampReturnsTheInput) {
    OneEuroFilter filter;
    filter.apply(1.0, 0.01, 10.0);
    EXPECT_DOUBLE_EQ(filter.apply(1.0, 0.01, 30.0), 30.0);
}

TEST(LandmarkSmoother, FirstFrameUnchangedThenSmoothed) {
    LandmarkSmoother smoother = LandmarkSmoother::forBody();
    std::vector<PoseLandmark> frame = {{0, 0, 0, 0.9f, 0.9f}, {100, 200, 5, 0.8f, 0.8f}};
    auto first = smoother.apply(0.0, frame);
    EXPECT_FLOAT_EQ(first[1].x, 100.0f);
    EXPECT_FLOAT_EQ(first[1].visibility, 0.8f);
    frame[1].x = 101.0f;      // 1 px jitter on a 150 px object
    frame[1].visibility = 0.0f;
    auto second = smoother.apply(1.0 / 30, frame);
    EXPECT_GT(second[1].x, 100.0f);
    EXPECT_LT(second[1].x, 101.0f);
    EXPECT_NEAR(second[1].visibility, 0.9 * 0.8, 1e-6);  // low-pass, alpha 0.1
    smoother.reset();
    EXPECT_FLOAT_EQ(smoother.apply(2.0 / 30, frame)[1].x, 101.0f);
}

}  // namespace
}  // namespace actionlens::pose
