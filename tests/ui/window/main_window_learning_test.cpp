// MainWindow's model life cycle: the Model menu's views of a project's runs (training curves,
// evaluation, ablation) and `actionlens --panel ... --screenshot` end to end.

#include "gui_process.h"
#include "learning/learning_fixture.h"
#include "ui/learning/evaluation_session.h"
#include "ui/learning/evaluation_view.h"
#include "ui/learning/runs_view.h"
#include "ui/learning/training_dashboard.h"
#include "ui/window/main_window.h"
#include "ui_project_fixture.h"

#include <QApplication>
#include <QDockWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

TEST(MainWindowLearning, ShowsARunsCurvesAndEvaluatesItInTheDocks) {
    QTemporaryDir dir;
    const QString project = uitest::copyOfProject(dir);
    MainWindow window;
    ASSERT_EQ(window.openProject(project), QString());
    ASSERT_NE(window.trainingSession(), nullptr);
    EXPECT_TRUE(window.showTrainingRun(0).contains(QStringLiteral("no training run"))) << window.showTrainingRun(0).toStdString();
    EXPECT_FALSE(window.evaluateRun(0).isEmpty());
    EXPECT_FALSE(window.showAblationRun(0).isEmpty());

    const annotation::TrainingRun trained = uitest::trainOnce(window.document());
    ASSERT_EQ(window.showTrainingRun(0), QString());
    EXPECT_EQ(window.trainingDashboard()->history().epochs().size(), 2u);
    EXPECT_TRUE(window.trainingDashboard()->parentWidget()->isVisibleTo(&window));
    EXPECT_TRUE(window.showTrainingRun(trained.id + 100).contains(QStringLiteral("no training run")));

    bool evaluated = false;
    QObject::connect(window.evaluationSession(), &EvaluationSession::finished, [&] { evaluated = true; });
    ASSERT_EQ(window.evaluateRun(trained.id, QStringLiteral("all")), QString());
    ASSERT_TRUE(uitest::waitUntil([&] { return evaluated; }, 120000));
    EXPECT_FALSE(window.evaluationView()->result().tasks.empty());
    ASSERT_EQ(window.runsView()->runs().size(), 2u) << "the training and its evaluation";
    // A recorded evaluation shows as it was recorded.
    ASSERT_EQ(window.showRun(window.runsView()->runs().back().id), QString());
    EXPECT_FALSE(window.evaluationView()->result().hasClips());
}

namespace {

// Answers the next message box that opens with `button`.
void answerNextQuestion(QMessageBox::StandardButton button) {
    QTimer::singleShot(50, [button] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) box->button(button)->click();
    });
}

}  // namespace

TEST(MainWindowLearning, ClosingTheWindowWhileTrainingAsksThenStopsTheRun) {
    QTemporaryDir dir;
    MainWindow window;
    ASSERT_EQ(window.openProject(uitest::copyOfProject(dir)), QString());
    window.show();
    int steps = 0;
    QObject::connect(window.trainingSession(), &TrainingSession::stepDone, [&] { ++steps; });
    ASSERT_EQ(window.trainingSession()->start(uitest::tinyTrainingSettings(200)), QString());
    ASSERT_TRUE(uitest::waitUntil([&] { return steps > 0; }, 120000));

    answerNextQuestion(QMessageBox::No);
    EXPECT_FALSE(window.close()) << "the user kept it running";
    EXPECT_TRUE(window.trainingSession()->isRunning());

    answerNextQuestion(QMessageBox::Yes);
    EXPECT_TRUE(window.close());
    EXPECT_FALSE(window.trainingSession()->isRunning()) << "stopped before the window closed";
    auto run = window.document().store().run(window.trainingSession()->runId());
    ASSERT_TRUE(run.ok());
    EXPECT_EQ(run->status, annotation::RunStatus::Cancelled);
}

TEST(MainWindowLearning, PanelScreenshotsOfARecordedRun) {
    QTemporaryDir dir;
    const QString project = uitest::copyOfProject(dir);
    {
        ProjectDocument document;
        ASSERT_EQ(document.open(project), QString());
        uitest::trainOnce(document);
    }
    const QString training = dir.filePath(QStringLiteral("training.png"));
    const uitest::GuiRun shot = uitest::runGui({project, QStringLiteral("--panel"), QStringLiteral("training"), QStringLiteral("--screenshot"), training});
    ASSERT_EQ(shot.exitCode, 0) << shot.errors.toStdString();
    EXPECT_FALSE(QImage(training).isNull());
    const QString evaluation = dir.filePath(QStringLiteral("evaluation.png"));
    const uitest::GuiRun evaluated = uitest::runGui({project, QStringLiteral("--panel"), QStringLiteral("evaluation"), QStringLiteral("--screenshot"), evaluation});
    ASSERT_EQ(evaluated.exitCode, 0) << evaluated.errors.toStdString();
    EXPECT_FALSE(QImage(evaluation).isNull());

    const QString out = dir.filePath(QStringLiteral("none.png"));
    const uitest::GuiRun bogus = uitest::runGui({project, QStringLiteral("--panel"), QStringLiteral("bogus"), QStringLiteral("--screenshot"), out});
    EXPECT_EQ(bogus.exitCode, 1);
    EXPECT_TRUE(bogus.errors.contains(QStringLiteral("unknown --panel"))) << bogus.errors.toStdString();
    const uitest::GuiRun noAblation = uitest::runGui({project, QStringLiteral("--panel"), QStringLiteral("ablation"), QStringLiteral("--screenshot"), out});
    EXPECT_EQ(noAblation.exitCode, 1);
    EXPECT_TRUE(noAblation.errors.contains(QStringLiteral("no finished ablation"))) << noAblation.errors.toStdString();
    const uitest::GuiRun badRun = uitest::runGui({project, QStringLiteral("--panel"), QStringLiteral("training"), QStringLiteral("--run"),
                                  QStringLiteral("x"), QStringLiteral("--screenshot"), out});
    EXPECT_EQ(badRun.exitCode, 1);
    EXPECT_FALSE(QFile::exists(out));
}
