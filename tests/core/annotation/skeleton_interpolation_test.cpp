// Linear interpolation between keyframes: values on a hand-made case, visibility rules, and the
// refusals (different layouts, subjects, joint counts, order).

#include "core/annotation/skeleton_interpolation.h"

#include <gtest/gtest.h>

using namespace actionlens::annotation;

namespace {

SkeletonFrame keyframe(std::int64_t frame, std::vector<Joint> joints) {
    SkeletonFrame f;
    f.videoId = 3;
    f.subjectId = 5;
    f.frame = frame;
    f.layoutId = 2;
    f.source = PoseSource::Manual;
    f.joints = std::move(joints);
    return f;
}

}  // namespace

TEST(SkeletonInterpolation, MovesEachJointInProportionToTheFrame) {
    // Frame 10 -> 14: a quarter of the way per frame.
    const SkeletonFrame a = keyframe(10, {Joint{0, 100, 0.2f, true}, Joint{40, 40, 1.0f, true}});
    const SkeletonFrame b = keyframe(14, {Joint{80, 20, 1.0f, true}, Joint{40, 40, 1.0f, true}});
    auto frames = interpolateBetween(a, b);
    ASSERT_TRUE(frames.ok()) << frames.error();
    ASSERT_EQ(frames->size(), 3u);
    const float expectX[] = {20, 40, 60};
    const float expectY[] = {80, 60, 40};
    const float expectConfidence[] = {0.4f, 0.6f, 0.8f};
    for (size_t k = 0; k < 3; ++k) {
        const SkeletonFrame& f = (*frames)[k];
        EXPECT_EQ(f.frame, 11 + std::int64_t(k));
        EXPECT_EQ(f.source, PoseSource::Interpolated);
        EXPECT_EQ(f.videoId, 3);
        EXPECT_EQ(f.subjectId, 5);
        EXPECT_EQ(f.layoutId, 2);
        EXPECT_FLOAT_EQ(f.joints[0].x, expectX[k]);
        EXPECT_FLOAT_EQ(f.joints[0].y, expectY[k]);
        EXPECT_NEAR(f.joints[0].confidence, expectConfidence[k], 1e-6);
        EXPECT_TRUE(f.joints[0].visible);
        EXPECT_EQ(f.joints[1], (Joint{40, 40, 1.0f, true}));  // a joint that did not move stays put
    }
}

TEST(SkeletonInterpolation, AdjacentKeyframesLeaveNothingBetween) {
    auto frames = interpolateBetween(keyframe(4, {Joint{1, 1, 1, true}}), keyframe(5, {Joint{2, 2, 1, true}}));
    ASSERT_TRUE(frames.ok());
    EXPECT_TRUE(frames->empty());
}

TEST(SkeletonInterpolation, AJointSeenInOneKeyframeHoldsThatPositionAndSwitchesHalfWay) {
    // Hidden at 0,0 in the first keyframe (where occluded joints are often stored).
    const SkeletonFrame a = keyframe(0, {Joint{0, 0, 0, false}, Joint{10, 10, 1, false}});
    const SkeletonFrame b = keyframe(4, {Joint{50, 60, 0.9f, true}, Joint{30, 30, 1, false}});
    auto frames = interpolateBetween(a, b);
    ASSERT_TRUE(frames.ok());
    ASSERT_EQ(frames->size(), 3u);
    for (const SkeletonFrame& f : *frames) {
        EXPECT_FLOAT_EQ(f.joints[0].x, 50);
        EXPECT_FLOAT_EQ(f.joints[0].y, 60);
        EXPECT_FALSE(f.joints[1].visible);  // hidden in both: hidden
    }
    EXPECT_FALSE((*frames)[0].joints[0].visible);  // t = 0.25: nearer the first keyframe
    EXPECT_FALSE((*frames)[1].joints[0].visible);  // t = 0.5: still the first one's
    EXPECT_TRUE((*frames)[2].joints[0].visible);   // t = 0.75
    EXPECT_FLOAT_EQ((*frames)[1].joints[1].x, 20);
}

TEST(SkeletonInterpolation, OneFrameInTheMiddle) {
    auto f = interpolateSkeleton(keyframe(0, {Joint{0, 0, 1, true}}), keyframe(10, {Joint{100, -50, 1, true}}), 3);
    ASSERT_TRUE(f.ok()) << f.error();
    EXPECT_FLOAT_EQ(f->joints[0].x, 30);
    EXPECT_FLOAT_EQ(f->joints[0].y, -15);
    EXPECT_FALSE(interpolateSkeleton(keyframe(0, {Joint{}}), keyframe(10, {Joint{}}), 10).ok());
    EXPECT_FALSE(interpolateSkeleton(keyframe(0, {Joint{}}), keyframe(10, {Joint{}}), 0).ok());
}

TEST(SkeletonInterpolation, RefusesKeyframesThatDoNotMatch) {
    const SkeletonFrame a = keyframe(0, {Joint{}, Joint{}});
    SkeletonFrame otherLayout = keyframe(5, {Joint{}, Joint{}});
    otherLayout.layoutId = 9;
    auto r = interpolateBetween(a, otherLayout);
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.error().find("different skeleton layouts"), std::string::npos) << r.error();

    SkeletonFrame otherSubject = keyframe(5, {Joint{}, Joint{}});
    otherSubject.subjectId = 6;
    EXPECT_FALSE(interpolateBetween(a, otherSubject).ok());

    auto fewer = interpolateBetween(a, keyframe(5, {Joint{}}));
    ASSERT_FALSE(fewer.ok());
    EXPECT_NE(fewer.error().find("2 joints vs 1"), std::string::npos) << fewer.error();

    EXPECT_FALSE(interpolateBetween(keyframe(5, {Joint{}, Joint{}}), a).ok());  // wrong order
    EXPECT_FALSE(interpolateBetween(a, a).ok());
}
