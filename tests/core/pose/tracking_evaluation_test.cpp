// Scoring tracked people against known ones: found, stray, identity switches, numbers used,
// found by height class.

#include "core/pose/tracking_evaluation.h"

#include <gtest/gtest.h>

namespace actionlens::pose {
namespace {

PersonExtent box(int id, double x, double y, double w = 20, double h = 60) { return {id, x, y, x + w, y + h}; }

TEST(TrackingEvaluation, CountsFoundStrayAndIdentitySwitches) {
    TrackingScorer scorer(0.3, 20);
    // Frame 0: A found as 1, B missed, a stray pose far away.
    scorer.addFrame({box(1, 0, 0), box(2, 100, 0)}, {box(1, 2, 1), box(9, 300, 300)});
    // Frame 1: A as 1 again, B as 2.
    scorer.addFrame({box(1, 0, 0), box(2, 100, 0)}, {box(1, 1, 0), box(2, 101, 0)});
    // Frame 2: the numbers swap: two identity switches.
    scorer.addFrame({box(1, 0, 0), box(2, 100, 0)}, {box(2, 1, 0), box(1, 101, 0)});
    // Frame 3: A lost (no switch), B still as 1.
    scorer.addFrame({box(1, 0, 0), box(2, 100, 0)}, {box(1, 100, 0)});
    const TrackingScore& s = scorer.score();
    EXPECT_EQ(s.people, 8);
    EXPECT_EQ(s.found, 6);
    EXPECT_DOUBLE_EQ(s.foundShare(), 0.75);
    EXPECT_EQ(s.strayPoses, 1);
    EXPECT_EQ(s.identitySwitches, 2);
    EXPECT_EQ(s.numbersUsed, 3);  // 1, 2, 9
    ASSERT_EQ(s.foundByHeight.count(60), 1u);
    EXPECT_EQ(s.foundByHeight.at(60), std::make_pair(6, 8));
}

TEST(TrackingEvaluation, APoseOverlappingTooLittleFindsNobodyAndEachPoseFindsOnePerson) {
    TrackingScorer scorer(0.5);
    // Two people side by side, one pose between them overlapping each by less than half.
    scorer.addFrame({box(1, 0, 0), box(2, 20, 0)}, {box(1, 10, 0)});
    EXPECT_EQ(scorer.score().found, 0);
    EXPECT_EQ(scorer.score().strayPoses, 1);
    TrackingScorer loose(0.3);
    loose.addFrame({box(1, 0, 0), box(2, 20, 0)}, {box(1, 10, 0)});
    EXPECT_EQ(loose.score().found, 1) << "one pose finds one person at most";
}

TEST(TrackingEvaluation, TheExtentOfPoints) {
    PersonExtent e;
    EXPECT_FALSE(extentOf({{1, 2}}, &e));
    ASSERT_TRUE(extentOf({{1, 2}, {5, -3}, {2, 8}}, &e));
    EXPECT_EQ(e.x0, 1);
    EXPECT_EQ(e.x1, 5);
    EXPECT_EQ(e.y0, -3);
    EXPECT_EQ(e.y1, 8);
    EXPECT_EQ(e.height(), 11);
}

TEST(TrackingEvaluation, ATrackedPosesExtentSpansItsVisibleBodyJoints) {
    PersonPose pose;
    pose.person = 3;
    pose.estimate.landmarks.resize(33);
    pose.estimate.landmarks[0] = {50, 10, 0, 0.9f, 1};    // nose
    pose.estimate.landmarks[2] = {10, 5, 0, 0.9f, 1};     // an eye: not one of Penn Action's joints
    pose.estimate.landmarks[27] = {40, 90, 0, 0.9f, 1};   // left ankle
    pose.estimate.landmarks[28] = {70, 95, 0, 0.2f, 1};   // right ankle, hardly visible
    PersonPose alone;  // nothing visible
    alone.person = 4;
    alone.estimate.landmarks.resize(33);
    const auto extents = trackedExtents({pose, alone});
    ASSERT_EQ(extents.size(), 1u);
    EXPECT_EQ(extents[0].id, 3);
    EXPECT_EQ(extents[0].x0, 40);
    EXPECT_EQ(extents[0].x1, 50);
    EXPECT_EQ(extents[0].y0, 10);
    EXPECT_EQ(extents[0].y1, 90);
}

}  // namespace
}  // namespace actionlens::pose
