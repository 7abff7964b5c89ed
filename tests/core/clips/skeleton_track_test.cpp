#include "core/clips/skeleton_track.h"

#include "clips_fixtures.h"

#include <gtest/gtest.h>

namespace actionlens::clips {
namespace {

TEST(SkeletonTrack, ReadsPixelsAndMarksMissingFramesAndJoints) {
    auto p = testing::makeSmallProject();
    Result<SkeletonTrack> track = readSkeletonTrack(*p->store, p->videoId, p->alice, 3, 8, 13);
    ASSERT_TRUE(track.ok()) << track.error();
    const model::SkeletonClip& clip = track->skeleton;
    ASSERT_EQ(clip.frames, 6);
    ASSERT_EQ(clip.joints, 13);
    EXPECT_EQ(track->framesWithPose, 5);
    EXPECT_EQ(track->layoutId, p->pennLayoutId);
    // Frame 4 (t = 1), joint 2: (100 + 20 + 4, 202).
    EXPECT_FLOAT_EQ(clip.at(0, 1, 2), 124.0f);
    EXPECT_FLOAT_EQ(clip.at(1, 1, 2), 202.0f);
    EXPECT_FLOAT_EQ(clip.at(2, 1, 2), 0.9f);
    // Frame 3 (t = 0) hides joint 3; frame 5 (t = 2) has no pose at all.
    EXPECT_EQ(clip.at(2, 0, 3), 0.0f);
    EXPECT_EQ(clip.at(0, 0, 3), 0.0f);
    for (int j = 0; j < 13; ++j) EXPECT_EQ(clip.at(2, 2, j), 0.0f) << j;
}

TEST(SkeletonTrack, RefusesAWrongJointCountAndAnEmptyRange) {
    auto p = testing::makeSmallProject();
    Result<SkeletonTrack> wrong = readSkeletonTrack(*p->store, p->videoId, p->alice, 0, 3, 17);
    ASSERT_FALSE(wrong.ok());
    EXPECT_NE(wrong.error().find("13 joints, expected 17"), std::string::npos) << wrong.error();
    EXPECT_FALSE(readSkeletonTrack(*p->store, p->videoId, p->alice, 5, 4, 13).ok());
    Result<SkeletonTrack> none = readSkeletonTrack(*p->store, p->videoId, p->bob, 0, 3, 13);
    ASSERT_TRUE(none.ok());
    EXPECT_EQ(none->framesWithPose, 0);
    EXPECT_EQ(none->layoutId, 0);
}

TEST(SkeletonTrack, TracksOfAVideoAreItsSubjectsWithPosesOfTheLayout) {
    auto p = testing::makeSmallProject();
    // Bob: Penn-13 poses on frames 12..20 and COCO-17 poses later, which a Penn-13 model does
    // not read.
    const std::int64_t coco = p->store->skeletonLayout("COCO-17")->id;
    std::vector<annotation::SkeletonFrame> frames;
    for (std::int64_t f : {20, 12, 16}) frames.push_back(testing::pose(p->videoId, p->bob, p->pennLayoutId, f));
    annotation::SkeletonFrame other{p->videoId, p->bob, 35, coco, annotation::PoseSource::Imported, {}};
    other.joints.assign(17, annotation::Joint{1.0f, 2.0f, 0.5f, true});
    frames.push_back(other);
    const Status inserted = p->store->insertSkeletonFrames(frames);
    ASSERT_TRUE(inserted.ok()) << inserted.error();

    Result<std::vector<TrackSpan>> tracks = tracksOfVideo(*p->store, p->videoId, p->pennLayoutId);
    ASSERT_TRUE(tracks.ok()) << tracks.error();
    ASSERT_EQ(tracks->size(), 2u);
    EXPECT_EQ((*tracks)[0].subjectId, p->alice);
    EXPECT_EQ((*tracks)[0].firstFrame, 0);
    EXPECT_EQ((*tracks)[0].lastFrame, 29);
    EXPECT_EQ((*tracks)[1].subjectId, p->bob);
    EXPECT_EQ((*tracks)[1].firstFrame, 12);
    EXPECT_EQ((*tracks)[1].lastFrame, 20);

    Result<std::vector<TrackSpan>> cocoTracks = tracksOfVideo(*p->store, p->videoId, coco);
    ASSERT_TRUE(cocoTracks.ok());
    ASSERT_EQ(cocoTracks->size(), 1u);
    EXPECT_EQ((*cocoTracks)[0].firstFrame, 35);
    EXPECT_TRUE(tracksOfVideo(*p->store, p->videoId + 1, p->pennLayoutId)->empty());
}

// A format's box without a pose (COCO people without keypoints, AVA rows, CVAT box tracks) is
// kept as a frame of unlabelled COCO-17 joints: no joints to learn from, no layout of the track.
TEST(SkeletonTrack, BoxOnlyFramesAreNotPoses) {
    auto p = testing::makeSmallProject();
    const std::int64_t coco = p->store->skeletonLayout("COCO-17")->id;
    std::vector<annotation::SkeletonFrame> boxes;
    for (std::int64_t f : {5, 40}) {
        annotation::SkeletonFrame box{p->videoId, f == 5 ? p->alice : p->bob, f, coco, annotation::PoseSource::Imported, {}};
        box.joints.assign(17, annotation::Joint{});
        box.box = annotation::SubjectBox{10, 20, 30, 60};
        EXPECT_FALSE(box.hasPose());
        boxes.push_back(box);
    }
    const Status inserted = p->store->insertSkeletonFrames(boxes);
    ASSERT_TRUE(inserted.ok()) << inserted.error();

    // Alice's Penn-13 track over frames 3..8 reads as before: frame 5 has a box, still no pose.
    Result<SkeletonTrack> track = readSkeletonTrack(*p->store, p->videoId, p->alice, 3, 8, 13);
    ASSERT_TRUE(track.ok()) << track.error();
    EXPECT_EQ(track->framesWithPose, 5);
    EXPECT_EQ(track->layoutId, p->pennLayoutId);
    // Bob's box alone is no COCO-17 track.
    Result<std::vector<TrackSpan>> cocoTracks = tracksOfVideo(*p->store, p->videoId, coco);
    ASSERT_TRUE(cocoTracks.ok());
    EXPECT_TRUE(cocoTracks->empty());
}

}  // namespace
}  // namespace actionlens::clips
