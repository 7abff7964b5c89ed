// PoseEstimationRun: the worker's landmarks stored through the open document's store (one
// transaction per video), the document's skeletons reloaded, nothing stored for a cancelled
// video.

#include "pose_test_support.h"
#include "ui/document/project_document.h"
#include "ui/jobs/pose_estimation_run.h"
#include "ui_project_fixture.h"
#include "ui_test_wait.h"

#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>

using namespace actionlens;
using actionlens::ui::PoseEstimationRun;
using actionlens::ui::PoseVideoOutcome;
using actionlens::ui::ProjectDocument;

namespace {

ui::PoseEstimationRequest liteRequest(const ProjectDocument& document, const std::vector<std::int64_t>& videos, const QString& layout) {
    ui::PoseEstimationRequest request;
    request.videos = PoseEstimationRun::videoRequests(document, videos);
    request.model = pose::LandmarkModel::Lite;
    request.layoutName = layout;
    return request;
}

}  // namespace

TEST(PoseEstimationRun, SeveralPeopleAreStoredAsOneSubjectEach) {
    ACTIONLENS_REQUIRE_LITE_POSE_MODEL();
    QTemporaryDir dir;
    std::int64_t video = 0;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::astronautProject(dir.path(), &video, 2)), QString());
    document.setCurrentVideo(video);
    PoseEstimationRun run(document);
    QSignalSpy finished(&run, &PoseEstimationRun::finished);
    ui::PoseEstimationRequest request = liteRequest(document, {video}, QStringLiteral("COCO-17"));
    request.maxPeople = 2;
    request.minScore = 0.3f;  // side by side each astronaut is at half the detector's scale (scores 0.49, 0.71)
    ASSERT_TRUE(run.start(request));
    ASSERT_TRUE(uitest::waitUntil([&] { return finished.count() == 1; }, 120000));
    ASSERT_EQ(run.outcomes().size(), 1u);
    const PoseVideoOutcome& outcome = run.outcomes().front();
    ASSERT_EQ(outcome.state, PoseVideoOutcome::State::Stored) << outcome.message.toStdString();
    ASSERT_EQ(outcome.subjectIds.size(), 2u);
    EXPECT_EQ(outcome.framesStored, 6);
    EXPECT_EQ(outcome.framesWithPose, 3);
    std::vector<std::int64_t> shown = document.subjectsOfCurrentVideo();
    std::sort(shown.begin(), shown.end());
    EXPECT_EQ(shown, outcome.subjectIds);
    EXPECT_EQ(document.skeletonsAt(1).size(), 2u);
    EXPECT_EQ(document.undoStack().count(), 1);  // both people in one step
    document.undoStack().undo();
    EXPECT_TRUE(document.subjectsOfCurrentVideo().empty());
}

TEST(PoseEstimationRun, StoresModelSkeletonsOfTheChosenLayoutAndReloadsTheDocument) {
    ACTIONLENS_REQUIRE_LITE_POSE_MODEL();
    QTemporaryDir dir;
    std::int64_t video = 0;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::astronautProject(dir.path(), &video)), QString());
    document.setCurrentVideo(video);
    ASSERT_TRUE(document.skeletonPresence().empty());
    EXPECT_EQ(PoseEstimationRun::defaultLayoutName(document, {video}), QStringLiteral("COCO-17"));  // no skeletons yet

    PoseEstimationRun run(document);
    QSignalSpy progress(&run, &PoseEstimationRun::progress);
    QSignalSpy skeletonsChanged(&document, &ProjectDocument::skeletonsChanged);
    QSignalSpy finished(&run, &PoseEstimationRun::finished);
    ASSERT_TRUE(run.start(liteRequest(document, {video}, QStringLiteral("COCO-17"))));
    EXPECT_TRUE(run.isRunning());
    ASSERT_TRUE(uitest::waitUntil([&] { return finished.count() == 1; }, 120000));
    EXPECT_FALSE(finished.front().front().toBool());
    EXPECT_FALSE(run.isRunning());
    EXPECT_EQ(progress.count(), 3);

    ASSERT_EQ(run.outcomes().size(), 1u);
    const PoseVideoOutcome& outcome = run.outcomes().front();
    ASSERT_EQ(outcome.state, PoseVideoOutcome::State::Stored) << outcome.message.toStdString();
    EXPECT_EQ(outcome.framesStored, 3);
    EXPECT_EQ(outcome.framesWithPose, 3);
    EXPECT_EQ(outcome.framesTotal, 3);
    ASSERT_EQ(outcome.subjectIds.size(), 1u);
    const std::int64_t subject = outcome.subjectIds.front();

    // On disk: three COCO-17 frames of source "model" under the new subject.
    auto stored = document.store().skeletonFrames(video, 0, 2);
    ASSERT_TRUE(stored.ok()) << stored.error();
    ASSERT_EQ(stored->size(), 3u);
    const annotation::SkeletonLayout* coco = document.store().skeletonLayout("COCO-17");
    ASSERT_NE(coco, nullptr);
    for (const annotation::SkeletonFrame& frame : stored.value()) {
        EXPECT_EQ(frame.source, annotation::PoseSource::Model);
        EXPECT_EQ(frame.subjectId, subject);
        EXPECT_EQ(frame.layoutId, coco->id);
        ASSERT_EQ(frame.joints.size(), coco->joints.size());
        int visible = 0;
        for (const annotation::Joint& joint : frame.joints) {
            visible += joint.visible;
            EXPECT_GE(joint.confidence, 0.0f);
            EXPECT_LE(joint.confidence, 1.0f);
        }
        EXPECT_GT(visible, 8) << "frame " << frame.frame;  // a whole person faces the camera
    }
    // What the overlays and the skeleton lane read: reloaded without reopening.
    EXPECT_GE(skeletonsChanged.count(), 1);
    EXPECT_EQ(document.skeletonPresence().size(), 3u);
    EXPECT_EQ(document.skeletonsAt(1).size(), 1u);
    ASSERT_NE(document.subject(subject), nullptr);
    EXPECT_EQ(document.subjectsOfCurrentVideo(), std::vector<std::int64_t>{subject});
    // The project's layout for this video is now COCO-17.
    EXPECT_EQ(PoseEstimationRun::defaultLayoutName(document, {video}), QStringLiteral("COCO-17"));

    EXPECT_EQ(document.undoStack().count(), 1);  // one undoable step per video (store_pose_estimate_command_test)
}

