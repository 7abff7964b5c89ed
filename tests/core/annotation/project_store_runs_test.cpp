// ProjectStore: model runs are stored, updated, listed and removed with every field kept; a
// checkpoint inside the project folder survives moving the folder.

#include "core/annotation/project_store.h"
#include "tests/core/annotation/annotation_fixtures.h"

#include <QDir>

using namespace actionlens;
using namespace actionlens::annotation;
using namespace actionlens::annotation::fixtures;

namespace {

TrainingRun sampleRun(const ProjectFolder& folder) {
    TrainingRun r;
    r.name = "run 1";
    r.kind = RunKind::Training;
    r.status = RunStatus::Running;
    r.origin = "window";
    r.configJson = R"({"epochs": 3})";
    r.historyJson = "[]";
    r.dataJson = R"({"split": "train", "train_clips": 40})";
    r.checkpointPath = folder.file("models/run1.alm");
    r.device = "cpu";
    r.startedMs = 1700000000000;
    return r;
}

}  // namespace

TEST(ProjectStoreRuns, StoresUpdatesListsAndRemovesRunsWithEveryField) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    TrainingRun run = sampleRun(folder);
    auto id = store->insertRun(run);
    ASSERT_TRUE(id.ok()) << id.error();
    run.id = id.value();
    auto back = store->run(run.id);
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_EQ(back.value(), run);

    TrainingRun done = run;
    done.status = RunStatus::Finished;
    done.historyJson = R"([{"epoch": 1}])";
    done.endedMs = run.startedMs + 5000;
    auto previous = store->updateRun(done);
    ASSERT_TRUE(previous.ok()) << previous.error();
    EXPECT_EQ(previous.value(), run);

    TrainingRun evaluation;
    evaluation.name = "evaluate run 1 on test";
    evaluation.kind = RunKind::Evaluation;
    evaluation.status = RunStatus::Finished;
    evaluation.parentId = run.id;
    evaluation.metricsJson = R"({"tasks": []})";
    evaluation.startedMs = done.endedMs;
    ASSERT_TRUE(store->insertRun(evaluation).ok());
    auto all = store->runs();
    ASSERT_TRUE(all.ok()) << all.error();
    ASSERT_EQ(all->size(), 2u);
    EXPECT_EQ(all->front(), done);
    EXPECT_EQ(all->back().parentId, run.id);
    EXPECT_EQ(all->back().kind, RunKind::Evaluation);

    auto removed = store->removeRun(run.id);
    ASSERT_TRUE(removed.ok()) << removed.error();
    EXPECT_EQ(removed.value(), done);
    all = store->runs();
    ASSERT_EQ(all->size(), 1u);
    EXPECT_EQ(all->front().parentId, 0) << "an evaluation outlives the run it evaluated";
    EXPECT_FALSE(store->run(run.id).ok());
    EXPECT_FALSE(store->updateRun(done).ok()) << "no run with that id any more";
}

TEST(ProjectStoreRuns, ACheckpointInsideTheProjectFolderMovesWithIt) {
    ProjectFolder folder;
    std::int64_t id = 0;
    {
        auto store = makeProject(folder);
        ASSERT_TRUE(store);
        auto inserted = store->insertRun(sampleRun(folder));
        ASSERT_TRUE(inserted.ok());
        id = inserted.value();
    }
    ProjectFolder elsewhere;
    const QString moved = QString::fromStdString(elsewhere.file("moved"));
    ASSERT_TRUE(QDir().rename(QString::fromStdString(folder.path()), moved));
    {
        auto store = ProjectStore::open((moved + "/p.alproj").toStdString());
        ASSERT_TRUE(store.ok()) << store.error();
        auto run = store.value()->run(id);
        ASSERT_TRUE(run.ok());
        EXPECT_EQ(run->checkpointPath, (moved + "/models/run1.alm").toStdString());
    }
    ASSERT_TRUE(QDir().rename(moved, QString::fromStdString(folder.path())));  // the fixture removes its folder
}

TEST(ProjectStoreRuns, RunKindAndStatusNamesRoundTrip) {
    for (RunKind k : {RunKind::Training, RunKind::Evaluation, RunKind::Ablation}) {
        RunKind parsed{};
        ASSERT_TRUE(parseRunKind(runKindName(k), &parsed));
        EXPECT_EQ(parsed, k);
    }
    for (RunStatus s : {RunStatus::Running, RunStatus::Finished, RunStatus::Stopped, RunStatus::Cancelled, RunStatus::Failed}) {
        RunStatus parsed{};
        ASSERT_TRUE(parseRunStatus(runStatusName(s), &parsed));
        EXPECT_EQ(parsed, s);
    }
    RunKind kind{};
    EXPECT_FALSE(parseRunKind("training!", &kind));
}
