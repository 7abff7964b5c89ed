// Pose estimates into a project: layout mapping, source and confidence, one transaction.

#include "core/pose/pose_skeleton_frames.h"

#include <gtest/gtest.h>

#include <filesystem>

#include <unistd.h>

namespace actionlens::pose {
namespace {

PersonPose personAt(int person, float x) {
    PersonPose p;
    p.person = person;
    p.estimate.found = true;
    p.estimate.landmarks.resize(33);
    for (int i = 0; i < 33; ++i) p.estimate.landmarks[i] = {x + i, 20.0f + i, 0.0f, i == 0 ? 0.3f : 0.9f, 1.0f};
    return p;
}

std::vector<FramePose> twoFramesOneFound() {
    std::vector<FramePose> frames(2);
    frames[0].frame = 4;
    frames[0].people.push_back(personAt(1, 10.0f));
    frames[1].frame = 5;  // no pose: nothing stored
    return frames;
}

std::string subjectName(annotation::ProjectStore& store, std::int64_t id) {
    auto subjects = store.subjects();
    if (subjects.ok())
        for (const annotation::Subject& s : subjects.value())
            if (s.id == id) return s.name;
    return "(no subject " + std::to_string(id) + ")";
}

const annotation::SkeletonLayout& layoutNamed(const std::string& name) {
    for (const auto& layout : annotation::builtinSkeletonLayouts()) {
        if (layout.name == name) return layout;
    }
    throw std::runtime_error("no layout " + name);
}

TEST(PoseSkeletonFrames, MapsOntoTheLayoutWithVisibilityAsConfidence) {
    const auto skeletons = skeletonFramesFromPoses(twoFramesOneFound(), 1, 7, 3, layoutNamed("Penn-13"));
    ASSERT_EQ(skeletons.size(), 1u);
    const annotation::SkeletonFrame& s = skeletons[0];
    EXPECT_EQ(s.videoId, 7);
    EXPECT_EQ(s.subjectId, 3);
    EXPECT_EQ(s.frame, 4);
    EXPECT_EQ(s.source, annotation::PoseSource::Model);
    ASSERT_EQ(s.joints.size(), 13u);
    EXPECT_FLOAT_EQ(s.joints[0].x, 10.0f);  // head = nose
    EXPECT_FLOAT_EQ(s.joints[0].confidence, 0.3f);
    EXPECT_FALSE(s.joints[0].visible);
    EXPECT_FLOAT_EQ(s.joints[1].x, 10.0f + 11);  // left shoulder
    EXPECT_TRUE(s.joints[1].visible);
}

TEST(PoseSkeletonFrames, APeopleDetectorsBoxBecomesTheFramesBox) {
    std::vector<FramePose> frames = twoFramesOneFound();
    EXPECT_FALSE(skeletonFramesFromPoses(frames, 1, 7, 3, layoutNamed("Penn-13"))[0].box.has_value()) << "no box, none stored";
    frames[0].people[0].box = PersonBox{5.5, 12.0, 40.0, 90.0, true};
    const auto skeletons = skeletonFramesFromPoses(frames, 1, 7, 3, layoutNamed("Penn-13"));
    ASSERT_EQ(skeletons.size(), 1u);
    ASSERT_TRUE(skeletons[0].box.has_value());
    EXPECT_EQ(*skeletons[0].box, (annotation::SubjectBox{5.5f, 12.0f, 40.0f, 90.0f}));
}

TEST(PoseSkeletonFrames, StoresUnderANewSubjectAllOrNothing) {
    const std::string path = (std::filesystem::temp_directory_path() / ("pose_store_test_" + std::to_string(::getpid()) + ".alproj")).string();
    std::filesystem::remove(path);
    {
        auto store = annotation::ProjectStore::create(path);
        ASSERT_TRUE(store.ok()) << store.error();
        annotation::Video video;
        video.name = "clip";
        video.frameCount = 10;
        auto videoId = store.value()->insertVideo(video);
        ASSERT_TRUE(videoId.ok()) << videoId.error();
        ASSERT_NE(store.value()->skeletonLayout("COCO-17"), nullptr);
        const annotation::SkeletonLayout coco = *store.value()->skeletonLayout("COCO-17");

        auto stored = storePoseSkeletons(*store.value(), videoId.value(), coco, std::nullopt, "pose estimate", twoFramesOneFound());
        ASSERT_TRUE(stored.ok()) << stored.error();
        ASSERT_EQ(stored->people.size(), 1u);
        EXPECT_EQ(stored->frames(), 1);
        auto frames = store.value()->skeletonFrames(videoId.value(), 0, 9);
        ASSERT_TRUE(frames.ok()) << frames.error();
        ASSERT_EQ(frames->size(), 1u);
        EXPECT_EQ(frames->front().layoutId, coco.id);
        EXPECT_EQ(frames->front().joints.size(), 17u);
        EXPECT_EQ(frames->front().subjectId, stored->people[0].subjectId);
        EXPECT_EQ(subjectName(*store.value(), stored->people[0].subjectId), "pose estimate");

        // Again under the same subject: frame 4 exists, so nothing is written.
        auto again = storePoseSkeletons(*store.value(), videoId.value(), coco, stored->people[0].subjectId, "", twoFramesOneFound());
        EXPECT_FALSE(again.ok());
        // And a new subject is rolled back with the frames when the store fails.
        auto subjectsBefore = store.value()->subjects();
        ASSERT_TRUE(subjectsBefore.ok());
        auto bad = storePoseSkeletons(*store.value(), 999, coco, std::nullopt, "orphan", twoFramesOneFound());
        EXPECT_FALSE(bad.ok());
        EXPECT_EQ(store.value()->subjects()->size(), subjectsBefore->size());
    }
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
}

TEST(PoseSkeletonFrames, EachPersonFoundGetsASubjectOfItsOwn) {
    // Person 1 in frames 0-2, person 2 in frames 1-2 (far to the right), frame 3 nobody.
    std::vector<FramePose> frames(4);
    for (int f = 0; f < 4; ++f) frames[size_t(f)].frame = f;
    for (int f = 0; f < 3; ++f) frames[size_t(f)].people.push_back(personAt(1, 10.0f));
    for (int f = 1; f < 3; ++f) frames[size_t(f)].people.push_back(personAt(2, 300.0f));
    EXPECT_EQ(peopleIn(frames), (std::vector<int>{1, 2}));
    EXPECT_EQ(skeletonFramesFromPoses(frames, 2, 1, 9, layoutNamed("COCO-17")).size(), 2u);

    const std::string path = (std::filesystem::temp_directory_path() / ("pose_people_test_" + std::to_string(::getpid()) + ".alproj")).string();
    std::filesystem::remove(path);
    {
        auto store = annotation::ProjectStore::create(path);
        ASSERT_TRUE(store.ok()) << store.error();
        annotation::Video video;
        video.name = "two people";
        video.frameCount = 4;
        auto videoId = store.value()->insertVideo(video);
        ASSERT_TRUE(videoId.ok()) << videoId.error();
        const annotation::SkeletonLayout coco = *store.value()->skeletonLayout("COCO-17");
        // One given subject cannot take two people's poses.
        auto given = storePoseSkeletons(*store.value(), videoId.value(), coco, std::int64_t{1}, "", frames);
        ASSERT_FALSE(given.ok());
        EXPECT_NE(given.error().find("2 people"), std::string::npos) << given.error();

        auto stored = storePoseSkeletons(*store.value(), videoId.value(), coco, std::nullopt, "pose estimate", frames);
        ASSERT_TRUE(stored.ok()) << stored.error();
        ASSERT_EQ(stored->people.size(), 2u);
        EXPECT_EQ(stored->people[0].person, 1);
        EXPECT_EQ(stored->people[0].frames, 3);
        EXPECT_EQ(stored->people[1].person, 2);
        EXPECT_EQ(stored->people[1].frames, 2);
        EXPECT_EQ(stored->frames(), 5);
        EXPECT_NE(stored->people[0].subjectId, stored->people[1].subjectId);
        EXPECT_EQ(subjectName(*store.value(), stored->people[1].subjectId), "person 2, pose estimate");
        auto second = store.value()->skeletonFrames(videoId.value(), 0, 3, stored->people[1].subjectId);
        ASSERT_TRUE(second.ok()) << second.error();
        ASSERT_EQ(second->size(), 2u);
        EXPECT_EQ(second->front().frame, 1);
        EXPECT_FLOAT_EQ(second->front().joints[0].x, 300.0f);  // nose
    }
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
}

}  // namespace
}  // namespace actionlens::pose
