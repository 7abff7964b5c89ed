#include "core/privacy/head_locator.h"

#include <gtest/gtest.h>

#include <cmath>

namespace actionlens::privacy {
namespace {

using annotation::Joint;
using annotation::SkeletonLayout;

// A standing person of the layout: head centre at (100, 50), shoulders at y 80 (30 px below),
// face joints a few pixels around the head centre, everything else lower down.
std::vector<Joint> standing(const SkeletonLayout& layout) {
    std::vector<Joint> joints(layout.joints.size());
    for (size_t i = 0; i < joints.size(); ++i) {
        const std::string& name = layout.joints[i];
        Joint j{100.0f, 150.0f, 1.0f, true};
        const float side = name.rfind("left", 0) == 0 ? 6.0f : name.rfind("right", 0) == 0 ? -6.0f : 0.0f;
        if (name == "head" || name == "nose") j = {100.0f, 50.0f, 1.0f, true};
        else if (name.find("eye") != std::string::npos) j = {100.0f + side * 0.6f, 47.0f, 1.0f, true};
        else if (name.find("ear") != std::string::npos && name.find("forearm") == std::string::npos) j = {100.0f + side, 50.0f, 1.0f, true};
        else if (name.find("mouth") != std::string::npos) j = {100.0f + side * 0.3f, 55.0f, 1.0f, true};
        else if (name == "neck") j = {100.0f, 80.0f, 1.0f, true};
        else if (name == "left_shoulder" || name == "right_shoulder") j = {100.0f + side * 3.0f, 80.0f, 1.0f, true};
        joints[i] = j;
    }
    return joints;
}

TEST(HeadLocator, EveryBuiltInLayoutHasAHeadAroundItsCentre) {
    std::vector<SkeletonLayout> layouts = annotation::builtinSkeletonLayouts();
    // NTU RGB+D's layout (core/formats) names its head and neck the same way.
    layouts.push_back({0, "NTU-like", {"spine_base", "neck", "head", "left_shoulder", "right_shoulder", "left_hand"}, {}, {}});
    for (const SkeletonLayout& layout : layouts) {
        SCOPED_TRACE(layout.name);
        const HeadLocator locator(layout);
        ASSERT_TRUE(locator.hasHead());
        auto region = locator.locate(standing(layout));
        ASSERT_TRUE(region.has_value());
        EXPECT_NEAR(region->centreX(), 100.0f, 1.0f);
        EXPECT_NEAR(region->centreY(), 50.0f, 3.0f);
        // About a head: reaching the shoulder line's half-way point, not the hips.
        EXPECT_GE(region->height, 30.0f);
        EXPECT_LE(region->height, 50.0f);
        EXPECT_FALSE(region->contains(100.0f, 150.0f));
    }
}

TEST(HeadLocator, ForearmsAreNotEarsAndHeadlessLayoutsHaveNoHead) {
    const SkeletonLayout arms{0, "arms", {"left_forearm", "right_forearm", "left_shoulder", "right_shoulder"}, {}, {}};
    EXPECT_FALSE(HeadLocator(arms).hasHead());
    EXPECT_FALSE(HeadLocator(arms).locate(standing(arms)).has_value());
}

TEST(HeadLocator, InvisibleFaceJointsGiveNoHead) {
    const SkeletonLayout& coco = annotation::builtinSkeletonLayouts()[0];
    auto joints = standing(coco);
    for (int i = 0; i < 5; ++i) joints[i].visible = false;  // nose, eyes, ears
    EXPECT_FALSE(HeadLocator(coco).locate(joints).has_value());
    joints[3].visible = true;  // one ear seen in profile: still a head, sized by the shoulders
    auto region = HeadLocator(coco).locate(joints);
    ASSERT_TRUE(region.has_value());
    EXPECT_GE(region->width, 30.0f);
}

TEST(HeadLocator, MarginGrowsEverySide) {
    const FaceRegion r{10, 20, 40, 40};
    const FaceRegion g = r.grown(0.25f);
    EXPECT_FLOAT_EQ(g.x, 0.0f);
    EXPECT_FLOAT_EQ(g.y, 10.0f);
    EXPECT_FLOAT_EQ(g.width, 60.0f);
    EXPECT_FLOAT_EQ(g.centreX(), r.centreX());
}

}  // namespace
}  // namespace actionlens::privacy
