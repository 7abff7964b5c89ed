// ExplanationSession: a run's model explained for a stretch of a video in the background, cached
// so that asking again answers at once, and only the latest of the requests made while one is
// computed is computed next.

#include "learning/learning_fixture.h"
#include "ui/explain/explanation_session.h"
#include "ui_project_fixture.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

ExplanationRequest requestFor(const annotation::TrainingRun& run, const annotation::Segment& segment) {
    ExplanationRequest r;
    r.runId = run.id;
    r.checkpointPath = run.checkpointPath;
    r.videoId = segment.videoId;
    r.subjectId = segment.subjectId;
    r.firstFrame = segment.firstFrame;
    r.lastFrame = segment.lastFrame;
    return r;
}

}  // namespace

TEST(ExplanationSession, ExplainsEveryHeadOfAStretchAndCachesIt) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    const annotation::TrainingRun run = uitest::trainOnce(document);
    document.setCurrentVideo(document.videos().front().id);
    ASSERT_GE(document.segments().size(), 2u);
    const annotation::Segment first = document.segments()[0], second = document.segments()[1];

    ExplanationSession session(document);
    std::vector<std::shared_ptr<const ExplanationResult>> ready;
    std::vector<QString> failures;
    QObject::connect(&session, &ExplanationSession::ready, [&](auto r) { ready.push_back(r); });
    QObject::connect(&session, &ExplanationSession::failed, [&](const QString& m) { failures.push_back(m); });
    EXPECT_EQ(session.request(requestFor(run, first)), nullptr) << "computed in the background";
    EXPECT_TRUE(session.isBusy());
    ASSERT_TRUE(uitest::waitUntil([&] { return !ready.empty() || !failures.empty(); }, 60000));
    ASSERT_TRUE(failures.empty()) << failures.front().toStdString();
    const ExplanationResult& result = *ready.front();
    EXPECT_EQ(result.clip.firstFrame, first.firstFrame);
    EXPECT_EQ(result.lastFrame(), first.lastFrame);
    EXPECT_EQ(result.skeleton.frames, int(first.lastFrame - first.firstFrame + 1));
    EXPECT_EQ(result.jointNames.size(), 13u);
    ASSERT_GE(result.heads.size(), 3u) << "every head of the model";
    EXPECT_EQ(result.heads.front().taskName, "action");
    ASSERT_NE(result.heads.front().stream(explain::Stream::Skeleton), nullptr);
    EXPECT_EQ(result.heads.front().stream(explain::Stream::Skeleton)->map.frames, 16) << "the run's clip frames";

    // Asked again: answered at once from the cache, no job.
    EXPECT_EQ(session.request(requestFor(run, first)), ready.front());
    EXPECT_FALSE(session.isBusy());

    // While one computes, only the latest request waits: the one in between is skipped.
    ready.clear();
    ExplanationRequest occlusion = requestFor(run, first);
    occlusion.method = explain::ExplanationMethod::Occlusion;
    ExplanationRequest skipped = requestFor(run, second);
    ExplanationRequest latest = requestFor(run, second);
    latest.method = explain::ExplanationMethod::Attention;
    EXPECT_EQ(session.request(occlusion), nullptr);
    EXPECT_EQ(session.request(skipped), nullptr);
    EXPECT_EQ(session.request(latest), nullptr);
    ASSERT_TRUE(uitest::waitUntil([&] { return ready.size() == 2u && !session.isBusy(); }, 60000));
    EXPECT_EQ(ready[0]->request.key(), occlusion.key());
    EXPECT_EQ(ready[1]->request.key(), latest.key());
    EXPECT_EQ(session.cached(skipped), nullptr);
    EXPECT_EQ(ready[1]->heads.front().method, explain::ExplanationMethod::Attention);
}

TEST(ExplanationSession, AMissingModelFileIsReported) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    document.setCurrentVideo(document.videos().front().id);
    annotation::TrainingRun run;
    run.id = 5;
    run.checkpointPath = dir.filePath(QStringLiteral("models/gone.alm")).toStdString();
    ExplanationSession session(document);
    QString failure;
    QObject::connect(&session, &ExplanationSession::failed, [&](const QString& m) { failure = m; });
    EXPECT_EQ(session.request(requestFor(run, document.segments().front())), nullptr);
    ASSERT_TRUE(uitest::waitUntil([&] { return !failure.isEmpty(); }, 60000));
    EXPECT_TRUE(failure.contains(QStringLiteral("gone.alm"))) << failure.toStdString();
    EXPECT_FALSE(session.isBusy());
}
