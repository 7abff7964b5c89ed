#include "ui/present/presentation_view.h"

#include "core/annotation/project_store.h"
#include "ui/document/project_document.h"
#include "ui/player/annotation_overlays.h"
#include "ui/player/player_controller.h"
#include "ui/player/privacy_filter.h"
#include "ui/player/video_view.h"
#include "ui/present/confidence_panel.h"
#include "ui/learning/trained_models.h"
#include "ui/present/live_predictions.h"
#include "ui/style/annotation_colours.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace actionlens::ui {

PresentationView::PresentationView(ProjectDocument& document, PlayerController& player, VideoOverlay* explanation, QWidget* parent)
    : QWidget(parent, Qt::Window), document_(document), player_(player), explanation_(explanation),
      fpsClock_(std::make_unique<QElapsedTimer>()) {
    setWindowTitle(tr("ActionLens presentation"));
    setAutoFillBackground(true);
    QPalette dark = palette();
    dark.setColor(QPalette::Window, QColor(0x10, 0x11, 0x14));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    setPalette(dark);

    view_ = new VideoView(this);
    overlays_ = new AnnotationOverlays(document_, *view_, this);
    overlays_->setLabelsVisible(false);  // the panel says it, larger
    if (explanation_) view_->addOverlay(explanation_);
    panel_ = new ConfidencePanel(this);
    predictions_ = new LivePredictions(document_, this);

    title_ = new QLabel(this);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    title_->setFont(big);
    status_ = new QLabel(this);
    QFont medium = font();
    medium.setPointSizeF(medium.pointSizeF() * 1.3);
    status_->setFont(medium);
    auto* hint = new QLabel(tr("Space play / pause  ·  \u2190 \u2192 step  ·  P playlist  ·  B blur faces  ·  Esc leave"), this);
    hint->setStyleSheet(QStringLiteral("color: #80868e;"));

    auto* side = new QVBoxLayout;
    side->addWidget(title_);
    side->addWidget(panel_, 1);
    side->addWidget(status_);
    side->addWidget(hint);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(view_, 3);
    layout->addLayout(side, 1);

    connect(&player_, &PlayerController::frameShown, this, [this](int frame, media::FramePtr picture) {
        frame_ = frame;
        overlays_->showFrame(frame);
        view_->setFrame(privacy_ ? privacy_->filter(frame, std::move(picture)) : std::move(picture));
        showAnswers(frame);
        if (frame < player_.frameCount() - 1) advancing_ = false;
        else if (player_.isPlaying()) advanceIfAtEnd();
    });
    // Playback stops at a video's end: the playlist goes on with the next.
    connect(&player_, &PlayerController::playingChanged, this, [this](bool playing) {
        if (!playing) advanceIfAtEnd();
    });
    connect(view_, &VideoView::framePainted, this, [this] { countPaint(); });
    connect(predictions_, &LivePredictions::finished, this, [this](const QString& message) {
        if (!message.isEmpty()) {
            panel_->setMessage(tr("The model could not read this video: %1").arg(message));
            return;
        }
        showAnswers(frame_);
    });
    connect(&document_, &ProjectDocument::currentVideoChanged, this, &PresentationView::readCurrentVideo);
    fpsClock_->start();
    frame_ = player_.currentFrame();
    if (player_.isOpen()) {
        overlays_->showFrame(frame_);
    }
    readCurrentVideo();
}

PresentationView::~PresentationView() {
    // The overlays unregister from the view, which Qt would otherwise delete first.
    delete overlays_;
    if (explanation_) view_->removeOverlay(explanation_);
}

void PresentationView::readCurrentVideo() {
    const annotation::Video* video = document_.currentVideo();
    title_->setText(!video                ? QString()
                    : video->name.empty() ? QFileInfo(QString::fromStdString(video->path)).fileName()
                                          : QString::fromStdString(video->name));
    if (!video) {
        panel_->setMessage(tr("Open a video of the project."));
        return;
    }
    const std::vector<annotation::TrainingRun> models = trainedModels(document_);
    const annotation::TrainingRun newest = models.empty() ? annotation::TrainingRun{} : models.front();
    if (newest.id == 0) {
        panel_->setMessage(tr("No trained model yet: train one (Model > Train...) and its answers appear here."));
        return;
    }
    if (const QString refused = predictions_->start(newest, video->id); !refused.isEmpty()) {
        panel_->setMessage(refused);
        return;
    }
    if (predictions_->isRunning()) panel_->setMessage(tr("%1 is reading the video...").arg(QString::fromStdString(newest.name)));
}

void PresentationView::showAnswers(int frame) {
    if (!predictions_->isReady() || predictions_->videoId() != document_.currentVideoId()) return;
    std::vector<ConfidencePanel::Subject> subjects;
    for (SubjectAnswer& answer : predictions_->answersAt(frame)) {
        ConfidencePanel::Subject s;
        s.name = answer.subjectId ? document_.subjectName(answer.subjectId) : tr("Whole frame");
        s.colour = subjectColour(answer.subjectId);
        s.answer = std::move(answer);
        subjects.push_back(std::move(s));
    }
    if (subjects.empty())
        panel_->setMessage(tr("No one the model can see in this frame."));
    else
        panel_->setAnswers(std::move(subjects));
}

void PresentationView::advanceIfAtEnd() {
    if (!playlist_ || advancing_ || player_.frameCount() <= 0 || player_.currentFrame() < player_.frameCount() - 1) return;
    advancing_ = true;  // once per end, however often the last frame is reported
    Q_EMIT nextVideoWanted();
}

void PresentationView::setPlaylist(bool on) {
    playlist_ = on;
    if (on && !player_.isPlaying()) player_.play();
    updateStatus();
}

void PresentationView::countPaint() {
    ++paints_;
    const qint64 ms = fpsClock_->elapsed();
    if (ms >= 1000) {
        fps_ = 1000.0 * paints_ / double(ms);
        paints_ = 0;
        fpsClock_->restart();
    }
    updateStatus();
}

void PresentationView::updateStatus() {
    status_->setText(tr("%1 frames/s drawn · model on %2%3")
                         .arg(fps_, 0, 'f', 1)
                         .arg(predictions_->device().empty() ? tr("-") : QString::fromStdString(predictions_->device()),
                              playlist_ ? tr(" · playlist") : QString()));
}

void PresentationView::setPrivacyFilter(PrivacyFilter* privacy) {
    if (privacy_) disconnect(privacy_, nullptr, this, nullptr);
    privacy_ = privacy;
    if (!privacy_) return;
    connect(privacy_, &PrivacyFilter::enabledChanged, this, [this] {
        if (view_->frame()) view_->setFrame(privacy_->current());
    });
    if (view_->frame()) view_->setFrame(privacy_->current());
}

void PresentationView::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
    case Qt::Key_Escape:
    case Qt::Key_F11: close(); return;
    case Qt::Key_Space: player_.togglePlay(); return;
    case Qt::Key_P: setPlaylist(!playlist_); return;
    case Qt::Key_B:
        if (privacy_) privacy_->setEnabled(!privacy_->isEnabled());
        return;
    case Qt::Key_Right: player_.step(event->modifiers() & Qt::ShiftModifier ? 10 : 1); return;
    case Qt::Key_Left: player_.step(event->modifiers() & Qt::ShiftModifier ? -10 : -1); return;
    default: QWidget::keyPressEvent(event);
    }
}

void PresentationView::closeEvent(QCloseEvent* event) {
    Q_EMIT left();
    QWidget::closeEvent(event);
}

}  // namespace actionlens::ui
