#include "ui/present/presentation_view.h"

#include "core/annotation/project_store.h"
#include "ui/document/project_document.h"
#include "ui/player/annotation_overlays.h"
#include "ui/player/player_controller.h"
#include "ui/player/privacy_filter.h"
#include "ui/player/video_view.h"
#include "core/live/live_pipeline.h"
#include "ui/learning/trained_models.h"
#include "ui/player/skeleton_overlay.h"
#include "ui/present/confidence_panel.h"
#include "ui/present/live_camera.h"
#include "ui/present/live_predictions.h"
#include "ui/present/presentation_start_screen.h"
#include "ui/style/annotation_colours.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
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
    title_->setWordWrap(true);  // a long device string must not push the video aside
    status_ = new QLabel(this);
    QFont medium = font();
    medium.setPointSizeF(medium.pointSizeF() * 1.3);
    status_->setFont(medium);
    auto* hint = new QLabel(tr("Space play / pause  ·  \u2190 \u2192 step  ·  P playlist  ·  B blur faces  ·  C camera  ·  V videos  ·  Esc leave"), this);
    hint->setStyleSheet(QStringLiteral("color: #80868e;"));

    auto* side = new QVBoxLayout;
    side->addWidget(title_);
    side->addWidget(panel_, 1);
    side->addWidget(status_);
    side->addWidget(hint);
    start_ = new PresentationStartScreen(this);
    stage_ = new QStackedWidget(this);
    stage_->addWidget(view_);
    stage_->addWidget(start_);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(stage_, 3);
    layout->addLayout(side, 1);

    camera_ = new LiveCamera(document_, this);
    liveSkeletons_ = std::make_unique<SkeletonOverlay>();
    connect(start_, &PresentationStartScreen::videosChosen, this, &PresentationView::showProjectVideos);
    connect(start_, &PresentationStartScreen::cameraChosen, this, [this](const LiveCameraOptions& options) {
        if (const QString refused = startCamera(options); !refused.isEmpty()) start_->setMessage(refused);
    });
    connect(camera_, &LiveCamera::frameArrived, this, &PresentationView::showCameraFrame);
    connect(camera_, &LiveCamera::opened, this, [this] {
        title_->setText(camera_->description());
        if (!camera_->modelNote().isEmpty()) panel_->setMessage(camera_->modelNote());
        else panel_->setMessage(tr("%1 is watching...").arg(camera_->modelName()));
    });
    connect(camera_, &LiveCamera::stopped, this, &PresentationView::cameraStopped);

    connect(&player_, &PlayerController::frameShown, this, [this](int frame, media::FramePtr picture) {
        videoPicture_ = picture;
        if (source_ != Source::Videos) return;  // the camera has the view
        frame_ = frame;
        overlays_->showFrame(frame);
        view_->setFrame(privacy_ ? privacy_->filter(frame, std::move(picture)) : std::move(picture));
        showAnswers(frame);
        if (frame < player_.frameCount() - 1) advancing_ = false;
        else if (player_.isPlaying()) advanceIfAtEnd();
    });
    // Playback stops at a video's end: the playlist goes on with the next.
    connect(&player_, &PlayerController::playingChanged, this, [this](bool playing) {
        if (!playing && source_ == Source::Videos) advanceIfAtEnd();
    });
    connect(view_, &VideoView::framePainted, this, [this] { countPaint(); });
    connect(predictions_, &LivePredictions::finished, this, [this](const QString& message) {
        if (source_ != Source::Videos) return;
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
    // The camera's job first: its deliveries reach this view.
    delete camera_;
    view_->removeOverlay(liveSkeletons_.get());
    // The overlays unregister from the view, which Qt would otherwise delete first.
    delete overlays_;
    if (explanation_) view_->removeOverlay(explanation_);
}

void PresentationView::readCurrentVideo() {
    const annotation::Video* video = document_.currentVideo();
    if (video && QFileInfo(QString::fromStdString(video->path)).isFile())
        start_->setCurrentVideo(QString::fromStdString(video->path), QString::fromStdString(video->name.empty() ? video->path : video->name));
    else
        start_->setCurrentVideo({}, {});
    if (source_ != Source::Videos) return;
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
    if (source_ != Source::Videos) return;
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
    if (source_ == Source::Camera) {
        const auto frame = camera_->latest();
        if (!frame) {
            status_->setText(tr("Starting the camera..."));
            return;
        }
        status_->setText(tr("%1 frames/s through pose%2 · camera %3 frames/s · %4 dropped · %5 frames/s drawn%6")
                             .arg(frame->framesPerSecond, 0, 'f', 1)
                             .arg(camera_->modelName().isEmpty() ? QString() : tr(" + model"))
                             .arg(frame->cameraFramesPerSecond, 0, 'f', 1)
                             .arg(frame->counts.dropped)
                             .arg(fps_, 0, 'f', 1)
                             .arg(camera_->modelDevice().isEmpty() ? QString() : tr(" · model on %1").arg(camera_->modelDevice())));
        return;
    }
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
    case Qt::Key_C: showStartScreen(); return;
    case Qt::Key_V: showProjectVideos(); return;
    default: break;
    }
    if (source_ != Source::Videos) {
        QWidget::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
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

bool PresentationView::isShowingStartScreen() const { return stage_->currentWidget() == start_; }

void PresentationView::showStartScreen(const QString& message) {
    camera_->stop();
    if (source_ == Source::Videos) player_.pause();
    source_ = Source::Camera;  // the choice being made is a camera: the player's frames stay away
    view_->removeOverlay(liveSkeletons_.get());
    start_->setMessage(message);
    start_->refreshCameras();
    stage_->setCurrentWidget(start_);
    title_->setText(tr("Choose a source"));
    panel_->setMessage(message.isEmpty() ? tr("Choose a camera, or the project's videos.") : message);
    status_->clear();
    start_->deviceEdit()->setFocus();
}

QString PresentationView::startCamera(const QString& device) {
    LiveCameraOptions options = start_->cameraOptions();
    options.device = device;
    start_->setDevice(device);
    return startCamera(options);
}

QString PresentationView::startCamera(const LiveCameraOptions& options) {
    player_.pause();
    source_ = Source::Camera;
    overlays_->clear();
    view_->removeOverlay(liveSkeletons_.get());
    liveSkeletons_->setSkeletons({});
    view_->addOverlay(liveSkeletons_.get());
    if (const QString refused = camera_->start(options); !refused.isEmpty()) {
        showStartScreen(refused);
        return refused;
    }
    stage_->setCurrentWidget(view_);
    view_->setFrame(nullptr);
    title_->setText(options.device);
    panel_->setMessage(tr("Opening %1...").arg(options.device));
    updateStatus();
    setFocus();
    return {};
}

void PresentationView::showProjectVideos() {
    camera_->stop();
    view_->removeOverlay(liveSkeletons_.get());
    source_ = Source::Videos;
    stage_->setCurrentWidget(view_);
    setFocus();
    readCurrentVideo();
    if (videoPicture_) {
        view_->setFrame(privacy_ ? privacy_->filter(frame_, videoPicture_) : videoPicture_);
        overlays_->showFrame(frame_);
    } else {
        view_->setFrame(nullptr);
        player_.showAgain();  // the picture comes as frameShown
    }
    updateStatus();
}

void PresentationView::showCameraFrame() {
    const auto frame = camera_->latest();
    if (source_ != Source::Camera || !frame || isShowingStartScreen()) return;
    std::vector<OverlaySkeleton> skeletons;
    for (const live::LivePerson& person : frame->people) {
        OverlaySkeleton s;
        s.frame = person.skeleton;
        s.layout = camera_->layout();
        s.subjectName = tr("Person %1").arg(person.person);
        s.subjectColour = subjectColour(person.person);
        skeletons.push_back(std::move(s));
    }
    liveSkeletons_->setSkeletons(std::move(skeletons));
    view_->setFrame(frame->picture);
    if (camera_->modelName().isEmpty()) {
        if (!camera_->modelNote().isEmpty()) panel_->setMessage(camera_->modelNote());
        else panel_->setMessage(frame->people.empty() ? tr("No one in sight.") : tr("%n people in sight.", nullptr, int(frame->people.size())));
    } else if (frame->answers.empty()) {
        panel_->setMessage(tr("No one the model can see."));
    } else {
        std::vector<ConfidencePanel::Subject> subjects;
        for (const live::LivePersonAnswer& a : frame->answers) {
            ConfidencePanel::Subject s;
            s.name = tr("Person %1").arg(a.person);
            s.colour = subjectColour(a.person);
            s.answer.subjectId = a.person;
            for (const live::LiveTaskAnswer& t : a.tasks) {
                std::vector<int> order(t.probabilities.size());
                for (size_t i = 0; i < order.size(); ++i) order[i] = int(i);
                const size_t shown = std::min<size_t>(3, order.size());
                std::partial_sort(order.begin(), order.begin() + std::ptrdiff_t(shown), order.end(),
                                  [&t](int x, int y) { return t.probabilities[size_t(x)] > t.probabilities[size_t(y)]; });
                TaskAnswer task;
                task.task = t.task;
                for (size_t i = 0; i < shown; ++i) {
                    task.classes.push_back(t.classes[size_t(order[i])]);
                    task.probabilities.push_back(t.probabilities[size_t(order[i])]);
                }
                s.answer.tasks.push_back(std::move(task));
            }
            subjects.push_back(std::move(s));
        }
        panel_->setAnswers(std::move(subjects));
    }
    updateStatus();
}

void PresentationView::cameraStopped(const QString& message) {
    if (source_ != Source::Camera) return;
    showStartScreen(message.isEmpty() ? QString() : tr("%1 — choose a source again.").arg(message.left(1).toUpper() + message.mid(1)));
}

void PresentationView::closeEvent(QCloseEvent* event) {
    Q_EMIT left();
    QWidget::closeEvent(event);
}

}  // namespace actionlens::ui
