#include "core/clips/project_dataset.h"

#include "clips_fixtures.h"

#include "core/annotation/group_only_label.h"

#include <gtest/gtest.h>

namespace actionlens::clips {
namespace {

TEST(ProjectDataset, SegmentsBecomeClipsWithOneLabelPerTask) {
    auto p = testing::makeSmallProject();
    annotation::ProjectStore& store = *p->store;
    ASSERT_TRUE(store.insertSegment(testing::segment(p->videoId, p->alice, 2, 11, {{"action", "bench_press"}, {"viewpoint", "left"}})).ok());
    ASSERT_TRUE(store.insertSegment(testing::segment(p->videoId, p->alice, 20, 29, {{"action", "bowl"}})).ok());
    Result<DatasetReadReport> read = readLabelledDataset(store);
    ASSERT_TRUE(read.ok()) << read.error();
    const train::LabelledDataset& data = read->dataset;
    ASSERT_EQ(data.tasks.size(), 4u);  // action, group, viewpoint, handedness
    EXPECT_EQ(data.tasks[3].name, "handedness");
    EXPECT_EQ(data.layoutName, "Penn-13");
    EXPECT_EQ(data.layout.jointCount, 13);
    EXPECT_EQ(data.mirrorPairs.size(), 6u);
    ASSERT_TRUE(data.hierarchy.has_value());
    ASSERT_EQ(data.clips.size(), 2u);

    const train::LabelledClip& first = data.clips[0];
    EXPECT_EQ(first.skeleton.frames, 10);
    EXPECT_EQ(first.firstFrame, 2);
    EXPECT_EQ(first.videoName, "0007");
    EXPECT_EQ(first.subjectId, p->alice);
    EXPECT_EQ(first.splits, std::vector<std::string>{"train"});
    // bench_press is class 2 of the Penn taxonomy, in "gym exercise" (group 1); viewpoint
    // "left" is value 2 (front, back, left, right); alice is left-handed (value 1).
    EXPECT_EQ(first.labels, (std::vector<int>{2, 1, 2, 1}));
    EXPECT_FLOAT_EQ(first.skeleton.at(0, 0, 0), 102.0f);  // frame 2, joint 0
    // The second segment has no viewpoint label: -1, while its group comes from its action.
    EXPECT_EQ(data.clips[1].labels, (std::vector<int>{3, 0, -1, 1}));
}

TEST(ProjectDataset, SegmentsOfSubjectsWithoutConsentAreSkippedOnceConsentIsRecorded) {
    auto p = testing::makeSmallProject();
    annotation::ProjectStore& store = *p->store;
    ASSERT_TRUE(store.insertSegment(testing::segment(p->videoId, p->alice, 2, 11, {{"action", "bowl"}})).ok());
    EXPECT_EQ(readLabelledDataset(store)->dataset.clips.size(), 1u);  // nothing recorded: everyone
    annotation::Subject bob = store.subjects()->at(1);
    bob.consent = annotation::ConsentStatus::Given;  // alice's consent is now missing
    ASSERT_TRUE(store.updateSubject(bob).ok());
    Result<DatasetReadReport> limited = readLabelledDataset(store);
    ASSERT_FALSE(limited.ok());  // alice's was the only segment
    DatasetReadOptions everyone;
    everyone.consent = annotation::ConsentLimit::Everyone;
    Result<DatasetReadReport> all = readLabelledDataset(store, everyone);
    ASSERT_TRUE(all.ok()) << all.error();
    EXPECT_EQ(all->dataset.clips.size(), 1u);
    ASSERT_TRUE(store.insertSegment(testing::segment(p->videoId, p->alice, 12, 20, {{"action", "bench_press"}})).ok());
    annotation::Subject alice = store.subjects()->at(0);
    alice.consent = annotation::ConsentStatus::Withdrawn;
    ASSERT_TRUE(store.updateSubject(alice).ok());
    DatasetReadOptions consenting;
    consenting.consent = annotation::ConsentLimit::ConsentingOnly;
    Result<DatasetReadReport> none = readLabelledDataset(store, consenting);
    ASSERT_FALSE(none.ok());
    EXPECT_NE(none.error().find("consent"), std::string::npos) << none.error();
}

TEST(ProjectDataset, AGroupOnlyLabelGivesTheGroupTaskItsLabelAndLeavesTheActionUnknown) {
    auto p = testing::makeSmallProject();
    annotation::ProjectStore& store = *p->store;
    annotation::Taxonomy taxonomy = store.taxonomy();
    taxonomy.tasks[0].groups[1].allowsGroupOnly = true;  // gym exercise
    ASSERT_TRUE(store.setTaxonomy(taxonomy).ok());
    ASSERT_TRUE(store.insertSegment(testing::segment(p->videoId, p->alice, 2, 11, {{annotation::kGroupOnlyLabelKey, "gym exercise"}})).ok());
    Result<DatasetReadReport> read = readLabelledDataset(store);
    ASSERT_TRUE(read.ok()) << read.error();
    ASSERT_EQ(read->dataset.clips.size(), 1u);
    EXPECT_EQ(read->dataset.clips[0].labels, (std::vector<int>{-1, 1, -1, 1}));  // action unknown, group 1, viewpoint unknown, left
}

TEST(ProjectDataset, SkipsSegmentsWithoutSubjectSkeletonOrLabelAndModelPredictions) {
    auto p = testing::makeSmallProject();
    annotation::ProjectStore& store = *p->store;
    ASSERT_TRUE(store.insertSegment(testing::segment(p->videoId, p->alice, 0, 9, {{"action", "squat"}})).ok());
    ASSERT_TRUE(store.insertSegment(testing::segment(p->videoId, 0, 0, 9, {{"action", "squat"}})).ok());
    ASSERT_TRUE(store.insertSegment(testing::segment(p->videoId, p->bob, 0, 9, {{"action", "squat"}})).ok());
    ASSERT_TRUE(store.insertSegment(testing::segment(p->videoId, p->alice, 31, 35, {{"action", "squat"}})).ok());
    ASSERT_TRUE(store.insertSegment(testing::segment(p->videoId, p->alice, 0, 9, {{"action", "bowl"}}, "model:m.alm")).ok());
    Result<DatasetReadReport> read = readLabelledDataset(store);
    ASSERT_TRUE(read.ok()) << read.error();
    ASSERT_EQ(read->dataset.clips.size(), 1u);
    EXPECT_EQ(read->dataset.clips[0].labels[0], 11);  // squat
    ASSERT_EQ(read->skipped.size(), 3u);
    EXPECT_NE(read->skipped[0].find("video 0007 frames 0..9: no subject"), std::string::npos) << read->skipped[0];
    EXPECT_NE(read->skipped[1].find("no skeleton of its subject"), std::string::npos) << read->skipped[1];
    EXPECT_NE(read->skipped[2].find("frames 31..35"), std::string::npos) << read->skipped[2];
}

TEST(ProjectDataset, FailsWithTheReasonWhenNoSegmentQualifies) {
    auto p = testing::makeSmallProject();
    ASSERT_TRUE(p->store->insertSegment(testing::segment(p->videoId, p->bob, 0, 9, {{"action", "squat"}})).ok());
    Result<DatasetReadReport> read = readLabelledDataset(*p->store);
    ASSERT_FALSE(read.ok());
    EXPECT_NE(read.error().find("no skeleton of its subject"), std::string::npos) << read.error();
}

TEST(ProjectDataset, ForVideoModelsKeepsSegmentsWithoutSkeletonOrSubjectAsPoselessClips) {
    auto p = testing::makeSmallProject();
    annotation::ProjectStore& store = *p->store;
    ASSERT_TRUE(store.insertSegment(testing::segment(p->videoId, p->alice, 0, 9, {{"action", "squat"}})).ok());
    ASSERT_TRUE(store.insertSegment(testing::segment(p->videoId, 0, 0, 9, {{"action", "squat"}})).ok());
    ASSERT_TRUE(store.insertSegment(testing::segment(p->videoId, p->bob, 0, 9, {{"action", "bowl"}})).ok());
    ASSERT_TRUE(store.insertSegment(testing::segment(p->videoId, p->alice, 0, 9, {{"action", "bowl"}}, "model:m.alm")).ok());
    DatasetReadOptions options;
    options.keepClipsWithoutSkeleton = true;
    Result<DatasetReadReport> read = readLabelledDataset(store, options);
    ASSERT_TRUE(read.ok()) << read.error();
    const train::LabelledDataset& data = read->dataset;
    EXPECT_EQ(data.layoutName, "Penn-13");  // from the clip that has poses
    ASSERT_EQ(data.clips.size(), 3u);       // the model's prediction stays out
    EXPECT_TRUE(read->skipped.empty());
    for (const train::LabelledClip& clip : data.clips) {
        EXPECT_EQ(clip.skeleton.frames, 10);
        EXPECT_EQ(clip.skeleton.joints, 13);
        ASSERT_EQ(clip.skeleton.values.size(), size_t(3 * 10 * 13));
    }
    EXPECT_FLOAT_EQ(data.clips[0].skeleton.at(0, 0, 0), 100.0f);  // alice's pose, frame 0
    for (int c : {1, 2}) {
        const train::LabelledClip& poseless = data.clips[size_t(c)];
        for (float v : poseless.skeleton.values) ASSERT_EQ(v, 0.0f);  // confidence 0: the whole frame
    }
    EXPECT_EQ(data.clips[1].subjectId, 0);
    EXPECT_EQ(data.clips[1].labels[0], 11);  // squat
    EXPECT_EQ(data.clips[2].subjectId, p->bob);
    EXPECT_EQ(data.clips[2].labels[0], 3);  // bowl
}

TEST(ProjectDataset, WithoutAnyPoseAVideoDatasetTakesTheProjectsFirstLayout) {
    auto p = testing::makeSmallProject();
    annotation::ProjectStore& store = *p->store;
    ASSERT_TRUE(store.removeSkeletonFrames(p->videoId, 0, 100000).ok());
    ASSERT_TRUE(store.insertSegment(testing::segment(p->videoId, p->alice, 4, 8, {{"action", "squat"}})).ok());
    EXPECT_FALSE(readLabelledDataset(store).ok());  // a skeleton model has nothing to read
    DatasetReadOptions options;
    options.keepClipsWithoutSkeleton = true;
    Result<DatasetReadReport> read = readLabelledDataset(store, options);
    ASSERT_TRUE(read.ok()) << read.error();
    ASSERT_EQ(read->dataset.clips.size(), 1u);
    EXPECT_EQ(read->dataset.layoutName, store.skeletonLayouts().front().name);
    EXPECT_EQ(read->dataset.clips[0].skeleton.joints, read->dataset.layout.jointCount);
    EXPECT_EQ(read->dataset.clips[0].skeleton.frames, 5);
}

}  // namespace
}  // namespace actionlens::clips
