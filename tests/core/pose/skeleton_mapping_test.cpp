// MediaPipe-33 -> other layouts by joint name (the names of core/annotation's built-in layouts).

#include "core/pose/skeleton_mapping.h"

#include <gtest/gtest.h>

namespace actionlens::pose {
namespace {

TEST(SkeletonMapping, Coco17MapsEveryJointDirectly) {
    const std::vector<std::string> coco = {"nose", "left_eye", "right_eye", "left_ear", "right_ear", "left_shoulder",
                                           "right_shoulder", "left_elbow", "right_elbow", "left_wrist", "right_wrist", "left_hip",
                                           "right_hip", "left_knee", "right_knee", "left_ankle", "right_ankle"};
    const auto sources = mediaPipeSourcesFor(coco);
    const std::vector<int> expected = {0, 2, 5, 7, 8, 11, 12, 13, 14, 15, 16, 23, 24, 25, 26, 27, 28};
    ASSERT_EQ(sources.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(sources[i].first, expected[i]) << coco[i];
        EXPECT_EQ(sources[i].second, -1);
    }
}

TEST(SkeletonMapping, PennHeadIsTheNoseAndBody25NeckIsAMidpoint) {
    const auto penn = mediaPipeSourcesFor({"head", "left_shoulder", "right_ankle"});
    EXPECT_EQ(penn[0].first, 0);
    EXPECT_EQ(penn[1].first, 11);
    EXPECT_EQ(penn[2].first, 28);
    const auto body = mediaPipeSourcesFor({"neck", "left_small_toe", "left_big_toe"});
    EXPECT_EQ(body[0].first, 11);
    EXPECT_EQ(body[0].second, 12);
    EXPECT_EQ(body[1].first, -1);
    EXPECT_EQ(body[2].first, 31);

    std::vector<PoseLandmark> landmarks(33);
    landmarks[11] = {10, 20, 0, 0.9f, 1};
    landmarks[12] = {30, 40, 0, 0.6f, 1};
    const auto joints = mapLandmarks(landmarks, body);
    EXPECT_FLOAT_EQ(joints[0].x, 20.0f);
    EXPECT_FLOAT_EQ(joints[0].y, 30.0f);
    EXPECT_FLOAT_EQ(joints[0].confidence, 0.6f);
    EXPECT_FALSE(joints[1].hasSource);
    EXPECT_FLOAT_EQ(joints[1].confidence, 0.0f);
}

}  // namespace
}  // namespace actionlens::pose

#include "core/annotation/skeleton_layout.h"

namespace actionlens::pose {
namespace {

TEST(SkeletonMapping, EveryBuiltInLayoutOfTheProjectStoreIsCovered) {
    int layouts = 0;
    for (const annotation::SkeletonLayout& layout : annotation::builtinSkeletonLayouts()) {
        const auto sources = mediaPipeSourcesFor(layout.joints);
        ASSERT_EQ(sources.size(), layout.joints.size());
        for (std::size_t j = 0; j < sources.size(); ++j) {
            const bool smallToe = layout.joints[j].find("small_toe") != std::string::npos;
            EXPECT_EQ(sources[j].first >= 0, !smallToe) << layout.name << " " << layout.joints[j];
        }
        if (layout.name == "MediaPipe-33") {
            for (std::size_t j = 0; j < sources.size(); ++j) EXPECT_EQ(sources[j].first, static_cast<int>(j));
        }
        ++layouts;
    }
    EXPECT_EQ(layouts, 4);
}

}  // namespace
}  // namespace actionlens::pose
