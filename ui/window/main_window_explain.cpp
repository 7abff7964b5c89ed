// MainWindow: explanations of a run's model (the Explanations dock, the overlay on the video).
// The stretch explained is the segment under the playhead (the active lane's subject first);
// it is computed in the background when the dock is open and cached, so scrubbing never waits.

#include "ui/window/main_window.h"

#ifdef ACTIONLENS_WITH_LEARNING
#include "core/explain/explanation_figure.h"
#include "ui/explain/explanation_overlay.h"
#include "ui/explain/explanation_session.h"
#include "ui/explain/explanation_view.h"
#include "ui/timeline/timeline_widget.h"
#endif

#include <QDockWidget>
#include <QStatusBar>

namespace actionlens::ui {

void MainWindow::createExplanations() {
#ifdef ACTIONLENS_WITH_LEARNING
    explanation_ = new ExplanationSession(document_, this);
    explanationView_ = new ExplanationView;
    explanationOverlay_ = std::make_shared<ExplanationOverlay>();
    view_->addOverlay(explanationOverlay_.get());
    explanationDock_ = new QDockWidget(tr("Explanations"), this);
    explanationDock_->setObjectName(QStringLiteral("explanationDock"));
    explanationDock_->setWidget(explanationView_);
    addDockWidget(Qt::BottomDockWidgetArea, explanationDock_);
    explanationDock_->hide();
    explanationDock_->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));

    auto applyStyle = [this] {
        explanationOverlay_->setHead(explanationView_->head());
        explanationOverlay_->setStyle(explanationView_->style());
        explanationOverlay_->setVisible(explanationDock_->isVisible() && explanationView_->showsOnVideo());
        view_->update();
    };
    connect(explanationDock_, &QDockWidget::visibilityChanged, this, [this, applyStyle](bool) {
        applyStyle();
        requestExplanationAtPlayhead();
    });
    connect(explanationView_, &ExplanationView::styleChanged, this, applyStyle);
    connect(explanationView_, &ExplanationView::requestChanged, this, [this] { requestExplanationAtPlayhead(); });
    connect(&player_, &PlayerController::positionChanged, this, [this](int frame) {
        explanationOverlay_->setFrame(frame);
        explanationView_->setPlayhead(frame);
        requestExplanationAtPlayhead();
    });
    connect(&player_, &PlayerController::frameShown, this, [this](int, media::FramePtr picture) {
        if (picture) explanationOverlay_->setFrameSize(picture->width, picture->height);
        if (explanationDock_->isVisible()) explanationView_->setPicture(std::move(picture));
    });
    connect(&document_, &ProjectDocument::runsChanged, this, [this] {
        if (!document_.isOpen()) return;
        if (auto runs = document_.store().runs(); runs) explanationView_->setRuns(runs.value());
    });
    connect(&document_, &ProjectDocument::currentVideoChanged, this, [this] { requestExplanationAtPlayhead(); });
    // Another project, or edited poses: what was explained no longer holds (ids repeat across
    // projects; a moved joint changes the maps).
    auto forget = [this] {
        explanation_->clear();
        wantedExplanation_.reset();
        explanationView_->setResult(nullptr);
        explanationOverlay_->setResult(nullptr);
        view_->update();
    };
    connect(&document_, &ProjectDocument::opened, this, forget);
    connect(&document_, &ProjectDocument::closed, this, forget);
    connect(&document_, &ProjectDocument::skeletonsChanged, this, [this, forget] {
        forget();
        requestExplanationAtPlayhead();
    });
    connect(&document_, &ProjectDocument::segmentsChanged, this, [this] { requestExplanationAtPlayhead(); });
    connect(explanation_, &ExplanationSession::busyChanged, explanationView_, &ExplanationView::setBusy);
    connect(explanation_, &ExplanationSession::ready, this, [this](std::shared_ptr<const ExplanationResult> result) {
        if (!wantedExplanation_ || result->request.key() != wantedExplanation_->key()) return;  // scrubbed past
        explanationView_->setResult(result);
        explanationOverlay_->setResult(result);
        explanationOverlay_->setHead(explanationView_->head());
        view_->update();
    });
    connect(explanation_, &ExplanationSession::failed, this, [this](const QString& message) {
        explanationView_->setMessage(tr("Not explained: %1").arg(message));
    });
    connect(explanationView_, &ExplanationView::exportClipRequested, this, [this](const QString& path) {
        const std::shared_ptr<const ExplanationResult> result = explanationView_->result();
        if (!result) return;
        const int head = explanationView_->head();
        const explain::FigureStyle style{explanationView_->style().colours, explanationView_->style().opacity};
        auto error = std::make_shared<std::string>();
        auto* job = new Job(tr("Writing %1").arg(path), [result, head, style, path, error](JobContext&) {
            explain::OverlaySkeleton overlay{result->skeleton, result->edges};
            if (Status s = explain::writeExplanationVideo(path.toStdString(), result->heads[size_t(head)], result->clip, overlay, style); !s)
                *error = s.error();
        }, this);
        connect(job, &Job::finished, this, [this, job, error, path] {
            job->deleteLater();
            statusBar()->showMessage(error->empty() ? tr("Wrote %1").arg(path) : tr("Not written: %1").arg(QString::fromStdString(*error)), 15000);
        });
        if (const QString busy = document_.jobs().start(job, StoreUse::None); !busy.isEmpty()) {
            delete job;
            statusBar()->showMessage(busy, 10000);
        }
    });
