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

namespace {

annotation::Segment predicted(std::int64_t id, std::int64_t subject, std::int64_t first, std::int64_t last, double confidence,
                              const std::string& model = "model:run 1.alm") {
    annotation::Segment s = seg(id, subject, first, last, "wave");
    s.annotator = model;
    s.confidence = confidence;
    return s;
}

// Subject 1: people's 10-19 and 30-39, predictions 0-12 (0.9), 20-28 (0.6), 50-70 (0.95);
// subject 2: people's 15-45; another model's prediction for subject 1 at 20-40.
const edits::Segments kWithPredictions{seg(1, 1, 10, 19),
                                       seg(2, 2, 15, 45),
                                       seg(3, 1, 30, 39, "squat"),
                                       predicted(4, 1, 0, 12, 0.9),
                                       predicted(5, 1, 20, 28, 0.6),
                                       predicted(6, 1, 50, 70, 0.95),
                                       predicted(7, 1, 20, 40, 0.8, "model:other.alm")};

}  // namespace

TEST(SegmentEdits, PredictionsLieInALaneOfTheirOwn) {
    // Already overlapping people's segments and each other's models: no edit is refused for it.
    EXPECT_TRUE(edits::checkNoOverlap(kWithPredictions).ok());
    EXPECT_TRUE(edits::create(kWithPredictions, 1, 1, 20, 29, {}, 100).ok());
    EXPECT_TRUE(edits::setBounds(kWithPredictions, 5, 13, 29, 100).ok()) << "edges of a prediction move within its lane";
    // One model's predictions still may not overlap each other.
    auto clash = edits::setBounds(kWithPredictions, 5, 20, 55, 100);
    ASSERT_FALSE(clash.ok());
    EXPECT_NE(clash.error().find("predictions"), std::string::npos) << clash.error();
    auto mixed = edits::merge(kWithPredictions, {1, 4});
    ASSERT_FALSE(mixed.ok());
    EXPECT_NE(mixed.error().find("accept it first"), std::string::npos) << mixed.error();
    EXPECT_TRUE(edits::merge(kWithPredictions, {5, 6}).ok()) << "people's segments between them lie in another lane";
}

TEST(SegmentEdits, AcceptingMakesAPersonsSegmentInPlaceAndKeepsTheModelAsSource) {
    auto accepted = edits::accept(kWithPredictions, {6}, "ann");
    ASSERT_TRUE(accepted.ok()) << accepted.error();
    ASSERT_EQ(accepted->added.size(), 1u);
    const annotation::Segment& s = accepted->added[0];
    EXPECT_EQ(s.id, 6);
    EXPECT_EQ(s.annotator, "ann");
    EXPECT_EQ(s.source, "model:run 1.alm");
    EXPECT_EQ(s.review, annotation::ReviewStatus::Accepted);
    EXPECT_EQ(s.confidence, 0.95);
    EXPECT_FALSE(annotation::isModelPrediction(s));
    EXPECT_EQ(accepted->removed.at(0), kWithPredictions[5]);
    // Into a person's segment of the subject: refused, naming it.
    auto overlapping = edits::accept(kWithPredictions, {4}, "ann");
    ASSERT_FALSE(overlapping.ok());
    EXPECT_NE(overlapping.error().find("10-19"), std::string::npos) << overlapping.error();
    auto human = edits::accept(kWithPredictions, {1}, "ann");
    ASSERT_FALSE(human.ok());
    EXPECT_NE(human.error().find("not a model's prediction"), std::string::npos) << human.error();
}

TEST(SegmentEdits, AcceptAboveTakesTheConfidentOnesThatFit) {
    int skipped = -1;
    auto above = edits::acceptAbove(kWithPredictions, 0.7, "ann", &skipped);
    ASSERT_TRUE(above.ok()) << above.error();
    // 0.95 (50-70) fits; 0.9 (0-12) and 0.8 (20-40, another model) overlap people's segments.
    ASSERT_EQ(above->added.size(), 1u);
    EXPECT_EQ(above->added[0].id, 6);
    EXPECT_EQ(skipped, 2);
    auto low = edits::acceptAbove(kWithPredictions, 0.5, "ann", &skipped);
    ASSERT_TRUE(low.ok());
    EXPECT_EQ(low->added.size(), 2u);  // 50-70 and 20-28
    EXPECT_FALSE(edits::acceptAbove(kWithPredictions, 0.99, "ann").ok());
}

