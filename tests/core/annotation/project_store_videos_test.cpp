#include "tests/core/annotation/annotation_fixtures.h"

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::annotation;
using namespace actionlens::annotation::fixtures;

TEST(ProjectStoreVideos, NamesAndSplitsRoundTrip) {
    ProjectFolder folder;
    {
        auto store = makeProject(folder);
        ASSERT_TRUE(store);
        Video v = sampleVideo(folder, "second.mp4");
        v.name = "0002";
        v.splits = {"train", "fold1", "train"};
        auto id = store->insertVideo(v);
        ASSERT_TRUE(id.ok()) << id.error();
        EXPECT_EQ(id.value(), 2);
    }
    auto reopened = ProjectStore::open(folder.file("p.alproj"));
    ASSERT_TRUE(reopened.ok()) << reopened.error();
    auto v = reopened.value()->video(2);
    ASSERT_TRUE(v.ok()) << v.error();
    EXPECT_EQ(v->name, "0002");
    EXPECT_EQ(v->splits, (std::vector<std::string>{"fold1", "train"})) << "sorted, without duplicates";
    auto all = reopened.value()->videos();
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 2u);
    EXPECT_TRUE(all.value()[0].splits.empty());
    EXPECT_EQ(all.value()[1].splits, v->splits);
}

TEST(ProjectStoreVideos, SkeletonOnlyVideosHaveNoPath) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    Video v;
    v.name = "0042";
    v.frameCount = 80;
    v.width = 480;
    v.height = 360;
    auto id = store->insertVideo(v);
    ASSERT_TRUE(id.ok()) << id.error();
    auto read = store->video(id.value());
    ASSERT_TRUE(read.ok());
    EXPECT_EQ(read->path, "");
    EXPECT_EQ(read->name, "0042");
}

TEST(ProjectStoreVideos, SetSplitsReturnsThePreviousOnesAndCountsFollow) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    auto first = store->setVideoSplits(1, {"test"});
    ASSERT_TRUE(first.ok()) << first.error();
    EXPECT_TRUE(first->empty());
    auto second = store->setVideoSplits(1, {"train", "train1"});
    ASSERT_TRUE(second.ok());
    EXPECT_EQ(second.value(), (std::vector<std::string>{"test"}));
    Segment s;
    s.videoId = 1;
    s.subjectId = 1;
    s.firstFrame = 0;
    s.lastFrame = 10;
    s.labels = {{"action", "squat"}};
    ASSERT_TRUE(store->insertSegment(s).ok());
    auto counts = store->splitCounts();
    ASSERT_TRUE(counts.ok()) << counts.error();
    ASSERT_EQ(counts->size(), 2u);
    EXPECT_EQ(counts.value()[0].split, "train");
    EXPECT_EQ(counts.value()[0].videos, 1);
    EXPECT_EQ(counts.value()[0].segments, 1);
    EXPECT_EQ(counts.value()[1].split, "train1");
    EXPECT_FALSE(store->setVideoSplits(1, {""}).ok());
    EXPECT_EQ(store->video(1)->splits, (std::vector<std::string>{"train", "train1"})) << "a refused change changes nothing";
}

TEST(ProjectStoreVideos, RemoveReturnsTheVideoAndReinsertingRestoresItExactly) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    Video v = sampleVideo(folder, "extra.mp4");
    v.splits = {"test"};
    auto id = store->insertVideo(v);
    ASSERT_TRUE(id.ok());
    auto stored = store->video(id.value());
    ASSERT_TRUE(stored.ok());
    auto removed = store->removeVideo(id.value());
    ASSERT_TRUE(removed.ok()) << removed.error();
    EXPECT_EQ(removed.value(), stored.value());
    EXPECT_FALSE(store->video(id.value()).ok());
    ASSERT_TRUE(store->insertVideo(removed.value()).ok());
    EXPECT_EQ(store->video(id.value()).value(), stored.value());
}

TEST(ProjectStoreVideos, RemoveIsRefusedWhileSegmentsReferToTheVideo) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->insertSegment(sampleSegment(1, 5)).ok());
    auto removed = store->removeVideo(1);
    ASSERT_FALSE(removed.ok());
    EXPECT_NE(removed.error().find("1 segments"), std::string::npos) << removed.error();
    EXPECT_TRUE(store->video(1).ok());
}

TEST(ProjectStoreVideos, SetVideoPathReturnsThePreviousPathAndKeepsEverythingElse) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    const Video before = store->video(1).value();
    const std::string moved = "/elsewhere/recordings/clip.mp4";
    auto previous = store->setVideoPath(1, moved);
    ASSERT_TRUE(previous.ok()) << previous.error();
    EXPECT_EQ(previous.value(), before.path);
    Video after = store->video(1).value();
    EXPECT_EQ(after.path, moved);
    after.path = before.path;
    EXPECT_EQ(after, before);  // size, hash, splits, name unchanged

    // Undo: back to the old path, stored relative to the project folder again.
    ASSERT_TRUE(store->setVideoPath(1, previous.value()).ok());
    EXPECT_EQ(store->video(1).value(), before);

    EXPECT_FALSE(store->setVideoPath(99, moved).ok());
    EXPECT_FALSE(store->setVideoPath(1, "").ok());
}
