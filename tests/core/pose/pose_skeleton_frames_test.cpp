// Pose estimates into a project: layout mapping, source and confidence, one transaction.

#include "core/pose/pose_skeleton_frames.h"

#include <gtest/gtest.h>

#include <filesystem>

#include <unistd.h>

namespace actionlens::pose {
namespace {

std::vector<FramePose> twoFramesOneFound() {
    std::vector<FramePose> frames(2);
    frames[0].frame = 4;
    frames[0].estimate.found = true;
    frames[0].estimate.landmarks.resize(33);
    for (int i = 0; i < 33; ++i) frames[0].estimate.landmarks[i] = {10.0f + i, 20.0f + i, 0.0f, i == 0 ? 0.3f : 0.9f, 1.0f};
    frames[1].frame = 5;  // no pose: nothing stored
    return frames;
}

const annotation::SkeletonLayout& layoutNamed(const std::string& name) {
    for (const auto& layout : annotation::builtinSkeletonLayouts()) {
        if (layout.name == name) return layout;
    }
    throw std::runtime_error("no layout " + name);
}

TEST(PoseSkeletonFrames, MapsOntoTheLayoutWithVisibilityAsConfidence) {
    const auto skeletons = skeletonFramesFromPoses(twoFramesOneFound(), 7, 3, layoutNamed("Penn-13"));
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
        EXPECT_EQ(stored->frames, 1);
        auto frames = store.value()->skeletonFrames(videoId.value(), 0, 9);
        ASSERT_TRUE(frames.ok()) << frames.error();
        ASSERT_EQ(frames->size(), 1u);
        EXPECT_EQ(frames->front().layoutId, coco.id);
        EXPECT_EQ(frames->front().joints.size(), 17u);
        EXPECT_EQ(frames->front().subjectId, stored->subjectId);

        // Again under the same subject: frame 4 exists, so nothing is written.
        auto again = storePoseSkeletons(*store.value(), videoId.value(), coco, stored->subjectId, "", twoFramesOneFound());
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

}  // namespace
}  // namespace actionlens::pose