TEST(SegmentEdits, AcceptingARangeCutsThePredictionsAndLeavesTheRestToTheModel) {
    auto range = edits::acceptRange(kWithPredictions, 1, 55, 60, "ann");
    ASSERT_TRUE(range.ok()) << range.error();
    const edits::Segments after = edits::applied(kWithPredictions, *range);
    std::vector<std::pair<std::int64_t, std::int64_t>> people, model;
    for (const auto& s : after) {
        if (s.subjectId != 1 || s.annotator == "model:other.alm") continue;
        (annotation::isModelPrediction(s) ? model : people).push_back({s.firstFrame, s.lastFrame});
    }
    EXPECT_EQ(people, (std::vector<std::pair<std::int64_t, std::int64_t>>{{10, 19}, {30, 39}, {55, 60}}));
    EXPECT_EQ(model, (std::vector<std::pair<std::int64_t, std::int64_t>>{{0, 12}, {20, 28}, {50, 54}, {61, 70}}));
    EXPECT_FALSE(edits::acceptRange(kWithPredictions, 2, 0, 99, "ann").ok()) << "subject 2 has no prediction";
}

TEST(SegmentEdits, RejectRemovesPredictionsOnly) {
    auto rejected = edits::reject(kWithPredictions, {4, 5});
    ASSERT_TRUE(rejected.ok()) << rejected.error();
    EXPECT_EQ(rejected->removed.size(), 2u);
    EXPECT_TRUE(rejected->added.empty());
    EXPECT_FALSE(edits::reject(kWithPredictions, {3}).ok());
}

TEST(SegmentEdits, AnOverlapAlreadyInTheProjectRefusesOnlyEditsThatTouchIt) {
    // An import left 10-19 and 15-25 of subject 1 overlapping; 40-49 is apart.
    const edits::Segments imported{seg(1, 1, 10, 19), seg(2, 1, 15, 25), seg(3, 1, 40, 49)};
    EXPECT_FALSE(edits::checkNoOverlap(imported).ok());
    EXPECT_TRUE(edits::setBounds(imported, 3, 38, 49, 100).ok()) << "an edit elsewhere goes through";
    EXPECT_TRUE(edits::setLabel(imported, {3}, "action", "run").ok());
    EXPECT_TRUE(edits::create(imported, 1, 1, 60, 70, {}, 100).ok());
    auto touching = edits::setBounds(imported, 2, 15, 30, 100);
    ASSERT_FALSE(touching.ok()) << "moving an overlapping segment still has to end its overlap";
    EXPECT_NE(touching.error().find("10-19"), std::string::npos) << touching.error();
    EXPECT_TRUE(edits::setBounds(imported, 2, 20, 30, 100).ok()) << "an edit that ends the overlap goes through";
}

TEST(SegmentEdits, CopyingALayerMakesAnEditableStartingPointInOnesOwn) {
    edits::Segments segments{seg(1, 1, 10, 19), seg(2, 1, 30, 39, "squat"), predicted(3, 1, 0, 50, 0.9)};
    segments[0].annotator = segments[1].annotator = "ann";
    auto copied = edits::copyLayer(segments, "ann", "bob");
    ASSERT_TRUE(copied.ok()) << copied.error();
    ASSERT_EQ(copied->added.size(), 2u) << "the model's proposal is no layer";
    for (const auto& s : copied->added) {
        EXPECT_EQ(s.id, 0);
        EXPECT_EQ(s.annotator, "bob");
        EXPECT_EQ(s.source, "ann");
    }
    EXPECT_TRUE(copied->removed.empty());
    EXPECT_FALSE(edits::copyLayer(segments, "ann", "ann").ok());
    EXPECT_FALSE(edits::copyLayer(segments, "zed", "bob").ok());
    // bob already coded 15-20: the copy would overlap it.
    segments.push_back(seg(4, 1, 15, 20));
    segments.back().annotator = "bob";
    auto clash = edits::copyLayer(segments, "ann", "bob");
    ASSERT_FALSE(clash.ok());
    EXPECT_NE(clash.error().find("15-20"), std::string::npos) << clash.error();
}
