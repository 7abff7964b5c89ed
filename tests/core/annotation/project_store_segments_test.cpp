#include "tests/core/annotation/annotation_fixtures.h"

using namespace actionlens;
using namespace actionlens::annotation;
using namespace actionlens::annotation::fixtures;

TEST(ProjectStoreSegments, RemoveThenReinsertRestoresTheIdenticalSegment) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    Segment s = sampleSegment(30, 60, "bench_press");
    s.review = ReviewStatus::Accepted;
    s.confidence = 0.625;
    s.source = "model:run 3.alm";
    auto id = store->insertSegment(s);
    ASSERT_TRUE(id.ok()) << id.error();
    auto before = store->segment(id.value());
    ASSERT_TRUE(before.ok());
    EXPECT_EQ(before->confidence, 0.625);
    EXPECT_EQ(before->source, "model:run 3.alm");

    auto removed = store->removeSegment(id.value());
    ASSERT_TRUE(removed.ok()) << removed.error();
    EXPECT_EQ(removed.value(), before.value());
    EXPECT_FALSE(store->segment(id.value()).ok());
    EXPECT_EQ(store->counts()->segments, 0);

    auto again = store->insertSegment(removed.value());
    ASSERT_TRUE(again.ok()) << again.error();
    EXPECT_EQ(again.value(), id.value());
    auto after = store->segment(id.value());
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after.value(), before.value());
}

TEST(ProjectStoreSegments, UpdateReturnsTheOldValueAndUndoRestoresIt) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    auto id = store->insertSegment(sampleSegment(0, 9));
    ASSERT_TRUE(id.ok());
    Segment changed = store->segment(id.value()).value();
    changed.lastFrame = 19;
    changed.labels["action"] = "situp";
    changed.review = ReviewStatus::Rejected;
    changed.confidence = 0.5;
    changed.source = "model:m.alm";
    auto old = store->updateSegment(changed);
    ASSERT_TRUE(old.ok()) << old.error();
    EXPECT_EQ(old->lastFrame, 9);
    EXPECT_EQ(old->labels.at("action"), "squat");
    auto now = store->segment(id.value());
    EXPECT_EQ(now->lastFrame, 19);
    EXPECT_EQ(now->labels.at("action"), "situp");
    EXPECT_EQ(now->review, ReviewStatus::Rejected);
    EXPECT_EQ(now->confidence, 0.5);
    EXPECT_EQ(now->source, "model:m.alm");
    EXPECT_FALSE(old->confidence.has_value());
    EXPECT_EQ(old->source, "");
    EXPECT_GE(now->modifiedMs, old->modifiedMs);

    ASSERT_TRUE(store->updateSegment(old.value()).ok());
    auto undone = store->segment(id.value());
    EXPECT_EQ(undone->lastFrame, 9);
    EXPECT_EQ(undone->labels, old->labels);
    EXPECT_EQ(undone->review, ReviewStatus::Unreviewed);
}

TEST(ProjectStoreSegments, SegmentsOfVideoAreOrderedAndCarryTheirLabels) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    auto other = store->insertVideo(sampleVideo(folder, "other.mp4"));
    ASSERT_TRUE(other.ok());
    ASSERT_TRUE(store->insertSegment(sampleSegment(100, 120, "pushup")).ok());
    ASSERT_TRUE(store->insertSegment(sampleSegment(5, 20, "squat")).ok());
    Segment elsewhere = sampleSegment(0, 3);
    elsewhere.videoId = other.value();
    ASSERT_TRUE(store->insertSegment(elsewhere).ok());
    auto segments = store->segmentsOfVideo(1);
    ASSERT_TRUE(segments.ok());
    ASSERT_EQ(segments->size(), 2u);
    EXPECT_EQ((segments.value())[0].firstFrame, 5);
    EXPECT_EQ((segments.value())[0].labels.at("action"), "squat");
    EXPECT_EQ((segments.value())[1].labels.at("action"), "pushup");
    EXPECT_EQ((segments.value())[1].labels.at("viewpoint"), "front");
}

TEST(ProjectStoreSegments, RefusesInvalidSegmentsWithAReason) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    auto beyond = store->insertSegment(sampleSegment(290, 300));
    ASSERT_FALSE(beyond.ok());
    EXPECT_NE(beyond.error().find("the video has 300 frames"), std::string::npos) << beyond.error();
    auto reversed = store->insertSegment(sampleSegment(20, 10));
    ASSERT_FALSE(reversed.ok());
    auto unknownClass = store->insertSegment(sampleSegment(0, 1, "moonwalk"));
    ASSERT_FALSE(unknownClass.ok());
    EXPECT_NE(unknownClass.error().find("'moonwalk' is not a value of task 'action'"), std::string::npos)
        << unknownClass.error();
    Segment noVideo = sampleSegment(0, 1);
    noVideo.videoId = 42;
    auto missing = store->insertSegment(noVideo);
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().find("no video 42"), std::string::npos) << missing.error();
    EXPECT_EQ(store->counts()->segments, 0);
}
