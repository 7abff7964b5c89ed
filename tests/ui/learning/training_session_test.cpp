// TrainingSession + TrainingDashboard: a real (tiny) training run from the window's side, in the
// background, recorded in the project and drawn live; stop after an epoch, cancel; and the
// longest stall of the GUI event loop while it trains (measured and printed, never asserted:
// tests do not assert times; the README reports it).

#include "core/annotation/project_store.h"
#include "ui/document/project_document.h"
#include "ui/learning/training_dashboard.h"
#include "ui/learning/training_session.h"
#include "learning/learning_fixture.h"
#include "ui_project_fixture.h"
#include "ui_test_wait.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <qcustomplot.h>

#include <gtest/gtest.h>

#include <cstdio>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

TrainingSettings tinySettings(int epochs) { return uitest::tinyTrainingSettings(epochs); }

using Finished = std::pair<annotation::RunStatus, QString>;

// The session's finished() as it came, once it came.
std::optional<Finished>& recordFinished(TrainingSession& session, std::optional<Finished>& finished) {
    QObject::connect(&session, &TrainingSession::finished, [&finished](annotation::RunStatus status, const QString& message) {
        finished = Finished{status, message};
    });
    return finished;
}

}  // namespace

TEST(TrainingSession, TrainsInTheBackgroundRecordsTheRunAndDrawsItLive) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    TrainingSession session(document);
    TrainingDashboard dashboard;
    dashboard.resize(1200, 600);
    dashboard.show();
    QSignalSpy started(&session, &TrainingSession::started);
    QSignalSpy epochs(&session, &TrainingSession::epochDone);
    std::optional<Finished> finished;
    recordFinished(session, finished);
    ASSERT_EQ(session.start(tinySettings(3)), QString());
    dashboard.follow(&session);
    EXPECT_TRUE(session.isRunning());
    EXPECT_EQ(session.start(tinySettings(3)), QStringLiteral("A training run is going already."));

    // The event loop's longest pause while the model trains and the dashboard redraws.
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0, longest = 0;
    QTimer probe;
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.elapsed();
        longest = std::max(longest, now - last);
        last = now;
    });
    probe.start();
    ASSERT_TRUE(uitest::waitUntil([&] { return finished.has_value(); }, 240000));
    probe.stop();
    std::printf("[ measure  ] longest GUI event-loop stall while training live: %lld ms (over %lld ms)\n",
                static_cast<long long>(longest), static_cast<long long>(clock.elapsed()));

    ASSERT_EQ(finished->first, annotation::RunStatus::Finished) << finished->second.toStdString();
    EXPECT_EQ(started.count(), 1);
    EXPECT_EQ(epochs.count(), 3);
    EXPECT_FALSE(session.isRunning());
    EXPECT_TRUE(QFileInfo::exists(session.checkpointPath())) << session.checkpointPath().toStdString();
    EXPECT_TRUE(session.checkpointPath().contains(QStringLiteral("/models/run 1.alm")) ||
                session.checkpointPath().contains(QStringLiteral("/models/run-1.alm")))
        << session.checkpointPath().toStdString();

    auto runs = document.store().runs();
    ASSERT_TRUE(runs.ok()) << runs.error();
    ASSERT_EQ(runs->size(), 1u);
    const annotation::TrainingRun& run = runs->front();
    EXPECT_EQ(run.id, session.runId());
    EXPECT_EQ(run.name, "run 1");
    EXPECT_EQ(run.status, annotation::RunStatus::Finished);
    EXPECT_EQ(run.origin, "window");
    EXPECT_GT(run.endedMs, run.startedMs - 1);
    EXPECT_EQ(QJsonDocument::fromJson(QByteArray::fromStdString(run.historyJson)).array().size(), 3);
    EXPECT_EQ(QString::fromStdString(run.checkpointPath), session.checkpointPath());

    // The dashboard drew the curves it was given, on its timer.
    uitest::waitUntil([&] { return false; }, 400);
    ASSERT_EQ(dashboard.history().epochs().size(), 3u);
    EXPECT_GT(dashboard.replotCount(), 0);
    EXPECT_LT(dashboard.replotCount(), 200) << "redrawn on a timer, not per step";
    EXPECT_GE(dashboard.lossPlot()->graphCount(), 3) << "per task, all tasks, validation";
    EXPECT_EQ(dashboard.lossPlot()->graph(0)->dataCount(), 3);
    EXPECT_FALSE(dashboard.stopButton()->isEnabled());
    EXPECT_TRUE(dashboard.statusLabel()->text().contains(QStringLiteral("finished"))) << dashboard.statusLabel()->text().toStdString();
    EXPECT_TRUE(dashboard.notesLabel()->isHidden()) << "every task declares its mirroring: nothing to say";
}

