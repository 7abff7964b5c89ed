// Two poses on one person lie close; two people side by side lie a body width apart; too few
// joints seen by both gives no answer.

#include "core/pose/pose_distance.h"

#include <gtest/gtest.h>

namespace actionlens::pose {
namespace {

// A standing figure 100 px tall: 33 points spread from the head (y = top) to the feet.
std::vector<PoseLandmark> figure(float x, float top, float visibility = 1.0f) {
    std::vector<PoseLandmark> pose(33);
    for (std::size_t j = 0; j < pose.size(); ++j) {
        pose[j].x = x + static_cast<float>(j % 3) * 10.0f;
        pose[j].y = top + 100.0f * static_cast<float>(j) / 32.0f;
        pose[j].visibility = visibility;
    }
    return pose;
}

TEST(PoseDistance, OnePersonTwiceIsCloseTwoPeopleSideBySideAreNot) {
    EXPECT_DOUBLE_EQ(poseDistance(figure(100, 50), figure(100, 50)), 0.0);
    const double shifted = poseDistance(figure(100, 50), figure(103, 50));  // 3 px of a 100 px person
    EXPECT_NEAR(shifted, 0.03, 1e-3);
    EXPECT_LT(shifted, kSamePersonPoseDistance);
    const double sideBySide = poseDistance(figure(100, 50), figure(130, 50));  // a body width apart
    EXPECT_NEAR(sideBySide, 0.30, 1e-3);
    EXPECT_GT(sideBySide, kSamePersonPoseDistance);
}

TEST(PoseDistance, OnlyJointsBothSeeCount) {
    auto a = figure(100, 50);
    auto b = figure(100, 50);
    // b's legs (23-32) far off but unseen: the seen upper body decides.
    for (std::size_t j = 23; j < 33; ++j) {
        b[j].x += 80;
        b[j].visibility = 0.1f;
    }
    EXPECT_DOUBLE_EQ(poseDistance(a, b), 0.0);
    // Fewer than four body joints seen by both: no answer.
    EXPECT_LT(poseDistance(figure(100, 50, 0.2f), figure(100, 50)), 0.0);
    EXPECT_LT(poseDistance({}, figure(100, 50)), 0.0);
}

}  // namespace
}  // namespace actionlens::pose
