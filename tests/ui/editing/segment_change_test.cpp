// segment_edits: planned segment changes, and the overlap rule within a subject's lane.

#include "ui/editing/segment_change.h"

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;
namespace edits = actionlens::ui::segment_edits;

namespace {

annotation::Segment seg(std::int64_t id, std::int64_t subject, std::int64_t first, std::int64_t last, const std::string& action = "jump") {
    annotation::Segment s;
    s.id = id;
    s.videoId = 1;
    s.subjectId = subject;
    s.firstFrame = first;
    s.lastFrame = last;
    s.labels = {{"action", action}};
    return s;
}

// Subject 1: 10-19 and 30-39; subject 2: 15-45.
const edits::Segments kSegments{seg(1, 1, 10, 19), seg(2, 2, 15, 45), seg(3, 1, 30, 39, "squat")};

}  // namespace

TEST(SegmentEdits, CreateIsRefusedWhereItOverlapsTheSameSubjectOnly) {
    auto overlapping = edits::create(kSegments, 1, 1, 18, 25, {}, 100);
    ASSERT_FALSE(overlapping.ok());
    EXPECT_NE(overlapping.error().find("overlap"), std::string::npos) << overlapping.error();
    EXPECT_NE(overlapping.error().find("10-19"), std::string::npos) << overlapping.error();
    // Another subject's lane may overlap: two people act at once.
    auto other = edits::create(kSegments, 1, 2, 50, 60, {}, 100);
    ASSERT_TRUE(other.ok()) << other.error();
    auto gap = edits::create(kSegments, 1, 1, 20, 29, {{"action", "run"}}, 100);
    ASSERT_TRUE(gap.ok()) << gap.error();
    ASSERT_EQ(gap->added.size(), 1u);
    EXPECT_EQ(gap->added[0].id, 0);
    EXPECT_EQ(gap->added[0].labels.at("action"), "run");
    EXPECT_TRUE(gap->removed.empty());
    EXPECT_FALSE(edits::create(kSegments, 1, 1, 95, 100, {}, 100).ok()) << "past the end";
    EXPECT_FALSE(edits::create(kSegments, 1, 1, 60, 50, {}, 100).ok()) << "not a range";
}

TEST(SegmentEdits, SetBoundsChecksOverlapAgainstTheOthers) {
    ASSERT_TRUE(edits::setBounds(kSegments, 1, 5, 29, 100).ok());
    EXPECT_FALSE(edits::setBounds(kSegments, 1, 5, 30, 100).ok());
    auto moved = edits::setBounds(kSegments, 3, 25, 39, 100);
    ASSERT_TRUE(moved.ok());
    EXPECT_EQ(moved->removed.at(0), kSegments[2]);
    EXPECT_EQ(moved->added.at(0).id, 3);
    EXPECT_EQ(moved->added.at(0).firstFrame, 25);
}

TEST(SegmentEdits, SplitKeepsTheFirstPartAndAddsTheRest) {
    auto split = edits::split(kSegments, 2, 30);
    ASSERT_TRUE(split.ok()) << split.error();
    const auto after = edits::applied(kSegments, *split);
    ASSERT_EQ(after.size(), 4u);
    EXPECT_EQ(split->added[0].id, 2);
    EXPECT_EQ(split->added[0].lastFrame, 29);
    EXPECT_EQ(split->added[1].id, 0);
    EXPECT_EQ(split->added[1].firstFrame, 30);
    EXPECT_EQ(split->added[1].lastFrame, 45);
    EXPECT_EQ(split->added[1].labels, kSegments[1].labels);
    EXPECT_FALSE(edits::split(kSegments, 2, 15).ok()) << "at the first frame nothing would be left before";
    EXPECT_FALSE(edits::split(kSegments, 2, 46).ok()) << "outside";
}

TEST(SegmentEdits, MergeNeedsOneSubjectAndNothingBetween) {
    auto merged = edits::merge(kSegments, {3, 1});
    ASSERT_TRUE(merged.ok()) << merged.error();
    ASSERT_EQ(merged->added.size(), 1u);
    EXPECT_EQ(merged->added[0].id, 1);  // the earliest keeps its id and labels
    EXPECT_EQ(merged->added[0].firstFrame, 10);
    EXPECT_EQ(merged->added[0].lastFrame, 39);
    EXPECT_EQ(merged->added[0].labels.at("action"), "jump");
    EXPECT_EQ(merged->removed.size(), 2u);
    EXPECT_FALSE(edits::merge(kSegments, {1, 2}).ok()) << "different subjects";
    EXPECT_FALSE(edits::merge(kSegments, {1}).ok()) << "one segment";
    edits::Segments withMiddle = kSegments;
    withMiddle.push_back(seg(4, 1, 22, 25));
    auto blocked = edits::merge(withMiddle, {1, 3});
    ASSERT_FALSE(blocked.ok());
    EXPECT_NE(blocked.error().find("22-25"), std::string::npos) << blocked.error();
}

TEST(SegmentEdits, RemoveAndSetLabel) {
    auto removed = edits::remove(kSegments, {1, 3});
    ASSERT_TRUE(removed.ok());
    EXPECT_EQ(edits::applied(kSegments, *removed).size(), 1u);
    EXPECT_FALSE(edits::remove(kSegments, {}).ok());
    EXPECT_FALSE(edits::remove(kSegments, {99}).ok());

    auto labelled = edits::setLabel(kSegments, {1, 3}, "viewpoint", "front");
    ASSERT_TRUE(labelled.ok());
    ASSERT_EQ(labelled->added.size(), 2u);
    for (const auto& s : labelled->added) EXPECT_EQ(s.labels.at("viewpoint"), "front");
    auto same = edits::setLabel(kSegments, {1}, "action", "jump");
    EXPECT_FALSE(same.ok()) << "nothing to change";
    auto cleared = edits::setLabel(kSegments, {1}, "action", "");
    ASSERT_TRUE(cleared.ok());
    EXPECT_TRUE(cleared->added[0].labels.empty());
}