TEST(TrainingSession, ATaskThatDeclaresNoMirroringIsNamedBeforeTheCurvesStart) {
    QTemporaryDir dir;
    const QString path = uitest::copyOfProject(dir);
    {
        auto store = annotation::ProjectStore::open(path.toStdString());
        ASSERT_TRUE(store.ok()) << store.error();
        annotation::Taxonomy taxonomy = store.value()->taxonomy();
        for (annotation::TaskDefinition& task : taxonomy.tasks)
            if (task.name == "handedness")
                for (annotation::TaskValue& value : task.values) value.mirror.clear();
        ASSERT_TRUE(store.value()->setTaxonomy(taxonomy).ok());
    }
    ProjectDocument document;
    ASSERT_EQ(document.open(path), QString());
    TrainingSession session(document);
    TrainingDashboard dashboard;
    std::optional<Finished> finished;
    recordFinished(session, finished);
    ASSERT_EQ(session.start(tinySettings(1)), QString());
    dashboard.follow(&session);
    ASSERT_TRUE(uitest::waitUntil([&] { return finished.has_value(); }, 240000));
    ASSERT_EQ(finished->first, annotation::RunStatus::Finished) << finished->second.toStdString();
    const QString notes = dashboard.notesLabel()->text();
    EXPECT_FALSE(dashboard.notesLabel()->isHidden());
    EXPECT_TRUE(notes.contains(QStringLiteral("task 'handedness' (its values 'right', 'left' look sided) declares no mirror map")))
        << notes.toStdString();
    EXPECT_EQ(document.store().run(session.runId())->message, notes.toStdString()) << "the run's record says it too";
}

TEST(TrainingSession, StopAfterAnEpochKeepsTheCheckpointAndSaysStopped) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    TrainingSession session(document);
    std::optional<Finished> finished;
    recordFinished(session, finished);
    QObject::connect(&session, &TrainingSession::epochDone, [&] { session.stopAfterEpoch(); });
    ASSERT_EQ(session.start(tinySettings(30)), QString());
    ASSERT_TRUE(uitest::waitUntil([&] { return finished.has_value(); }, 240000));
    EXPECT_EQ(finished->first, annotation::RunStatus::Stopped) << finished->second.toStdString();
    EXPECT_LT(session.history().epochs().size(), 30u);
    EXPECT_TRUE(QFileInfo::exists(session.checkpointPath()));
    auto run = document.store().run(session.runId());
    ASSERT_TRUE(run.ok());
    EXPECT_EQ(run->status, annotation::RunStatus::Stopped);
}

TEST(TrainingSession, AStoppedRunResumesInTheSameRecordUntilItsLastEpoch) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    TrainingSession session(document);
    std::optional<Finished> finished;
    recordFinished(session, finished);
    auto stopOnce = QObject::connect(&session, &TrainingSession::epochDone, [&] { session.stopAfterEpoch(); });
    ASSERT_EQ(session.start(tinySettings(4)), QString());
    ASSERT_TRUE(uitest::waitUntil([&] { return finished.has_value(); }, 240000));
    ASSERT_EQ(finished->first, annotation::RunStatus::Stopped) << finished->second.toStdString();
    QObject::disconnect(stopOnce);
    const std::int64_t id = session.runId();
    const size_t before = session.history().epochs().size();
    ASSERT_LT(before, 4u);

    const annotation::TrainingRun stopped = document.store().run(id).value();
    finished.reset();
    ASSERT_EQ(session.resume(stopped), QString());
    EXPECT_EQ(session.history().epochs().size(), before) << "the curves start with the epochs done";
    ASSERT_TRUE(uitest::waitUntil([&] { return finished.has_value(); }, 240000));
    EXPECT_EQ(finished->first, annotation::RunStatus::Finished) << finished->second.toStdString();
    EXPECT_EQ(session.runId(), id) << "the same record";
    auto runs = document.store().runs();
    ASSERT_EQ(runs->size(), 1u);
    EXPECT_EQ(runs->front().status, annotation::RunStatus::Finished);
    EXPECT_EQ(QJsonDocument::fromJson(QByteArray::fromStdString(runs->front().historyJson)).array().size(), 4) << "every epoch, once";
    EXPECT_FALSE(session.resume(runs->front()).isEmpty()) << "a finished run has nothing to resume";
}

TEST(TrainingSession, PauseHoldsTheRunAndCancelEndsIt) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    TrainingSession session(document);
    std::optional<Finished> finished;
    recordFinished(session, finished);
    int steps = 0;
    QObject::connect(&session, &TrainingSession::stepDone, [&] { ++steps; });
    ASSERT_EQ(session.start(tinySettings(30)), QString());
    ASSERT_TRUE(uitest::waitUntil([&] { return steps > 0; }, 120000));
    session.setPaused(true);
    EXPECT_TRUE(session.isPaused());
    uitest::waitUntil([&] { return false; }, 300);  // a step in progress finishes
    const int held = steps;
    uitest::waitUntil([&] { return false; }, 500);
    EXPECT_EQ(steps, held) << "no step while paused";
    session.cancel();  // also ends the pause
    ASSERT_TRUE(uitest::waitUntil([&] { return finished.has_value(); }, 120000));
    EXPECT_EQ(finished->first, annotation::RunStatus::Cancelled) << finished->second.toStdString();
    EXPECT_EQ(document.store().run(session.runId())->status, annotation::RunStatus::Cancelled);
}

TEST(TrainingSession, AConfigThatDoesNotValidateIsRefusedBeforeAnythingRuns) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    TrainingSession session(document);
    TrainingSettings settings = tinySettings(2);
    settings.config.learningRate = -1;
    EXPECT_TRUE(session.start(settings).contains(QStringLiteral("learning_rate")));
    EXPECT_FALSE(session.isRunning());
    EXPECT_TRUE(document.store().runs()->empty());
    ProjectDocument closed;
    TrainingSession nothing(closed);
    EXPECT_FALSE(nothing.start(tinySettings(2)).isEmpty());
}
