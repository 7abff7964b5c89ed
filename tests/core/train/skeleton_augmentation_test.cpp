#include "core/train/skeleton_augmentation.h"

#include <gtest/gtest.h>

#include <cmath>

namespace actionlens::train {
namespace {

// Joint j at x = 10 t + j, y = 2 j, visible.
model::SkeletonClip ramp(int frames, int joints) {
    model::SkeletonClip clip{frames, joints, std::vector<float>(size_t(3) * frames * joints)};
    for (int t = 0; t < frames; ++t)
        for (int j = 0; j < joints; ++j) {
            clip.at(0, t, j) = 10.0f * t + j;
            clip.at(1, t, j) = 2.0f * j;
            clip.at(2, t, j) = 1.0f;
        }
    return clip;
}

TEST(SkeletonAugmentation, ResamplingInterpolatesAndBridgesMissingJoints) {
    model::SkeletonClip clip = ramp(4, 2);
    // Two output frames over the whole clip sample source positions 0.5 and 2.5.
    model::SkeletonClip two = resampleClip(clip, 0.0, 4.0, 2);
    EXPECT_FLOAT_EQ(two.at(0, 0, 0), 5.0f);
    EXPECT_FLOAT_EQ(two.at(0, 1, 1), 26.0f);
    // Eight output frames over four source frames: positions clamp at both ends.
    model::SkeletonClip eight = resampleClip(clip, 0.0, 4.0, 8);
    EXPECT_FLOAT_EQ(eight.at(0, 0, 0), 0.0f);
    EXPECT_FLOAT_EQ(eight.at(0, 7, 0), 30.0f);
    // A joint missing in one neighbour takes the other's value, not a blend with zeros.
    clip.at(2, 1, 0) = 0.0f;
    clip.at(0, 1, 0) = 0.0f;
    model::SkeletonClip bridged = resampleClip(clip, 0.0, 4.0, 2);
    EXPECT_FLOAT_EQ(bridged.at(0, 0, 0), 0.0f);
    EXPECT_FLOAT_EQ(bridged.at(2, 0, 0), 1.0f);
}

TEST(SkeletonAugmentation, EvaluationViewIsNormalisedAndMirrorSwapsSides) {
    model::SkeletonClip view = evaluationView(ramp(10, 3), 6);
    ASSERT_EQ(view.frames, 6);
    double sumX = 0.0, maxAbs = 0.0;
    for (int t = 0; t < 6; ++t)
        for (int j = 0; j < 3; ++j) sumX += view.at(0, t, j), maxAbs = std::max(maxAbs, double(std::fabs(view.at(0, t, j))));
    EXPECT_NEAR(sumX, 0.0, 1e-4);
    EXPECT_LE(maxAbs, 1.0);
    model::SkeletonClip mirrored = view;
    mirrorClip(mirrored, {{0, 2}});
    EXPECT_FLOAT_EQ(mirrored.at(0, 3, 0), -view.at(0, 3, 2));
    EXPECT_FLOAT_EQ(mirrored.at(1, 3, 2), view.at(1, 3, 0));
    EXPECT_FLOAT_EQ(mirrored.at(0, 3, 1), -view.at(0, 3, 1));
}

TEST(SkeletonAugmentation, TrainingViewsAreReproducibleFromTheSeedAndHonourTheOptions) {
    const model::SkeletonClip clip = ramp(30, 4);
    AugmentationConfig config;
    std::mt19937 a(5), b(5), c(6);
    const model::SkeletonClip first = trainingView(clip, 8, config, {{0, 1}}, a);
    EXPECT_EQ(first.values, trainingView(clip, 8, config, {{0, 1}}, b).values);
    EXPECT_NE(first.values, trainingView(clip, 8, config, {{0, 1}}, c).values);

    AugmentationConfig off;
    off.enabled = false;
    std::mt19937 d(1);
    EXPECT_EQ(trainingView(clip, 8, off, {}, d).values, evaluationView(clip, 8).values);

    AugmentationConfig dropAll;
    dropAll.jointDropout = 0.9;
    int hidden = 0;
    for (unsigned seed = 0; seed < 20; ++seed) {
        std::mt19937 r(seed);
        const model::SkeletonClip v = trainingView(clip, 8, dropAll, {}, r);
        for (int j = 0; j < 4; ++j) hidden += v.at(2, 0, j) == 0.0f;
    }
    EXPECT_GT(hidden, 50);  // about 72 of 80 joints
    EXPECT_LT(hidden, 80);
}

TEST(SkeletonAugmentation, UniformAndNormalDrawsHaveTheRightMoments) {
    std::mt19937 rng(3);
    double sum = 0, sumSq = 0, uniformSum = 0;
    const int n = 20000;
    for (int i = 0; i < n; ++i) {
        const double z = standardNormal(rng);
        sum += z, sumSq += z * z;
        const double u = unitUniform(rng);
        ASSERT_TRUE(u >= 0.0 && u < 1.0);
        uniformSum += u;
    }
    EXPECT_NEAR(sum / n, 0.0, 0.03);
    EXPECT_NEAR(sumSq / n, 1.0, 0.05);
    EXPECT_NEAR(uniformSum / n, 0.5, 0.01);
}

}  // namespace
}  // namespace actionlens::train
