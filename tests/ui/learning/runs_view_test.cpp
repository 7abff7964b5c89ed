// RunsView + the run commands: the project's runs listed with a missing model file flagged;
// deleting a run's record is undoable; a model file that could not record itself is added from
// the file, once; a damaged file is refused naming it.

#include "core/annotation/project_store.h"
#include "ui/document/project_document.h"
#include "ui/learning/runs_view.h"
#include "learning/learning_fixture.h"
#include "ui_project_fixture.h"
#include "ui_test_wait.h"

#include <QFile>
#include <QTableWidget>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

using uitest::trainOnce;

TEST(RunsView, ListsRunsFlagsMissingModelFilesAndDeletesUndoably) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    RunsView view(document);
    const annotation::TrainingRun trained = trainOnce(document);
    ASSERT_EQ(view.runs().size(), 1u) << "the view follows the runs recorded";
    EXPECT_EQ(RunsView::checkpointProblem(trained), QString());
    EXPECT_EQ(view.table()->item(0, 5)->text(), QStringLiteral("2")) << "epochs";

    annotation::TrainingRun lost = trained;
    lost.id = 0;
    lost.name = "lost";
    lost.checkpointPath = dir.filePath(QStringLiteral("models/gone.alm")).toStdString();
    ASSERT_TRUE(document.store().insertRun(lost).ok());
    document.reloadRuns();
    ASSERT_EQ(view.runs().size(), 2u);
    EXPECT_EQ(view.table()->item(1, 8)->text(), QStringLiteral("model file missing"));

    view.table()->selectRow(0);
    ASSERT_EQ(view.selectedRunIds(), std::vector<std::int64_t>{trained.id});
    view.deleteSelected(false);
    ASSERT_EQ(view.runs().size(), 1u);
    EXPECT_TRUE(QFile::exists(QString::fromStdString(trained.checkpointPath))) << "the model file stays";
    document.undoStack().undo();
    ASSERT_EQ(view.runs().size(), 2u);
    EXPECT_EQ(document.store().run(trained.id).value(), trained) << "back with its id and every field";
}

TEST(RunsView, AddsARunFromItsModelFileOnceAndRefusesADamagedOne) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    RunsView view(document);
    const annotation::TrainingRun trained = trainOnce(document);
    const QString copy = dir.filePath(QStringLiteral("elsewhere.alm"));
    ASSERT_TRUE(QFile::copy(QString::fromStdString(trained.checkpointPath), copy));
    EXPECT_TRUE(view.addFromFile(QString::fromStdString(trained.checkpointPath)).contains(QStringLiteral("already")));
    ASSERT_EQ(view.addFromFile(copy), QString());
    ASSERT_EQ(view.runs().size(), 2u);
    EXPECT_EQ(view.runs().back().origin, "file");
    EXPECT_EQ(view.runs().back().name, "elsewhere");
    document.undoStack().undo();
    EXPECT_EQ(view.runs().size(), 1u);

    const QString damaged = dir.filePath(QStringLiteral("damaged.alm"));
    QFile file(damaged);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("not a model");
    file.close();
    const QString refused = view.addFromFile(damaged);
    EXPECT_TRUE(refused.contains(QStringLiteral("damaged.alm"))) << refused.toStdString();
    EXPECT_EQ(view.runs().size(), 1u);
}
