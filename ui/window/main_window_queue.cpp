// MainWindow: the Labelling queue dock (active learning): the clips a trained model is least
// sure of, walked with Ctrl+] and Ctrl+[; each shown with the marks around it, so an action's
// hotkey labels it. The queue recomputes when a training run finishes.

#include "ui/window/main_window.h"

#ifdef ACTIONLENS_WITH_LEARNING
#include "ui/learning/active_learning_plot.h"
#include "ui/learning/labelling_queue_session.h"
#include "ui/learning/labelling_queue_view.h"
#include "ui/learning/training_session.h"
#include "ui/timeline/timeline_widget.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>
#include <QMenu>
#include <QStatusBar>
#endif

namespace actionlens::ui {

void MainWindow::createLabellingQueue() {
#ifdef ACTIONLENS_WITH_LEARNING
    queue_ = new LabellingQueueSession(document_, this);
    queueView_ = new LabellingQueueView(document_, *queue_);
    queueDock_ = new QDockWidget(tr("Labelling queue"), this);
    queueDock_->setObjectName(QStringLiteral("labellingQueueDock"));
    queueDock_->setWidget(queueView_);
    addDockWidget(Qt::BottomDockWidgetArea, queueDock_);
    tabifyDockWidget(runsDock_, queueDock_);
    queueDock_->hide();
    queueDock_->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    // Opened for the first time: ask the newest model at once.
    connect(queueDock_, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && queue_->runId() == 0 && !queue_->isRunning()) queueView_->refresh();
    });
    connect(queueView_, &LabellingQueueView::clipChosen, this, [this](const predict::QueueClip& clip) { showQueueClip(clip); });
    connect(training_, &TrainingSession::finished, this, [this](annotation::RunStatus status, const QString&) {
        if (status != annotation::RunStatus::Finished && status != annotation::RunStatus::Stopped) return;
        queueView_->chooseRun(training_->run().id);
        if (queueDock_->isVisible() || queue_->runId() != 0) queueView_->refresh();
    });
#endif
}

void MainWindow::createLabellingQueueActions(QMenu* menu) {
#ifdef ACTIONLENS_WITH_LEARNING
    menu->addAction(queueDock_->toggleViewAction());
    auto add = [this, menu](const QString& text, const QKeySequence& key, int direction) {
        QAction* action = menu->addAction(text, this, [this, direction] {
            queueDock_->show();
            if (!queueView_->step(direction)) statusBar()->showMessage(tr("No further clip in the labelling queue."), 5000);
        });
        action->setShortcut(key);
        action->setShortcutContext(Qt::WindowShortcut);
    };
    add(tr("&Next clip to label"), QKeySequence(Qt::CTRL | Qt::Key_BracketRight), +1);
    add(tr("Pre&vious clip to label"), QKeySequence(Qt::CTRL | Qt::Key_BracketLeft), -1);
    menu->addAction(tr("Active-learning &reports..."), this, [this] {
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Reports of actionlens-cli active-learning-sim"), QString(),
                                                                tr("Reports (*.json)"));
        if (!files.isEmpty()) openActiveLearningReports(files);
    });
#else
    Q_UNUSED(menu);
#endif
}

QDialog* MainWindow::openActiveLearningReports(const QStringList& files, QString* error) {
#ifdef ACTIONLENS_WITH_LEARNING
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Active learning: uncertainty vs random"));
    auto* plot = new ActiveLearningPlot(dialog);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QPushButton* more = buttons->addButton(tr("&Add reports..."), QDialogButtonBox::ActionRole);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(plot, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    auto add = [plot, dialog](const QStringList& paths) {
        QStringList problems;
        for (const QString& path : paths)
            if (const QString problem = plot->addReport(path); !problem.isEmpty()) problems << problem;
        if (!problems.isEmpty()) QMessageBox::warning(dialog, tr("Active-learning reports"), problems.join(QLatin1Char('\n')));
        return problems.join(QLatin1Char('\n'));
    };
    connect(more, &QPushButton::clicked, dialog, [dialog, add] {
        const QStringList paths = QFileDialog::getOpenFileNames(dialog, tr("Reports of actionlens-cli active-learning-sim"), QString(),
                                                                tr("Reports (*.json)"));
        if (!paths.isEmpty()) add(paths);
    });
    QStringList problems;
    for (const QString& path : files)
        if (const QString problem = plot->addReport(path); !problem.isEmpty()) problems << problem;
    if (error) *error = problems.join(QLatin1Char('\n'));
    else if (!problems.isEmpty()) QMessageBox::warning(this, tr("Active-learning reports"), problems.join(QLatin1Char('\n')));
    dialog->resize(820, 560);
    dialog->show();
    return dialog;
#else
    Q_UNUSED(files);
    if (error) *error = tr("this build has no learning engine (LibTorch was not found)");
    return nullptr;
#endif
}

QString MainWindow::showLabellingQueue(std::int64_t runId) {
#ifdef ACTIONLENS_WITH_LEARNING
    if (runId != 0) queueView_->chooseRun(runId);
    else queueView_->reloadRuns();
    const QString error = queueView_->refresh();
    queueDock_->show();
    queueDock_->raise();
    return error;
#else
    Q_UNUSED(runId);
    return tr("this build has no learning engine (LibTorch was not found)");
#endif
}

void MainWindow::showQueueClip(const predict::QueueClip& clip) {
#ifdef ACTIONLENS_WITH_LEARNING
    if (document_.currentVideoId() != clip.videoId)
        openProjectVideo(clip.videoId, int(clip.firstFrame));
    else
        showFrame(int(clip.firstFrame));
    if (clip.subjectId != 0) {
        document_.showSubjectLane(clip.subjectId);
        timeline_->setActiveSubject(clip.subjectId);
    }
    setMarkIn(int(clip.firstFrame));
    setMarkOut(int(clip.lastFrame));
    statusBar()->showMessage(tr("Frames %1-%2 marked: an action's hotkey labels them").arg(clip.firstFrame).arg(clip.lastFrame), 8000);
#else
    Q_UNUSED(clip);
#endif
}

}  // namespace actionlens::ui