#endif
}

void MainWindow::requestExplanationAtPlayhead() {
#ifdef ACTIONLENS_WITH_LEARNING
    if (!explanationDock_ || !explanationDock_->isVisible() || !document_.isOpen()) return;
    const annotation::TrainingRun* run = explanationView_->currentRun();
    if (!run) {
        explanationView_->setMessage(tr("Choose a training run with a model."));
        return;
    }
    const int frame = player_.currentFrame();
    // The segment under the playhead: the active lane's subject first, else any.
    const annotation::Segment* chosen = nullptr;
    for (const annotation::Segment& s : document_.segments()) {
        if (frame < s.firstFrame || frame > s.lastFrame) continue;
        if (!chosen || (s.subjectId == timeline_->activeSubject() && chosen->subjectId != timeline_->activeSubject())) chosen = &s;
    }
    if (!chosen) {
        explanationOverlay_->setResult(nullptr);
        explanationView_->setMessage(tr("No segment under the playhead: move it onto one to see what the model looks at."));
        view_->update();
        return;
    }
    ExplanationRequest request;
    request.runId = run->id;
    request.checkpointPath = run->checkpointPath;
    request.videoId = document_.currentVideoId();
    request.subjectId = chosen->subjectId;
    request.firstFrame = chosen->firstFrame;
    request.lastFrame = chosen->lastFrame;
    request.method = explanationView_->method();
    request.normalisation = explanationView_->normalisation();
    if (wantedExplanation_ && wantedExplanation_->key() == request.key() && explanationView_->result() &&
        explanationView_->result()->request.key() == request.key())
        return;  // shown already
    wantedExplanation_ = std::make_shared<ExplanationRequest>(request);
    if (std::shared_ptr<const ExplanationResult> hit = explanation_->request(request)) {
        explanationView_->setResult(hit);
        explanationOverlay_->setResult(hit);
        explanationOverlay_->setHead(explanationView_->head());
        view_->update();
    } else {
        explanationView_->setMessage(tr("Explaining frames %1-%2...").arg(request.firstFrame).arg(request.lastFrame));
    }
#endif
}

QString MainWindow::showExplanation(std::int64_t runId) {
#ifdef ACTIONLENS_WITH_LEARNING
    if (!document_.isOpen()) return tr("Open a project first.");
    if (auto runs = document_.store().runs(); runs) explanationView_->setRuns(runs.value());
    if (runId > 0) {
        explanationView_->chooseRun(runId);
        if (!explanationView_->currentRun() || explanationView_->currentRun()->id != runId)
            return tr("Run %1 is not a training run with a model.").arg(runId);
    }
    if (!explanationView_->currentRun()) return tr("The project has no training run with a model.");
    explanationDock_->show();
    explanationDock_->raise();
    requestExplanationAtPlayhead();
    return {};
#else
    Q_UNUSED(runId);
    return tr("This build has no learning engine.");
#endif
}

}  // namespace actionlens::ui
