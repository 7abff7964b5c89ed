// The template pose: every built-in layout's joints are recognised by name, sit where a standing
// figure facing the camera has them, and scale and centre as asked.

#include "core/annotation/skeleton_template.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace actionlens::annotation;

TEST(SkeletonTemplate, RecognisesEveryJointOfTheBuiltInLayouts) {
    for (const SkeletonLayout& layout : builtinSkeletonLayouts())
        for (const std::string& joint : layout.joints) {
            double x = 0, y = 0;
            EXPECT_TRUE(templateJointPosition(joint, &x, &y)) << layout.name << ": " << joint;
        }
}

TEST(SkeletonTemplate, StandingFigureFacingTheCamera) {
    const SkeletonLayout* coco = nullptr;
    for (const SkeletonLayout& layout : builtinSkeletonLayouts())
        if (layout.name == "COCO-17") coco = &layout;
    ASSERT_NE(coco, nullptr);
    const std::vector<Joint> joints = templatePose(*coco, 300, 200, 100);
    ASSERT_EQ(joints.size(), coco->joints.size());
    auto at = [&](const char* name) { return joints[size_t(coco->jointIndex(name))]; };
    // Head above shoulders above hips above knees above ankles (y grows downwards).
    EXPECT_LT(at("nose").y, at("left_shoulder").y);
    EXPECT_LT(at("left_shoulder").y, at("left_hip").y);
    EXPECT_LT(at("left_hip").y, at("left_knee").y);
    EXPECT_LT(at("left_knee").y, at("left_ankle").y);
    // The figure's left on the image's right; pairs mirror about the centre line.
    EXPECT_GT(at("left_wrist").x, 300);
    EXPECT_LT(at("right_wrist").x, 300);
    EXPECT_FLOAT_EQ(at("left_wrist").x - 300, 300 - at("right_wrist").x);
    EXPECT_FLOAT_EQ(at("nose").x, 300);
    // Scaled to the height asked and centred vertically on centreY.
    float top = 1e9f, bottom = -1e9f;
    for (const Joint& j : joints) {
        EXPECT_TRUE(j.visible);
        EXPECT_FLOAT_EQ(j.confidence, 1.0f);
        top = std::min(top, j.y);
        bottom = std::max(bottom, j.y);
    }
    EXPECT_NEAR(bottom - top, 100 * (0.95 - 0.075), 1e-3);  // eyes to ankles
    EXPECT_NEAR(at("left_hip").y, 200 + 0.02 * 100, 1e-3);
}

TEST(SkeletonTemplate, NamesWithOtherSpellingsAndUnknownJoints) {
    double x = 0, y = 0;
    ASSERT_TRUE(templateJointPosition("R_Knee", &x, &y));
    EXPECT_LT(x, 0);
    ASSERT_TRUE(templateJointPosition("wrist-left", &x, &y));
    EXPECT_GT(x, 0);
    EXPECT_FALSE(templateJointPosition("marker_7", &x, &y));

    SkeletonLayout custom;
    custom.name = "custom";
    custom.joints = {"marker_a", "neck", "marker_b"};
    const std::vector<Joint> joints = templatePose(custom, 0, 0, 200);
    // Unknown joints in a row, visible and apart, so each can be grabbed.
    EXPECT_TRUE(joints[0].visible);
    EXPECT_TRUE(joints[2].visible);
    EXPECT_FLOAT_EQ(joints[0].y, joints[2].y);
    EXPECT_LT(joints[0].x, joints[2].x);
    EXPECT_FLOAT_EQ(joints[1].x, 0);
}
