// PoseEstimationWorker: progress per frame, landmarks per video, cancellation, and the
// missing-models message. Called directly on the test thread, so its signals arrive at once.

#include "pose_test_support.h"
#include "ui/jobs/pose_estimation_worker.h"

#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace actionlens;
using actionlens::ui::PoseEstimationWorker;

namespace {

ui::PoseEstimationRequest liteRequest(const std::vector<ui::PoseVideoRequest>& videos) {
    ui::PoseEstimationRequest request;
    request.videos = videos;
    request.model = pose::LandmarkModel::Lite;
    request.layoutName = QStringLiteral("COCO-17");
    return request;
}

ui::PoseVideoRequest astronautVideo(const QTemporaryDir& dir, std::int64_t id) {
    const QString frames = dir.filePath(QStringLiteral("frames%1").arg(id));
    QDir().mkpath(frames);
    for (int i = 1; i <= 3; ++i) QFile::copy(uitest::astronautImage(), QDir(frames).filePath(QStringLiteral("frame_000%1.png").arg(i)));
    return {id, frames, QStringLiteral("astronaut"), 3, 512, 512};
}

}  // namespace

TEST(PoseEstimationWorker, MissingModelsFailTheRequestNamingTheInstallScript) {
    QTemporaryDir empty;
    PoseEstimationWorker worker;
    QSignalSpy failed(&worker, &PoseEstimationWorker::videoFailed);
    QSignalSpy estimated(&worker, &PoseEstimationWorker::videoEstimated);
    QSignalSpy finished(&worker, &PoseEstimationWorker::finished);
    auto request = liteRequest({{1, QStringLiteral("/nonexistent/clip.mp4"), QStringLiteral("clip"), 0, 0, 0}});
    request.modelDirectory = empty.path();
    worker.estimate(request);
    ASSERT_EQ(failed.count(), 1);
    const auto failure = failed.front().front().value<ui::PoseVideoFailure>();
    EXPECT_EQ(failure.videoId, 0);
    EXPECT_TRUE(failure.message.contains(QStringLiteral("packaging/install-pose-models.sh"))) << failure.message.toStdString();
    EXPECT_TRUE(failure.message.contains(empty.path())) << failure.message.toStdString();
    EXPECT_EQ(estimated.count(), 0);
    ASSERT_EQ(finished.count(), 1);
    EXPECT_FALSE(finished.front().front().toBool());
}

TEST(PoseEstimationWorker, ReportsEveryFrameAndHandsBackEachVideosLandmarks) {
    ACTIONLENS_REQUIRE_LITE_POSE_MODEL();
    QTemporaryDir dir;
    PoseEstimationWorker worker;
    std::vector<ui::PoseEstimationProgress> progress;
    QObject::connect(&worker, &PoseEstimationWorker::progress, [&](const ui::PoseEstimationProgress& p) { progress.push_back(p); });
    QSignalSpy estimated(&worker, &PoseEstimationWorker::videoEstimated);
    QSignalSpy failed(&worker, &PoseEstimationWorker::videoFailed);
    // The second video is not what the project records (4 frames): an error naming it, and the
    // third still runs.
    ui::PoseVideoRequest wrong = astronautVideo(dir, 2);
    wrong.frameCount = 4;
    worker.estimate(liteRequest({astronautVideo(dir, 1), wrong, astronautVideo(dir, 3)}));

    ASSERT_EQ(progress.size(), 9u);
    for (std::size_t i = 0; i < progress.size(); ++i) {
        EXPECT_EQ(progress[i].video, int(i / 3));
        EXPECT_EQ(progress[i].videoCount, 3);
        EXPECT_EQ(progress[i].frame, std::int64_t(i % 3 + 1));
        EXPECT_EQ(progress[i].frameCount, 3);
    }
    ASSERT_EQ(failed.count(), 1);
    const auto failure = failed.front().front().value<ui::PoseVideoFailure>();
    EXPECT_EQ(failure.videoId, 2);
    EXPECT_TRUE(failure.message.contains(wrong.path)) << failure.message.toStdString();
    ASSERT_EQ(estimated.count(), 2);
    for (int i = 0; i < 2; ++i) {
        const auto estimate = estimated.at(i).front().value<ui::PoseVideoEstimate>();
        EXPECT_EQ(estimate.videoId, i == 0 ? 1 : 3);
        EXPECT_EQ(estimate.layoutName, QStringLiteral("COCO-17"));
        EXPECT_EQ(estimate.modelName, QStringLiteral("lite"));
        ASSERT_TRUE(estimate.result);
        EXPECT_EQ(estimate.result->frames.size(), 3u);
        EXPECT_EQ(estimate.result->framesWithPose(), 3);
        EXPECT_EQ(estimate.result->width, 512);
    }
}

TEST(PoseEstimationWorker, CancelStopsTheVideoInProgressAndHandsNothingOfItBack) {
    ACTIONLENS_REQUIRE_LITE_POSE_MODEL();
    QTemporaryDir dir;
    PoseEstimationWorker worker;
    int framesDone = 0;
    QObject::connect(&worker, &PoseEstimationWorker::progress, [&](const ui::PoseEstimationProgress& p) {
        ++framesDone;
        if (p.frame == 1) worker.cancel();  // as the GUI thread would, after the first frame
    });
    QSignalSpy estimated(&worker, &PoseEstimationWorker::videoEstimated);
    QSignalSpy failed(&worker, &PoseEstimationWorker::videoFailed);
    QSignalSpy finished(&worker, &PoseEstimationWorker::finished);
    worker.estimate(liteRequest({astronautVideo(dir, 1), astronautVideo(dir, 2)}));
    EXPECT_EQ(framesDone, 1);
    EXPECT_EQ(estimated.count(), 0);
    EXPECT_EQ(failed.count(), 0);  // cancelled is not a failure
    ASSERT_EQ(finished.count(), 1);
    EXPECT_TRUE(finished.front().front().toBool());
}
