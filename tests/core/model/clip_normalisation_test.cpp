#include "core/model/clip_normalisation.h"

#include <gtest/gtest.h>

namespace actionlens::model {
namespace {

// Two frames of three joints; joint 2 is missing in frame 1.
SkeletonClip handMadeClip() {
    SkeletonClip clip{2, 3, std::vector<float>(3 * 2 * 3)};
    const float xs[2][3] = {{100, 120, 110}, {104, 124, 999}};
    const float ys[2][3] = {{200, 200, 240}, {210, 210, 999}};
    const float cs[2][3] = {{1, 0.9f, 0.5f}, {1, 1, 0}};
    for (int t = 0; t < 2; ++t)
        for (int j = 0; j < 3; ++j) {
            clip.at(0, t, j) = xs[t][j];
            clip.at(1, t, j) = ys[t][j];
            clip.at(2, t, j) = cs[t][j];
        }
    return clip;
}

TEST(ClipNormalisation, CentresOnVisibleMeanAndScalesByExtent) {
    SkeletonClip clip = handMadeClip();
    ASSERT_TRUE(normaliseClip(clip).ok());
    // Visible: 5 joints. Mean x = (100+120+110+104+124)/5 = 111.6, mean y = (200+200+240+210+210)/5 = 212.
    // Extent: x spans 100..124 (24), y spans 200..240 (40): divide by 40.
    EXPECT_FLOAT_EQ(clip.at(0, 0, 0), (100 - 111.6f) / 40);
    EXPECT_FLOAT_EQ(clip.at(1, 0, 0), (200 - 212.0f) / 40);
    EXPECT_FLOAT_EQ(clip.at(0, 1, 1), (124 - 111.6f) / 40);
    EXPECT_FLOAT_EQ(clip.at(1, 0, 2), (240 - 212.0f) / 40);
    // The missing joint sits at the centre and keeps its confidence; confidences are untouched.
    EXPECT_FLOAT_EQ(clip.at(0, 1, 2), 0.0f);
    EXPECT_FLOAT_EQ(clip.at(1, 1, 2), 0.0f);
    EXPECT_FLOAT_EQ(clip.at(2, 1, 2), 0.0f);
    EXPECT_FLOAT_EQ(clip.at(2, 0, 1), 0.9f);
}

TEST(ClipNormalisation, ThresholdDecidesVisibility) {
    SkeletonClip clip = handMadeClip();
    ASSERT_TRUE(normaliseClip(clip, {0.6f}).ok());
    // Joint 2 of frame 0 (confidence 0.5) is now missing: extent is x 100..124 = 24, y 200..210 = 10.
    EXPECT_FLOAT_EQ(clip.at(0, 0, 2), 0.0f);
    const float meanX = (100 + 120 + 104 + 124) / 4.0f;
    EXPECT_FLOAT_EQ(clip.at(0, 0, 0), (100 - meanX) / 24);
}

TEST(ClipNormalisation, EmptyAndDegenerateClips) {
    SkeletonClip none = handMadeClip();
    for (int t = 0; t < 2; ++t)
        for (int j = 0; j < 3; ++j) none.at(2, t, j) = 0;
    ASSERT_TRUE(normaliseClip(none).ok());
    for (int t = 0; t < 2; ++t)
        for (int j = 0; j < 3; ++j) EXPECT_EQ(none.at(0, t, j), 0.0f);

    SkeletonClip point{1, 2, {5, 5, 7, 7, 1, 1}};
    ASSERT_TRUE(normaliseClip(point).ok());
    EXPECT_EQ(point.values, (std::vector<float>{0, 0, 0, 0, 1, 1}));
}

TEST(ClipNormalisation, RejectsWrongValueCount) {
    SkeletonClip clip{2, 3, std::vector<float>(17)};
    const Status status = normaliseClip(clip);
    ASSERT_FALSE(status.ok());
    EXPECT_NE(status.error().find("17 values, expected 18"), std::string::npos) << status.error();
}

}  // namespace
}  // namespace actionlens::model
