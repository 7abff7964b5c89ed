#include "core/explain/explanation_map.h"

#include "core/train/rgb_clip.h"

#include <gtest/gtest.h>

#include <numeric>

namespace actionlens::explain {
namespace {

TEST(ExplanationMap, PerClipScalingKeepsFramesComparableAndDropsNegativeEvidence) {
    ExplanationMap map(2, 1, 3);
    map.values = {0.0f, 2.0f, -1.0f, 4.0f, 1.0f, 0.0f};
    const ExplanationMap clip = normaliseMap(map, MapNormalisation::PerClip);
    EXPECT_EQ(clip.values, (std::vector<float>{0.0f, 0.5f, 0.0f, 1.0f, 0.25f, 0.0f}));
    const ExplanationMap frame = normaliseMap(map, MapNormalisation::PerFrame);
    EXPECT_EQ(frame.values, (std::vector<float>{0.0f, 1.0f, 0.0f, 1.0f, 0.25f, 0.0f}));
    ExplanationMap zero(2, 1, 2);
    EXPECT_EQ(normaliseMap(zero, MapNormalisation::PerFrame).values, zero.values);
}

TEST(ExplanationMap, TemporalImportanceIsEachFramesShare) {
    ExplanationMap map(3, 1, 2);
    map.values = {1.0f, 1.0f, 0.0f, 0.0f, 3.0f, 3.0f};
    const std::vector<float> curve = temporalImportance(map);
    ASSERT_EQ(curve.size(), 3u);
    EXPECT_FLOAT_EQ(curve[0], 0.25f);
    EXPECT_FLOAT_EQ(curve[1], 0.0f);
    EXPECT_FLOAT_EQ(curve[2], 0.75f);
    EXPECT_EQ(temporalImportance(ExplanationMap(2, 1, 2)), (std::vector<float>{0.0f, 0.0f}));
}

TEST(ExplanationMap, DifferenceOfTwoHeadsAndColumnTotals) {
    ExplanationMap a(1, 1, 3), b(1, 1, 3);
    a.values = {1.0f, 0.5f, 0.0f};
    b.values = {0.0f, 0.5f, 1.0f};
    EXPECT_EQ(differenceMap(a, b).values, (std::vector<float>{1.0f, 0.0f, -1.0f}));
    EXPECT_TRUE(differenceMap(a, ExplanationMap(2, 1, 3)).empty());
    ExplanationMap two(2, 1, 3);
    two.values = {1.0f, 0.0f, 2.0f, 3.0f, -1.0f, 0.0f};
    EXPECT_EQ(columnImportance(two), (std::vector<float>{4.0f, 0.0f, 2.0f}));
}

TEST(ExplanationMap, SourceFramesLandWhereTheClipSampledThem) {
    // Every clip frame samples source frame sampledFrameIndices(...)[t]; mapping that source frame
    // back must land on t, for clips shorter and longer than their segment.
    for (auto [segment, clip] : {std::pair<int, int>{40, 8}, {5, 8}, {16, 16}, {101, 32}}) {
        const std::vector<std::int64_t> sampled = train::sampledFrameIndices(0, segment, clip);
        for (int t = 0; t < clip; ++t) {
            const double position = clipPositionOfSourceFrame(sampled[size_t(t)], segment, clip);
            EXPECT_NEAR(position, double(t), 0.5 * double(clip) / double(segment) + 1e-9)
                << segment << " frames sampled at " << clip << ", clip frame " << t;
        }
    }
    EXPECT_DOUBLE_EQ(clipPositionOfSourceFrame(-5, 40, 8), 0.0);
    EXPECT_DOUBLE_EQ(clipPositionOfSourceFrame(100, 40, 8), 7.0);
}

TEST(ExplanationMap, MapAtASourceFrameInterpolatesBetweenClipFrames) {
    ExplanationMap map(2, 1, 2);
    map.values = {0.0f, 1.0f, 1.0f, 0.0f};
    // A segment of 4 source frames at 2 clip frames: source 0 and 1 belong to clip frame 0 (and
    // before its centre), 3 to clip frame 1; source 2 lies a quarter of the way from 0 to 1.
    EXPECT_EQ(mapAtSourceFrame(map, 0, 4), (std::vector<float>{0.0f, 1.0f}));
    EXPECT_EQ(mapAtSourceFrame(map, 3, 4), (std::vector<float>{1.0f, 0.0f}));
    const std::vector<float> middle = mapAtSourceFrame(map, 2, 4);
    EXPECT_FLOAT_EQ(middle[0], 0.75f);
    EXPECT_FLOAT_EQ(middle[1], 0.25f);
}

TEST(ExplanationMap, SpearmanCorrelationOfRanks) {
    EXPECT_DOUBLE_EQ(spearmanCorrelation({1, 2, 3, 4}, {10, 20, 30, 400}), 1.0);
    EXPECT_DOUBLE_EQ(spearmanCorrelation({1, 2, 3, 4}, {4, 3, 2, 1}), -1.0);
    EXPECT_DOUBLE_EQ(spearmanCorrelation({1, 1, 1}, {1, 2, 3}), 0.0);
    EXPECT_NEAR(spearmanCorrelation({1, 2, 2, 3}, {1, 2, 3, 4}), 0.9486832980505138, 1e-12);
}

TEST(ExplanationMethod, NamesRoundTrip) {
    for (ExplanationMethod m : allExplanationMethods()) {
        ExplanationMethod back = ExplanationMethod::Occlusion;
        ASSERT_TRUE(explanationMethodFromName(explanationMethodName(m), &back));
        EXPECT_EQ(back, m);
    }
    ExplanationMethod m;
    EXPECT_TRUE(explanationMethodFromName("GradCAM++", &m));
    EXPECT_EQ(m, ExplanationMethod::GradCamPlusPlus);
    EXPECT_FALSE(explanationMethodFromName("saliency", &m));
}

}  // namespace
}  // namespace actionlens::explain
