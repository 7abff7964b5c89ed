// MainWindow: the Labelling queue dock (active learning): the clips a trained model is least
// sure of, walked with Ctrl+] and Ctrl+[; each shown with the marks around it, so an action's
// hotkey labels it. The queue recomputes when a training run finishes.

#include "ui/window/main_window.h"

#ifdef ACTIONLENS_WITH_LEARNING
#include "ui/learning/labelling_queue_session.h"
#include "ui/learning/labelling_queue_view.h"
#include "ui/learning/training_session.h"
#include "ui/timeline/timeline_widget.h"

#include <QAction>
#include <QDockWidget>
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
#else
    Q_UNUSED(menu);
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
