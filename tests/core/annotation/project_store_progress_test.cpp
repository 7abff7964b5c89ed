// ProjectStore::videoProgress and skeletonPresence: the counts the dataset browser shows.

#include "annotation_fixtures.h"

#include <gtest/gtest.h>

namespace actionlens::annotation {
namespace {

using fixtures::ProjectFolder;

SkeletonFrame skeletonAt(const ProjectStore& store, std::int64_t subject, std::int64_t frame, PoseSource source) {
    const SkeletonLayout* layout = store.skeletonLayout("Penn-13");
    SkeletonFrame f;
    f.videoId = 1;
    f.subjectId = subject;
    f.frame = frame;
    f.layoutId = layout ? layout->id : 0;
    f.source = source;
    f.joints.resize(layout ? layout->joints.size() : 0, Joint{1, 2, 0.5f, true});
    return f;
}

TEST(ProjectStoreProgress, CountsSegmentsCoveredFramesOnceAndReviewedOnes) {
    ProjectFolder folder;
    auto store = fixtures::makeProject(folder);
    ASSERT_TRUE(store);
    Video second = fixtures::sampleVideo(folder, "other.mp4");
    ASSERT_TRUE(store->insertVideo(second).ok());
    auto bob = store->insertSubject(Subject{0, "bob", {}});
    ASSERT_TRUE(bob.ok());
    // 10..19 (alice) and 15..29 (bob) overlap: frames 10..29 are 20 frames; 50..50 adds one.
    Segment a = fixtures::sampleSegment(10, 19);
    Segment b = fixtures::sampleSegment(15, 29);
    b.subjectId = bob.value();
    b.review = ReviewStatus::Accepted;
    Segment c = fixtures::sampleSegment(50, 50);
    for (const Segment& s : {a, b, c}) ASSERT_TRUE(store->insertSegment(s).ok());

    auto progress = store->videoProgress();
    ASSERT_TRUE(progress.ok()) << progress.error();
    ASSERT_EQ(progress->size(), 2u);
    EXPECT_EQ(progress->at(0).videoId, 1);
    EXPECT_EQ(progress->at(0).segments, 3);
    EXPECT_EQ(progress->at(0).reviewedSegments, 1);
    EXPECT_EQ(progress->at(0).framesInSegments, 21);
    EXPECT_EQ(progress->at(1).segments, 0);
    EXPECT_EQ(progress->at(1).framesInSegments, 0);
}

TEST(ProjectStoreProgress, PredictionsAreCountedApartAndAcceptedOnesAsModelAssisted) {
    ProjectFolder folder;
    auto store = fixtures::makeProject(folder);
    ASSERT_TRUE(store);
    Segment drawn = fixtures::sampleSegment(0, 9);
    Segment accepted = fixtures::sampleSegment(20, 29);
    accepted.annotator = "ann";
    accepted.source = "model:m.alm";
    accepted.review = ReviewStatus::Accepted;
    Segment proposed = fixtures::sampleSegment(40, 79);  // a prediction covers no frames as a label
    proposed.annotator = "model:m.alm";
    proposed.confidence = 0.7;
    Segment proposedOverDrawn = fixtures::sampleSegment(0, 5);
    proposedOverDrawn.annotator = "model:m.alm";
    for (const Segment& s : {drawn, accepted, proposed, proposedOverDrawn}) ASSERT_TRUE(store->insertSegment(s).ok());
    auto progress = store->videoProgress();
    ASSERT_TRUE(progress.ok()) << progress.error();
    const VideoProgress& p = progress->at(0);
    EXPECT_EQ(p.segments, 2);
    EXPECT_EQ(p.acceptedPredictions, 1);
    EXPECT_EQ(p.proposedSegments, 2);
    EXPECT_EQ(p.reviewedSegments, 1);
    EXPECT_EQ(p.framesInSegments, 20);
}

TEST(ProjectStoreProgress, SkeletonFramesCountOncePerFrameAndPresenceListsEachRow) {
    ProjectFolder folder;
    auto store = fixtures::makeProject(folder);
    ASSERT_TRUE(store);
    ASSERT_NE(store->skeletonLayout("Penn-13"), nullptr);
    auto bob = store->insertSubject(Subject{0, "bob", {}});
    ASSERT_TRUE(bob.ok());
    ASSERT_TRUE(store->insertSkeletonFrames({skeletonAt(*store, 1, 3, PoseSource::Imported),
                                             skeletonAt(*store, bob.value(), 3, PoseSource::Manual),
                                             skeletonAt(*store, 1, 7, PoseSource::Interpolated)})
                    .ok());
    auto progress = store->videoProgress();
    ASSERT_TRUE(progress.ok()) << progress.error();
    EXPECT_EQ(progress->at(0).framesWithSkeletons, 2);

    auto presence = store->skeletonPresence(1);
    ASSERT_TRUE(presence.ok()) << presence.error();
    const std::vector<SkeletonPresence> expected{{3, 1, PoseSource::Imported},
                                                 {3, bob.value(), PoseSource::Manual},
                                                 {7, 1, PoseSource::Interpolated}};
    EXPECT_EQ(presence.value(), expected);
}

}  // namespace
}  // namespace actionlens::annotation
