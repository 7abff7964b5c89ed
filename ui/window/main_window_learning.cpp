// MainWindow: the model's life cycle (Model menu, the Training dock). Built without it where
// LibTorch was not found (no ACTIONLENS_WITH_LEARNING): then there is no Model menu.

#include "ui/window/main_window.h"

#ifdef ACTIONLENS_WITH_LEARNING
#include "core/annotation/project_store.h"
#include "ui/learning/ablation_dialog.h"
#include "ui/learning/ablation_session.h"
#include "ui/learning/ablation_view.h"
#include "ui/learning/evaluation_session.h"
#include "ui/learning/evaluation_view.h"
#include "ui/learning/prediction_session.h"
#include "ui/learning/runs_view.h"
#include "ui/learning/train_dialog.h"
#include "ui/learning/training_dashboard.h"
#include "ui/learning/training_session.h"
#endif

#include <QDockWidget>
#include <QFileDialog>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>

namespace actionlens::ui {

void MainWindow::createLearning() {
#ifdef ACTIONLENS_WITH_LEARNING
    training_ = new TrainingSession(document_, this);
    dashboard_ = new TrainingDashboard;
    trainingDock_ = new QDockWidget(tr("Training"), this);
    trainingDock_->setObjectName(QStringLiteral("trainingDock"));
    trainingDock_->setWidget(dashboard_);
    addDockWidget(Qt::BottomDockWidgetArea, trainingDock_);
    trainingDock_->hide();  // shown when a run starts
    runsView_ = new RunsView(document_);
    runsDock_ = new QDockWidget(tr("Runs"), this);
    runsDock_->setObjectName(QStringLiteral("runsDock"));
    runsDock_->setWidget(runsView_);
    addDockWidget(Qt::BottomDockWidgetArea, runsDock_);
    tabifyDockWidget(runsDock_, trainingDock_);
    runsDock_->hide();
    evaluation_ = new EvaluationSession(document_, this);
    evaluationView_ = new EvaluationView;
    evaluationDock_ = new QDockWidget(tr("Evaluation"), this);
    evaluationDock_->setObjectName(QStringLiteral("evaluationDock"));
    evaluationDock_->setWidget(evaluationView_);
    addDockWidget(Qt::BottomDockWidgetArea, evaluationDock_);
    tabifyDockWidget(runsDock_, evaluationDock_);
    evaluationDock_->hide();
    ablation_ = new AblationSession(document_, this);
    ablationView_ = new AblationView;
    ablationDock_ = new QDockWidget(tr("Ablation"), this);
    ablationDock_->setObjectName(QStringLiteral("ablationDock"));
    ablationDock_->setWidget(ablationView_);
    addDockWidget(Qt::BottomDockWidgetArea, ablationDock_);
    tabifyDockWidget(runsDock_, ablationDock_);
    ablationDock_->hide();
    connect(evaluation_, &EvaluationSession::finished, this, [this](const QString& message) {
        if (message.isEmpty())
            evaluationView_->setResult(evaluation_->result());
        else
            evaluationView_->setMessage(tr("Not evaluated: %1").arg(message));
    });
    connect(evaluationView_, &EvaluationView::segmentChosen, this, [this](std::int64_t videoId, std::int64_t, std::int64_t firstFrame) {
        if (document_.video(videoId)) openProjectVideo(videoId, int(firstFrame));
    });
    connect(runsView_, &RunsView::showRunRequested, this, [this](std::int64_t id) {
        if (const QString error = showRun(id); !error.isEmpty()) statusBar()->showMessage(error, 10000);
    });
    prediction_ = new PredictionSession(document_, this);
    connect(prediction_, &PredictionSession::finished, this, [this](int segments, const QString& message) {
        statusBar()->showMessage(message.isEmpty() ? tr("Predicted %n segment(s) in the video (Ctrl+Z takes them back)", nullptr, segments)
                                                   : tr("Not predicted: %1").arg(message),
                                 15000);
    });
    connect(runsView_, &RunsView::predictRequested, this, [this](std::int64_t id) {
        if (const QString error = predictWithRun(id); !error.isEmpty()) QMessageBox::warning(this, tr("Predict"), error);
    });
    connect(runsView_, &RunsView::resumeRequested, this, [this](std::int64_t id) {
        const annotation::TrainingRun* run = runsView_->runById(id);
        if (!run) return;
        if (const QString error = training_->resume(*run); !error.isEmpty()) {
            QMessageBox::warning(this, tr("Resume"), error);
            return;
        }
        dashboard_->follow(training_);
        trainingDock_->show();
        trainingDock_->raise();
    });
    connect(runsView_, &RunsView::evaluateRequested, this, [this](std::int64_t id) {
        // Which clips: a split of the project (test first, where there is one) or all.
        QStringList splits;
        if (auto counts = document_.store().splitCounts(); counts)
            for (const auto& c : counts.value()) splits << QString::fromStdString(c.split);
        splits.sort();
        if (const qsizetype test = splits.indexOf(QStringLiteral("test")); test > 0) splits.move(test, 0);
        splits << QStringLiteral("all");
        bool chosen = false;
        const QString split = QInputDialog::getItem(this, tr("Evaluate"), tr("Evaluate on the clips of:"), splits, 0, false, &chosen);
        if (!chosen) return;
        if (const QString error = evaluateRun(id, split); !error.isEmpty()) QMessageBox::warning(this, tr("Evaluate"), error);
    });
    connect(runsView_, &RunsView::compareRequested, this, [this](std::int64_t id, std::int64_t other) {
        if (const QString error = compareTrainingRuns(id, other); !error.isEmpty()) statusBar()->showMessage(error, 10000);
    });
    connect(training_, &TrainingSession::finished, this, [this](annotation::RunStatus status, const QString& message) {
        const QString name = QString::fromStdString(training_->run().name);
        statusBar()->showMessage(message.isEmpty()
                                     ? tr("Training %1 %2; the model is in %3").arg(name, QLatin1String(annotation::runStatusName(status)), training_->checkpointPath())
                                     : tr("Training %1 %2: %3").arg(name, QLatin1String(annotation::runStatusName(status)), message),
                                 20000);
    });
#endif
}

void MainWindow::createModelMenu() {
#ifdef ACTIONLENS_WITH_LEARNING
    QMenu* menu = menuBar()->addMenu(tr("&Model"));
    QAction* train = menu->addAction(tr("&Train..."), this, &MainWindow::openTrainDialog);
    train->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    menu->addAction(tr("Single-task vs multi-task &ablation..."), this, &MainWindow::openAblationDialog);
    menu->addSeparator();
    menu->addAction(trainingDock_->toggleViewAction());
    menu->addAction(runsDock_->toggleViewAction());
    menu->addAction(evaluationDock_->toggleViewAction());
    menu->addAction(ablationDock_->toggleViewAction());
    menu->addAction(explanationDock_->toggleViewAction());
    menu->addSeparator();
    createLabellingQueueActions(menu);
    menu->addSeparator();
    menu->addAction(tr("Add a run from a model &file..."), this, [this] {
        if (!document_.isOpen()) return;
        const QString path = QFileDialog::getOpenFileName(this, tr("Add a run from its model file"), QString(), tr("ActionLens models (*.alm)"));
        if (path.isEmpty()) return;
        if (const QString error = runsView_->addFromFile(path); !error.isEmpty()) QMessageBox::warning(this, tr("Add from file"), error);
        runsDock_->show();
    });
#endif
}

void MainWindow::openTrainDialog() {
#ifdef ACTIONLENS_WITH_LEARNING
    if (!document_.isOpen()) {
        QMessageBox::information(this, tr("Train a model"), tr("Open a project first: the model learns its labelled segments."));
        return;
    }
    if (training_->isRunning()) {
        trainingDock_->show();
        trainingDock_->raise();
        QMessageBox::information(this, tr("Train a model"), tr("A model is training already; its curves are in the Training dock."));
        return;
    }
    TrainDialog dialog(document_, this);
    if (dialog.exec() != QDialog::Accepted) return;
    auto settings = dialog.settings();
    if (!settings) return;  // the dialog accepts only settings that validate
    if (const QString refused = training_->start(settings.value()); !refused.isEmpty()) {
        QMessageBox::warning(this, tr("Train a model"), refused);
        return;
    }
    dashboard_->follow(training_);
    trainingDock_->show();
    trainingDock_->raise();
#endif
}

QString MainWindow::showTrainingRun(std::int64_t runId) {
#ifdef ACTIONLENS_WITH_LEARNING
    if (!document_.isOpen()) return tr("no project is open");
    if (training_->isRunning() && runId == training_->runId()) {  // the run in progress: live
        dashboard_->follow(training_);
        trainingDock_->show();
        trainingDock_->raise();
        return {};
    }
    auto runs = document_.store().runs();
    if (!runs) return QString::fromStdString(runs.error());
    const annotation::TrainingRun* shown = nullptr;
    for (const annotation::TrainingRun& run : runs.value())
        if (run.kind == annotation::RunKind::Training && (runId == 0 || run.id == runId)) shown = &run;
    if (!shown)
        return runId == 0 ? tr("the project has no training run yet (Model > Train... or actionlens-cli train -p)")
                          : tr("the project has no training run %1").arg(runId);
    auto history = TrainingHistory::fromJson(QByteArray::fromStdString(shown->historyJson));
    if (!history) return tr("run %1: %2").arg(shown->id).arg(QString::fromStdString(history.error()));
    const QString status = QLatin1String(annotation::runStatusName(shown->status));
    dashboard_->showHistory(tr("%1 (%2, %3 epochs, %4)").arg(QString::fromStdString(shown->name), status).arg(history->epochs().size())
                                .arg(QString::fromStdString(shown->checkpointPath)),
                            history.value());
    trainingDock_->show();
    trainingDock_->raise();
    return {};
#else
    Q_UNUSED(runId);
    return tr("this build of ActionLens has no learning engine");
#endif
}

QString MainWindow::compareTrainingRuns(std::int64_t runId, std::int64_t otherRunId) {
#ifdef ACTIONLENS_WITH_LEARNING
    if (const QString error = showTrainingRun(runId); !error.isEmpty()) return error;
    auto other = document_.store().run(otherRunId);
    if (!other) return QString::fromStdString(other.error());
    auto history = TrainingHistory::fromJson(QByteArray::fromStdString(other->historyJson));
    if (!history) return tr("run %1: %2").arg(otherRunId).arg(QString::fromStdString(history.error()));
    dashboard_->setComparison(QString::fromStdString(other->name), history.value());
    return {};
#else
    Q_UNUSED(runId);
    Q_UNUSED(otherRunId);
    return tr("this build of ActionLens has no learning engine");
#endif
}

QString MainWindow::showRun(std::int64_t runId) {
#ifdef ACTIONLENS_WITH_LEARNING
    if (!document_.isOpen()) return tr("no project is open");
    auto run = document_.store().run(runId);
    if (!run) return QString::fromStdString(run.error());
    if (run->kind == annotation::RunKind::Training) return showTrainingRun(runId);
    if (run->kind == annotation::RunKind::Evaluation) return evaluateRun(runId);
    return showAblationRun(runId);
#else
    Q_UNUSED(runId);
    return tr("this build of ActionLens has no learning engine");
#endif
}

QString MainWindow::evaluateRun(std::int64_t runId, const QString& split) {
#ifdef ACTIONLENS_WITH_LEARNING
    if (!document_.isOpen()) return tr("no project is open");
    auto runs = document_.store().runs();
    if (!runs) return QString::fromStdString(runs.error());
    const annotation::TrainingRun* chosen = nullptr;
    for (const annotation::TrainingRun& run : runs.value())
        if ((runId == 0 && run.kind == annotation::RunKind::Training) || run.id == runId) chosen = &run;
    if (!chosen) return runId == 0 ? tr("the project has no training run yet") : tr("the project has no run %1").arg(runId);
    if (chosen->kind == annotation::RunKind::Evaluation) {
        auto stored = EvaluationResult::fromJson(QByteArray::fromStdString(chosen->metricsJson));
        if (!stored) return tr("run %1: %2").arg(chosen->id).arg(QString::fromStdString(stored.error()));
        stored->title = QString::fromStdString(chosen->name);
        evaluationView_->setResult(stored.value());
        evaluationDock_->show();
        evaluationDock_->raise();
        return {};
    }
    QString chosenSplit = split;
    if (chosenSplit.isEmpty()) {
        chosenSplit = QStringLiteral("all");
        if (auto splits = document_.store().splitCounts(); splits)
            for (const auto& s : splits.value())
                if (s.split == "test") chosenSplit = QStringLiteral("test");
    }
    if (const QString refused = evaluation_->start(*chosen, chosenSplit); !refused.isEmpty()) return refused;
    evaluationView_->setMessage(tr("Evaluating %1 on %2...").arg(QString::fromStdString(chosen->name), chosenSplit));
    evaluationDock_->show();
    evaluationDock_->raise();
    return {};
#else
    Q_UNUSED(runId);
    Q_UNUSED(split);
    return tr("this build of ActionLens has no learning engine");
#endif
}

void MainWindow::openAblationDialog() {
#ifdef ACTIONLENS_WITH_LEARNING
    if (!document_.isOpen()) {
        QMessageBox::information(this, tr("Ablation"), tr("Open a project first: the ablation cross-validates its labelled segments."));
        return;
    }
    if (ablation_->isRunning()) {
        ablationDock_->show();
        ablationDock_->raise();
        return;
    }
    AblationDialog dialog(document_, this);
    if (dialog.exec() != QDialog::Accepted) return;
    if (const QString refused = ablation_->start(dialog.settings()); !refused.isEmpty()) {
        QMessageBox::warning(this, tr("Ablation"), refused);
        return;
    }
    ablationView_->follow(ablation_);
    ablationDock_->show();
    ablationDock_->raise();
#endif
}

QString MainWindow::showAblationRun(std::int64_t runId) {
#ifdef ACTIONLENS_WITH_LEARNING
    if (!document_.isOpen()) return tr("no project is open");
    auto runs = document_.store().runs();
    if (!runs) return QString::fromStdString(runs.error());
    const annotation::TrainingRun* shown = nullptr;
    for (const annotation::TrainingRun& run : runs.value())
        if (run.kind == annotation::RunKind::Ablation && run.status == annotation::RunStatus::Finished && (runId == 0 || run.id == runId))
            shown = &run;
    if (!shown) return runId == 0 ? tr("the project has no finished ablation yet") : tr("the project has no finished ablation %1").arg(runId);
    auto report = train::ablationReportFromJson(shown->metricsJson);
    if (!report) return tr("run %1: %2").arg(shown->id).arg(QString::fromStdString(report.error()));
    ablationView_->setReport(QString::fromStdString(shown->name), report.value());
    ablationDock_->show();
    ablationDock_->raise();
    return {};
#else
    Q_UNUSED(runId);
    return tr("this build of ActionLens has no learning engine");
#endif
}

QString MainWindow::predictWithRun(std::int64_t runId) {
#ifdef ACTIONLENS_WITH_LEARNING
    if (!document_.isOpen()) return tr("no project is open");
    if (document_.currentVideoId() == 0) return tr("Open a video of the project first: the model segments the video shown.");
    auto run = document_.store().run(runId);
    if (!run) return QString::fromStdString(run.error());
    if (const QString refused = prediction_->start(run.value(), {document_.currentVideoId()}); !refused.isEmpty()) return refused;
    statusBar()->showMessage(tr("Predicting the video with %1...").arg(QString::fromStdString(run->name)));
    return {};
#else
    Q_UNUSED(runId);
    return tr("this build of ActionLens has no learning engine");
#endif
}

bool MainWindow::confirmStopTraining(const QString& what) {
#ifdef ACTIONLENS_WITH_LEARNING
    if (!training_ || !training_->isRunning()) return true;
    const QString name = QString::fromStdString(training_->run().name);
    const auto answer = QMessageBox::question(
        this, tr("A model is training"),
        tr("%1 is still training. Stop it and %2?\n\nThe model file keeps the last finished epoch; the run is recorded as cancelled.")
            .arg(name.isEmpty() ? tr("A model") : name, what),
        QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
    if (answer != QMessageBox::Yes) return false;
    training_->cancel();
    if (Job* job = training_->job()) job->wait();  // its thread ends before the project closes
#else
    Q_UNUSED(what);
#endif
    return true;
}

}  // namespace actionlens::ui
