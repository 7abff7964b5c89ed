// The live pipeline on a video of a person played as a camera (lavfi movie=): poses per frame
// on the model's layout, the model's answers per person, frames dropped rather than queued, the
// end of the input reported as the camera stopping; cancelling an endless camera.

#include "core/live/live_pipeline.h"
#include "tests/core/live/live_test_support.h"
#include "tests/core/predict/predict_fixtures.h"

#include <gtest/gtest.h>

namespace actionlens::live {
namespace {

pose::PoseEstimatorOptions liteOptions() {
    pose::PoseEstimatorOptions options;
    options.model = pose::LandmarkModel::Lite;
    return options;
}

TEST(LivePipeline, PosesAndAnswersOfAPersonInAVideoPlayedAsACamera) {
    ACTIONLENS_REQUIRE_LITE_POSE_MODEL();
    auto project = predict::testing::makeTrainedProject();
    ASSERT_TRUE(project->model);
    const std::string video = testing::astronautVideo(12);
    auto camera = media::CameraSource::open(media::movieCameraDevice(video));
    ASSERT_TRUE(camera.ok()) << camera.error();
    auto estimator = pose::PoseEstimator::create(liteOptions());
    ASSERT_TRUE(estimator.ok()) << estimator.error();
    LiveActionWindows windows(*project->model, project->snapshot);
    LivePipelineOptions options;
    options.layout = *project->layout;
    options.windows = &windows;
    std::vector<LiveFrame> frames;
    LiveCallbacks callbacks;
    callbacks.frame = [&](LiveFrame f) { frames.push_back(std::move(f)); };
    const LiveOutcome outcome = runLivePipeline(*camera.value(), estimator.value(), options, callbacks);

    EXPECT_FALSE(outcome.cancelled);
    EXPECT_NE(outcome.stopped.find("the camera stopped"), std::string::npos) << outcome.stopped;
    EXPECT_NE(outcome.stopped.find("ended"), std::string::npos) << outcome.stopped;
    EXPECT_EQ(outcome.counts.read, 12);
    EXPECT_EQ(outcome.processed + outcome.counts.dropped, 12) << "each frame processed or dropped, none queued";
    ASSERT_EQ(std::int64_t(frames.size()), outcome.processed);
    ASSERT_FALSE(frames.empty());
    int withPerson = 0;
    for (size_t i = 0; i < frames.size(); ++i) {
        const LiveFrame& f = frames[i];
        EXPECT_EQ(f.processed, std::int64_t(i));
        ASSERT_TRUE(f.picture);
        EXPECT_EQ(f.picture->width, 512);
        if (i > 0) EXPECT_GT(f.picture->index, frames[i - 1].picture->index);
        ASSERT_LE(f.people.size(), 1u);
        if (f.people.empty()) continue;
        ++withPerson;
        const annotation::SkeletonFrame& s = f.people[0].skeleton;
        EXPECT_EQ(f.people[0].person, 1);
        ASSERT_EQ(s.joints.size(), 13u) << "on the model's layout (Penn-13)";
        EXPECT_EQ(s.layoutId, project->layout->id);
        for (const annotation::Joint& j : s.joints)
            if (j.visible) EXPECT_TRUE(j.x >= 0 && j.x < 512 && j.y >= 0 && j.y < 512);
        ASSERT_EQ(f.answers.size(), 1u);
        EXPECT_EQ(f.answers[0].person, 1);
        EXPECT_EQ(f.answers[0].tasks.size(), project->snapshot.tasks.size());
    }
    EXPECT_EQ(withPerson, int(frames.size())) << "the astronaut is found on every frame";
    std::filesystem::remove(video);
}

TEST(LivePipeline, PosesWithoutAModelAndCancelling) {
    ACTIONLENS_REQUIRE_LITE_POSE_MODEL();
    const std::string video = testing::astronautVideo(5);
    auto camera = media::CameraSource::open(media::movieCameraDevice(video, true));  // loops: endless
    ASSERT_TRUE(camera.ok()) << camera.error();
    auto estimator = pose::PoseEstimator::create(liteOptions());
    ASSERT_TRUE(estimator.ok()) << estimator.error();
    LivePipelineOptions options;
    options.layout = annotation::builtinSkeletonLayouts().front();
    int seen = 0;
    LiveCallbacks callbacks;
    callbacks.frame = [&](LiveFrame f) {
        ++seen;
        EXPECT_TRUE(f.answers.empty());
        EXPECT_EQ(f.people.size(), 1u);
    };
    callbacks.shouldCancel = [&] { return seen >= 3; };
    const LiveOutcome outcome = runLivePipeline(*camera.value(), estimator.value(), options, callbacks);
    EXPECT_TRUE(outcome.cancelled);
    EXPECT_EQ(outcome.processed, 3);
    std::filesystem::remove(video);
}

TEST(LivePipeline, AnUnreadableMovieIsAClearError) {
    auto camera = media::CameraSource::open(media::movieCameraDevice("/nonexistent/clip.mp4"));
    ASSERT_FALSE(camera.ok());
    EXPECT_NE(camera.error().find("/nonexistent/clip.mp4"), std::string::npos) << camera.error();
}

}  // namespace
}  // namespace actionlens::live
