#include "ui/player/player_controller.h"

#include "core/media/frame_source.h"

#include <QSysInfo>

#include <algorithm>
#include <cmath>

namespace actionlens::ui {

namespace {
constexpr double kMinRate = 0.25;
constexpr double kMaxRate = 4.0;
constexpr int kOutstandingCheckMs = 100;
}  // namespace

PlayerController::PlayerController(QObject* parent)
    : QObject(parent), notificationPending_(std::make_shared<std::atomic<bool>>(false)) {
    qRegisterMetaType<media::FramePtr>();
    playbackTimer_.setSingleShot(true);
    playbackTimer_.setTimerType(Qt::PreciseTimer);
    connect(&playbackTimer_, &QTimer::timeout, this, &PlayerController::onPlaybackTick);
    outstandingTimer_.setInterval(kOutstandingCheckMs);
    connect(&outstandingTimer_, &QTimer::timeout, this, &PlayerController::showPlayheadIfReady);
}

PlayerController::~PlayerController() {
    close();
    // Indexing cannot be interrupted: the opening jobs (children) wait for it as they go.
}

namespace {

// Frames packed the way Qt paints fastest (BGRX words where that is 0xffRRGGBB), converted by
// the decoder thread: scaling them into the view costs the GUI thread a sixth of RGB24's time.
media::OpenOptions viewerOpenOptions() {
    media::OpenOptions options;
    if (QSysInfo::ByteOrder == QSysInfo::LittleEndian) options.pixelLayout = media::PixelLayout::Bgrx32;
    return options;
}

}  // namespace

QString PlayerController::open(const QString& path) {
    close();
    // Indexing a new video reads its packets once (cached on disk afterwards); here it runs on
    // the calling thread (openAsync runs it on a worker).
    auto source = media::openFrameSource(path.toStdString(), viewerOpenOptions());
    if (!source) return QString::fromStdString(source.error());
    return adopt(path, std::move(source).value());
}

void PlayerController::openAsync(const QString& path) {
    close();
    const int generation = ++openGeneration_;
    pendingPath_ = path;
    auto source = std::make_shared<Result<std::unique_ptr<media::FrameSource>>>(makeError(""));  // read when the job finished
    auto* job = new Job(
        tr("Indexing %1").arg(path),
        [path, source](JobContext&) { *source = media::openFrameSource(path.toStdString(), viewerOpenOptions()); }, this);
    connect(job, &Job::finished, this, [this, job, generation, path, source] {
        job->deleteLater();
        if (generation != openGeneration_) return;  // superseded
        pendingPath_.clear();
        if (!source->ok()) {
            Q_EMIT openFailed(path, QString::fromStdString(source->error()));
            return;
        }
        const QString error = adopt(path, std::move(*source).value());
        if (!error.isEmpty()) Q_EMIT openFailed(path, error);
    });
    job->start();
}

QString PlayerController::adopt(const QString& path, std::unique_ptr<media::FrameSource> source) {
    if (source->index().frameCount() <= 0) {
        return QStringLiteral("%1 has no video frames").arg(path);
    }
    server_ = std::make_unique<media::FrameServer>(std::move(source));
    path_ = path;
    playhead_ = 0;
    shownFrame_ = -1;
    reportedFailure_ = -1;

    // Runs on the decoder thread: it only posts. The shared flag outlives this controller, and
    // a queued call to a destroyed controller is dropped by Qt (the context object is gone).
    auto pending = notificationPending_;
    server_->setFrameReadyCallback([pending, this](int) {
        if (pending->exchange(true)) return;
        QMetaObject::invokeMethod(this, [this] { onFramesReady(); }, Qt::QueuedConnection);
    });
    moveTo(0);
    Q_EMIT opened();  // after the playhead is set: a handler may seek elsewhere
    return {};
}

void PlayerController::close() {
    ++openGeneration_;  // a pending openAsync is dropped when it reports
    pendingPath_.clear();
    pause();
    outstandingTimer_.stop();
    // Joins the decoder thread: no callback runs after this.
    server_.reset();
    notificationPending_->store(false);
    path_.clear();
    playhead_ = 0;
    shownFrame_ = -1;
}

int PlayerController::frameCount() const { return server_ ? server_->index().frameCount() : 0; }

double PlayerController::secondsOf(int frame) const {
    if (!server_) return 0.0;
    return server_->index().seconds(std::clamp(frame, 0, frameCount() - 1));
}

void PlayerController::seek(int frame) {
    if (!server_) return;
    moveTo(std::clamp(frame, 0, frameCount() - 1));
    if (playing_) restartClock();
}

void PlayerController::showAgain() {
    if (!server_) return;
    shownFrame_ = -1;
    showPlayheadIfReady();
}

void PlayerController::step(int delta) {
    if (!server_) return;
    pause();
    seek(playhead_ + delta);
}

void PlayerController::play() { start(1); }

void PlayerController::playBackward() { start(-1); }

void PlayerController::start(int direction) {
    if (!server_) return;
    if (playing_ && direction == direction_) return;
    const bool wasPlaying = playing_;
    direction_ = direction;
    if (direction > 0) {
        // Play at the last frame starts over, as media players do; a loop starts inside itself.
        if (loop_ && (playhead_ < loop_->first || playhead_ >= loop_->second)) {
            moveTo(loop_->first);
        } else if (!loop_ && playhead_ >= frameCount() - 1) {
            moveTo(0);
        }
    } else if (playhead_ <= 0) {
        moveTo(frameCount() - 1);
    }
    playing_ = true;
    server_->setPlayhead(playhead_, direction > 0 ? media::PlayDirection::Forward : media::PlayDirection::Backward);
    restartClock();
    if (!wasPlaying) Q_EMIT playingChanged(true);
    schedulePlaybackTick();
}

void PlayerController::shuttle(int direction) {
    if (!server_ || direction == 0) return;
    direction = direction > 0 ? 1 : -1;
    if (playing_ && direction_ == direction) {
        setRate(std::min(kMaxRate, rate_ * 2));
        return;
    }
    setRate(1.0);
    start(direction);
}

void PlayerController::setLoop(std::optional<std::pair<int, int>> frames) {
    if (frames && frames->second < frames->first) frames.reset();
    loop_ = frames;
}

void PlayerController::pause() {
    if (!playing_) return;
    playing_ = false;
    playbackTimer_.stop();
    if (server_) server_->setPlayhead(playhead_, media::PlayDirection::Paused);
    Q_EMIT playingChanged(false);
}

void PlayerController::togglePlay() { playing_ ? pause() : play(); }

void PlayerController::setRate(double rate) {
    const double clamped = std::clamp(rate, kMinRate, kMaxRate);
    if (clamped == rate_) return;
    rate_ = clamped;
    if (playing_) restartClock();
    Q_EMIT rateChanged(rate_);
}

void PlayerController::restartClock() {
    // Backward playback starts at the end of the frame shown, so it stays a full frame time.
    clockStartSeconds_ = direction_ > 0 || playhead_ >= frameCount() - 1 ? secondsOf(playhead_) : secondsOf(playhead_ + 1) - 1e-6;
    clock_.restart();
}

void PlayerController::moveTo(int frame) {
    const bool moved = frame != playhead_ || shownFrame_ < 0;
    playhead_ = frame;
    const media::PlayDirection direction = !playing_ ? media::PlayDirection::Paused
                                           : direction_ > 0 ? media::PlayDirection::Forward
                                                            : media::PlayDirection::Backward;
    server_->setPlayhead(frame, direction);
    if (moved) Q_EMIT positionChanged(frame, secondsOf(frame));
    showPlayheadIfReady();
}

void PlayerController::showPlayheadIfReady() {
    if (!server_ || shownFrame_ == playhead_) {
        outstandingTimer_.stop();
        return;
    }
    if (media::FramePtr picture = server_->tryGet(playhead_)) {
        outstandingTimer_.stop();
        shownFrame_ = playhead_;
        Q_EMIT frameShown(playhead_, picture);
        return;
    }
    if (auto error = server_->errorFor(playhead_)) {
        outstandingTimer_.stop();
        if (reportedFailure_ != playhead_) {
            reportedFailure_ = playhead_;
            Q_EMIT frameFailed(playhead_, QString::fromStdString(*error));
        }
        return;
    }
    if (!outstandingTimer_.isActive()) outstandingTimer_.start();
}

void PlayerController::onFramesReady() {
    notificationPending_->store(false);
    showPlayheadIfReady();
}

double PlayerController::frameEndSeconds(int frame) const {
    if (frame + 1 < frameCount()) return secondsOf(frame + 1);
    // The last frame lasts as long as an average frame: its end has no timestamp.
    const double average = frameCount() > 1 ? (secondsOf(frameCount() - 1) - secondsOf(0)) / (frameCount() - 1) : 0.04;
    return secondsOf(frame) + average;
}

double PlayerController::clockSeconds() const {
    return clockStartSeconds_ + direction_ * clock_.nsecsElapsed() * 1e-9 * rate_;
}

void PlayerController::onPlaybackTick() {
    if (!playing_ || !server_) return;
    const int last = frameCount() - 1;
    const int due = server_->index().frameAtSeconds(clockSeconds());
    // Frames between the last shown and `due` are skipped: showing the frame due now keeps
    // playback on time when decoding or painting falls behind.
    if (direction_ > 0) {
        if (loop_ && clockSeconds() >= frameEndSeconds(loop_->second)) {
            moveTo(loop_->first);
            restartClock();
        } else if (due > playhead_) {
            moveTo(std::min(due, last));
        }
        if (!loop_ && playhead_ >= last) {
            pause();
            return;
        }
    } else {
        if (due < playhead_) moveTo(std::max(due, 0));
        if (playhead_ <= 0) {
            pause();
            return;
        }
    }
    schedulePlaybackTick();
}

void PlayerController::schedulePlaybackTick() {
    // Forward: until the next frame's time; backward: until the clock falls below this frame's.
    const double now = clockSeconds();
    const double boundary = direction_ > 0 ? frameEndSeconds(playhead_) : secondsOf(playhead_);
    const double waitMs = direction_ > 0 ? (boundary - now) / rate_ * 1000.0 : (now - boundary) / rate_ * 1000.0 + 1.0;
    playbackTimer_.start(std::max(0, static_cast<int>(std::ceil(waitMs))));
}

}  // namespace actionlens::ui