TEST(PoseEstimationRun, CancelMidWayLeavesTheProjectUnchanged) {
    ACTIONLENS_REQUIRE_LITE_POSE_MODEL();
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    const auto before = document.store().counts();
    ASSERT_TRUE(before.ok());
    const std::int64_t first = document.videos()[0].id, second = document.videos()[1].id;
    ASSERT_GT(document.videos()[0].frameCount, 10);

    PoseEstimationRun run(document);
    int progressSeen = 0;
    QObject::connect(&run, &PoseEstimationRun::progress, [&](const ui::PoseEstimationProgress& p) {
        ++progressSeen;
        if (progressSeen == 1) run.cancel();
        EXPECT_EQ(p.videoId, first);
    });
    QSignalSpy finished(&run, &PoseEstimationRun::finished);
    ASSERT_TRUE(run.start(liteRequest(document, {first, second}, QStringLiteral("Penn-13"))));
    ASSERT_TRUE(uitest::waitUntil([&] { return finished.count() == 1; }, 120000));
    EXPECT_TRUE(finished.front().front().toBool());
    EXPECT_GE(progressSeen, 1);
    ASSERT_EQ(run.outcomes().size(), 2u);
    for (const PoseVideoOutcome& outcome : run.outcomes()) EXPECT_EQ(outcome.state, PoseVideoOutcome::State::Cancelled);

    const auto after = document.store().counts();
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->subjects, before->subjects);
    EXPECT_EQ(after->skeletonFrames, before->skeletonFrames);
    // And on disk, read by a fresh connection once the GUI's is closed.
    const QString path = document.path();
    document.close();
    auto reopened = annotation::ProjectStore::open(path.toStdString());
    ASSERT_TRUE(reopened.ok()) << reopened.error();
    auto counts = reopened.value()->counts();
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->skeletonFrames, before->skeletonFrames);
    EXPECT_EQ(counts->subjects, before->subjects);
}

TEST(PoseEstimationRun, RefusesWithoutAProjectOrWithALayoutTheProjectLacks) {
    ProjectDocument document;
    PoseEstimationRun run(document);
    ui::PoseEstimationRequest request;
    request.layoutName = QStringLiteral("COCO-17");
    request.videos = {{1, QStringLiteral("/x.mp4"), QStringLiteral("x"), 0, 0, 0}};
    EXPECT_FALSE(run.start(request));
    ASSERT_EQ(run.outcomes().size(), 1u);
    EXPECT_EQ(run.outcomes().front().state, PoseVideoOutcome::State::Failed);

    ASSERT_EQ(document.open(uitest::renderedProject()), QString());
    request.videos = PoseEstimationRun::videoRequests(document, {document.videos()[0].id, 999999});
    EXPECT_EQ(request.videos.size(), 1u);  // an unknown id is skipped
    request.layoutName = QStringLiteral("No-Such-Layout");
    EXPECT_FALSE(run.start(request));
    EXPECT_FALSE(run.isRunning());
    EXPECT_TRUE(run.outcomes().front().message.contains(QStringLiteral("No-Such-Layout")));
    // The fixture's skeletons are Penn-13: that is the default for its videos.
    EXPECT_EQ(PoseEstimationRun::defaultLayoutName(document, {document.videos()[0].id}), QStringLiteral("Penn-13"));
}

TEST(PoseEstimationRun, ClosingTheProjectCancelsAndStoresNothing) {
    ACTIONLENS_REQUIRE_LITE_POSE_MODEL();
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    const QString path = document.path();
    const auto before = document.store().counts();
    ASSERT_TRUE(before.ok());
    PoseEstimationRun run(document);
    QObject::connect(&run, &PoseEstimationRun::progress, &document, [&] {
        if (document.isOpen()) document.close();
    });
    QSignalSpy finished(&run, &PoseEstimationRun::finished);
    ASSERT_TRUE(run.start(liteRequest(document, {document.videos()[0].id}, QStringLiteral("COCO-17"))));
    ASSERT_TRUE(uitest::waitUntil([&] { return finished.count() == 1; }, 120000));
    EXPECT_TRUE(finished.front().front().toBool());
    for (const PoseVideoOutcome& outcome : run.outcomes()) EXPECT_NE(outcome.state, PoseVideoOutcome::State::Stored);
    auto reopened = annotation::ProjectStore::open(path.toStdString());
    ASSERT_TRUE(reopened.ok()) << reopened.error();
    auto counts = reopened.value()->counts();
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ(counts->skeletonFrames, before->skeletonFrames);
    EXPECT_EQ(counts->subjects, before->subjects);
}
