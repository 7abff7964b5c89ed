// Recording a run from a process that is not the window: a short-lived writer inserts or updates
// it and lets the project go; while the window holds the project nothing is written.

#include "core/annotation/project_store.h"
#include "core/runs/project_runs.h"

#include <QDir>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace actionlens::runs {
namespace {

using annotation::ProjectStore;
using annotation::RunKind;
using annotation::RunStatus;
using annotation::TrainingRun;

class ProjectRuns : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir_.isValid());
        project_ = QDir(dir_.path()).filePath(QStringLiteral("p.alproj")).toStdString();
        auto created = ProjectStore::create(project_);
        ASSERT_TRUE(created.ok()) << created.error();
    }
    std::string file(const char* name) const { return QDir(dir_.path()).filePath(QString::fromLatin1(name)).toStdString(); }

    QTemporaryDir dir_;
    std::string project_;
};

TrainingRun trainingOf(const std::string& checkpoint) {
    TrainingRun run;
    run.kind = RunKind::Training;
    run.origin = "cli";
    run.configJson = "{}";
    run.historyJson = "[]";
    run.checkpointPath = checkpoint;
    run.startedMs = 1000;
    return run;
}

TEST_F(ProjectRuns, RecordRunNamesInsertsAndUpdatesThenLetsTheProjectGo) {
    TrainingRun first = trainingOf(file("a.alm"));
    ASSERT_TRUE(recordRun(project_, first).ok());
    EXPECT_GT(first.id, 0);
    EXPECT_EQ(first.name, "run 1");
    TrainingRun second = trainingOf(file("b.alm"));
    ASSERT_TRUE(recordRun(project_, second).ok());
    EXPECT_EQ(second.name, "run 2");
    TrainingRun mine = trainingOf(file("c.alm"));
    mine.name = "baseline";
    ASSERT_TRUE(recordRun(project_, mine).ok());
    EXPECT_EQ(mine.name, "baseline");

    first.status = RunStatus::Finished;
    first.historyJson = R"([{"epoch":1}])";
    first.endedMs = 5000;
    ASSERT_TRUE(recordRun(project_, first).ok());
    // The writer is gone: the window opens the project, and sees what was recorded.
    auto window = ProjectStore::open(project_);
    ASSERT_TRUE(window.ok()) << window.error();
    auto runs = window.value()->runs();
    ASSERT_TRUE(runs.ok()) << runs.error();
    ASSERT_EQ(runs->size(), 3u);
    EXPECT_EQ(runs.value()[0], first);
    EXPECT_EQ(runs.value()[1], second);
}

TEST_F(ProjectRuns, WhileTheWindowHoldsTheProjectNothingIsRecorded) {
    auto window = ProjectStore::open(project_);
    ASSERT_TRUE(window.ok()) << window.error();
    TrainingRun run = trainingOf(file("a.alm"));
    const Status refused = recordRun(project_, run);
    ASSERT_FALSE(refused.ok());
    // The lock's own words ("... is open in another ActionLens process (pid N)"; here the same one).
    EXPECT_NE(refused.error().find("'p.alproj' is "), std::string::npos) << refused.error();
    EXPECT_NE(refused.error().find("open in "), std::string::npos) << refused.error();
    EXPECT_EQ(run.id, 0);
    EXPECT_EQ(run.name, "");
    EXPECT_TRUE(window.value()->runs()->empty());
}

TEST_F(ProjectRuns, TheTrainingRunOfAModelFileIsFoundHoweverItsPathIsWritten) {
    std::vector<TrainingRun> runs;
    for (const char* model : {"a.alm", "b.alm", "a.alm"}) {
        runs.push_back(trainingOf(file(model)));
        runs.back().id = std::int64_t(runs.size());
    }
    TrainingRun evaluation = trainingOf(file("b.alm"));
    evaluation.kind = RunKind::Evaluation;
    evaluation.id = 9;
    runs.push_back(evaluation);
    EXPECT_EQ(trainingRunOfCheckpoint(runs, file("a.alm")), 3) << "the latest of the file's runs";
    EXPECT_EQ(trainingRunOfCheckpoint(runs, file("sub/../b.alm")), 2) << "an evaluation is no training";
    EXPECT_EQ(trainingRunOfCheckpoint(runs, file("c.alm")), 0);
    EXPECT_EQ(trainingRunOfCheckpoint(runs, ""), 0);
}

}  // namespace
}  // namespace actionlens::runs
