// TimelineScale: frame <-> pixel mapping, zoom about a point, scrolling limits, ruler steps.

#include "ui/timeline/timeline_scale.h"

#include <gtest/gtest.h>

using actionlens::ui::TimelineScale;

TEST(TimelineScale, FitsTheWholeVideoAndMapsFramesBothWays) {
    TimelineScale scale;
    scale.setWidth(1000);
    scale.setFrameCount(250);
    EXPECT_DOUBLE_EQ(scale.pixelsPerFrame(), 4.0);
    EXPECT_DOUBLE_EQ(scale.xOfFrame(10), 40.0);
    EXPECT_EQ(scale.frameAtX(40.0), 10);
    EXPECT_EQ(scale.frameAtX(43.9), 10);
    EXPECT_EQ(scale.frameAtX(44.0), 11);
    EXPECT_EQ(scale.frameAtX(-5), 0);      // clamped
    EXPECT_EQ(scale.frameAtX(5000), 249);  // clamped
    scale.setWidth(500);                   // still fitted: follows the width
    EXPECT_DOUBLE_EQ(scale.pixelsPerFrame(), 2.0);
}

TEST(TimelineScale, ZoomKeepsTheFrameUnderTheAnchorAndStopsAtSingleFrames) {
    TimelineScale scale;
    scale.setWidth(1000);
    scale.setFrameCount(1000);
    scale.zoomAbout(500, 4.0);
    EXPECT_DOUBLE_EQ(scale.pixelsPerFrame(), 4.0);
    EXPECT_EQ(scale.frameAtX(500), 500);
    EXPECT_DOUBLE_EQ(scale.firstVisibleFrame(), 375.0);
    scale.zoomAbout(500, 1000.0);
    EXPECT_DOUBLE_EQ(scale.pixelsPerFrame(), TimelineScale::kMaxPixelsPerFrame);
    EXPECT_EQ(scale.frameAtX(500), 500);
    scale.zoomAbout(0, 1e-6);  // back to the whole video, not beyond
    EXPECT_DOUBLE_EQ(scale.pixelsPerFrame(), 1.0);
    EXPECT_DOUBLE_EQ(scale.firstVisibleFrame(), 0.0);
}

TEST(TimelineScale, ScrollingStaysInsideTheVideoAndEnsureVisibleMovesTheLeast) {
    TimelineScale scale;
    scale.setWidth(100);
    scale.setFrameCount(1000);
    scale.setPixelsPerFrame(10);  // 10 frames visible
    scale.scrollTo(-50);
    EXPECT_DOUBLE_EQ(scale.firstVisibleFrame(), 0.0);
    scale.scrollTo(5000);
    EXPECT_DOUBLE_EQ(scale.firstVisibleFrame(), 990.0);
    scale.scrollTo(100);
    scale.ensureVisible(105);  // already visible
    EXPECT_DOUBLE_EQ(scale.firstVisibleFrame(), 100.0);
    scale.ensureVisible(120);  // frame 120 becomes the last visible one
    EXPECT_DOUBLE_EQ(scale.firstVisibleFrame(), 111.0);
    scale.ensureVisible(50);
    EXPECT_DOUBLE_EQ(scale.firstVisibleFrame(), 50.0);
}

TEST(TimelineScale, TickStepIsTheSmallestNiceStepWithRoomForLabels) {
    TimelineScale scale;
    scale.setWidth(1000);
    scale.setFrameCount(10000);  // 0.1 px per frame
    EXPECT_EQ(scale.tickStep(64), 1000);  // 640 px apart; 500 would be 50 px
    scale.setPixelsPerFrame(48);
    EXPECT_EQ(scale.tickStep(64), 2);
    scale.setPixelsPerFrame(2.0);
    EXPECT_EQ(scale.tickStep(64), 50);  // 25 frames would be 50 px
}
