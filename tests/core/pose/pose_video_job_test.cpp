// Pose jobs over a video: progress, cancellation, tracking across frames (needs the models).

#include "core/pose/pose_video_job.h"
#include "tests/core/pose/pose_reference.h"

#include <gtest/gtest.h>

#include <filesystem>

#include <unistd.h>

namespace actionlens::pose {
namespace {

// A three-frame image folder of the reference picture in a fresh temporary folder.
std::string threeFrameClip() {
    const auto dir = std::filesystem::temp_directory_path() / ("pose_job_test_" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    for (int i = 1; i <= 3; ++i) {
        std::filesystem::copy_file(testing::poseDataDir() + "/astronaut.png", dir / ("frame_000" + std::to_string(i) + ".png"));
    }
    return dir.string();
}

TEST(PoseVideoJob, TracksEveryFrameAndReportsProgress) {
    ACTIONLENS_REQUIRE_POSE_MODELS(LandmarkModel::Lite);
    PoseEstimatorOptions options;
    options.model = LandmarkModel::Lite;
    auto estimator = PoseEstimator::create(options);
    ASSERT_TRUE(estimator.ok()) << estimator.error();
    const std::string clip = threeFrameClip();
    std::vector<std::int64_t> progress;
    PoseVideoCallbacks callbacks;
    callbacks.progress = [&](std::int64_t done, std::int64_t total) {
        EXPECT_EQ(total, 3);
        progress.push_back(done);
    };
    auto result = estimatePosesInVideo(estimator.value(), clip, 10.0, callbacks);
    ASSERT_TRUE(result.ok()) << result.error();
    EXPECT_EQ(progress, (std::vector<std::int64_t>{1, 2, 3}));
    ASSERT_EQ(result->frames.size(), 3u);
    EXPECT_EQ(result->framesWithPose(), 3);
    EXPECT_EQ(result->width, 512);
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(result->frames[i].frame, i);
        EXPECT_DOUBLE_EQ(result->frames[i].seconds, i / 10.0);
        EXPECT_EQ(result->frames[i].detectorRan, i == 0);
        ASSERT_EQ(result->frames[i].people.size(), 1u);
        EXPECT_EQ(result->frames[i].people[0].person, 1);
    }

    int asked = 0;
    PoseVideoCallbacks cancelling;
    cancelling.shouldCancel = [&] { return ++asked > 1; };
    auto cancelled = estimatePosesInVideo(estimator.value(), clip, 10.0, cancelling);
    ASSERT_FALSE(cancelled.ok());
    EXPECT_NE(cancelled.error().find("cancelled at frame 1"), std::string::npos) << cancelled.error();
    std::filesystem::remove_all(clip);
}

TEST(PoseVideoJob, UnreadableInputIsAnErrorNamingIt) {
    ACTIONLENS_REQUIRE_POSE_MODELS(LandmarkModel::Lite);
    PoseEstimatorOptions options;
    options.model = LandmarkModel::Lite;
    auto estimator = PoseEstimator::create(options);
    ASSERT_TRUE(estimator.ok()) << estimator.error();
    auto video = estimatePosesInVideo(estimator.value(), "/nonexistent/clip.mp4");
    ASSERT_FALSE(video.ok());
    EXPECT_NE(video.error().find("/nonexistent/clip.mp4"), std::string::npos) << video.error();
    auto image = estimatePosesInImage(estimator.value(), "/nonexistent/picture.png");
    ASSERT_FALSE(image.ok());
    EXPECT_NE(image.error().find("/nonexistent/picture.png"), std::string::npos) << image.error();
}

}  // namespace
}  // namespace actionlens::pose

namespace actionlens::pose {
namespace {

FramePose frameWith(int index, std::vector<int> people) {
    FramePose f;
    f.frame = index;
    for (int person : people) {
        PersonPose p;
        p.person = person;
        p.estimate.found = true;
        f.people.push_back(p);
    }
    return f;
}

TEST(PoseVideoJob, FleetingPeopleAreDroppedAndTheRestNumberedInOrderOfAppearance) {
    // Person 4 appears first and stays, 2 flickers for one frame, 7 comes later and stays, 9 for two frames.
    std::vector<FramePose> frames = {frameWith(0, {4}), frameWith(1, {2, 4}), frameWith(2, {4, 7, 9}), frameWith(3, {4, 7, 9}),
                                     frameWith(4, {7})};
    EXPECT_EQ(dropFleetingPeople(frames, 3), 2);
    EXPECT_EQ(peopleIn(frames), (std::vector<int>{1, 2}));
    std::vector<std::vector<int>> numbers;
    for (const FramePose& f : frames) {
        numbers.emplace_back();
        for (const PersonPose& p : f.people) numbers.back().push_back(p.person);
    }
    EXPECT_EQ(numbers, (std::vector<std::vector<int>>{{1}, {1}, {1, 2}, {1, 2}, {2}}));
    std::vector<FramePose> kept = {frameWith(0, {3}), frameWith(1, {5})};
    EXPECT_EQ(dropFleetingPeople(kept, 1), 0);
    EXPECT_EQ(peopleIn(kept), (std::vector<int>{1, 2}));
}

}  // namespace
}  // namespace actionlens::pose
