#pragma once

// PlayerController: the transport of one opened video. It owns a media::FrameServer (decoder
// thread + frame cache) and turns it into Qt signals on the GUI thread. The GUI thread never
// waits for decoding: it asks with FrameServer::tryGet and, when the frame is not ready yet,
// shows it when the decoder thread reports it (the ready callback is posted as a queued call).
//
// Playback is paced by the video's own timestamps (FrameIndex::seconds) against a
// QElapsedTimer: at each tick the frame due at the elapsed time is shown, so a slow decoder
// drops display frames instead of drifting behind, and variable-rate video plays at its real
// speed.

#include "core/media/frame_server.h"
#include "core/media/video_frame.h"
#include "ui/jobs/job.h"

#include <QElapsedTimer>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QTimer>

#include <atomic>
#include <map>
#include <optional>
#include <utility>
#include <memory>

Q_DECLARE_METATYPE(actionlens::media::FramePtr)

namespace actionlens::ui {

class PlayerController : public QObject {
    Q_OBJECT
public:
    explicit PlayerController(QObject* parent = nullptr);
    ~PlayerController() override;

    // Opens a video file or image folder; returns an empty string on success, otherwise a
    // message for the user (the previously opened video is closed either way).
    QString open(const QString& path);
    // Indexes the video on a worker thread (the first open of a long file reads all its
    // packets) and emits opened() or openFailed() on the GUI thread. A later open, openAsync or
    // close supersedes a pending one, whose result is then dropped.
    void openAsync(const QString& path);
    bool isOpening() const { return !pendingPath_.isEmpty(); }
    QString pendingPath() const { return pendingPath_; }
    void close();
    bool isOpen() const { return server_ != nullptr; }
    QString path() const { return path_; }
    // Valid while a video is open.
    const media::VideoInfo& info() const { return server_->info(); }
    int frameCount() const;

    int currentFrame() const { return playhead_; }  // the frame being shown or fetched
    int shownFrame() const { return shownFrame_; }  // the last frame signalled by frameShown
    double secondsOf(int frame) const;              // from the video's timestamps
    bool isPlaying() const { return playing_; }
    // +1 forward, -1 backward (while playing; the last direction when paused).
    int direction() const { return direction_; }
    double rate() const { return rate_; }
    // While set, forward playback wraps from `last` back to `first` and starts inside it.
    void setLoop(std::optional<std::pair<int, int>> frames);
    std::optional<std::pair<int, int>> loop() const { return loop_; }

public Q_SLOTS:
    void seek(int frame);  // clamped to the video
    // frameShown for the playhead's frame again (a view that came back wants the picture).
    void showAgain();
    void step(int delta);  // pauses first: stepping is for frame-by-frame inspection
    void play();
    void playBackward();
    void pause();
    void togglePlay();
    void setRate(double rate);  // 0.25x to 4x
    // J/K/L as in video editors: a direction key starts playing that way at 1x and each further
    // press doubles the rate (up to 4x); the other direction starts again at 1x.
    void shuttle(int direction);

Q_SIGNALS:
    // On the GUI thread, each time a new frame is to be displayed.
    void frameShown(int frame, actionlens::media::FramePtr picture);
    // The playhead moved (by seek, step or playback); seconds from the video's timestamps.
    void positionChanged(int frame, double seconds);
    void playingChanged(bool playing);
    void rateChanged(double rate);
    void frameFailed(int frame, const QString& message);
    void opened();
    void openFailed(const QString& path, const QString& message);

private:
    QString adopt(const QString& path, std::unique_ptr<media::FrameSource> source);
    void moveTo(int frame);  // sets the playhead and shows it when it can
    void showPlayheadIfReady();
    void onFramesReady();  // GUI thread, posted by the decoder thread's callback
    void onPlaybackTick();
    void schedulePlaybackTick();
    void restartClock();
    double clockSeconds() const;  // the video time playback has reached
    double frameEndSeconds(int frame) const;

    std::unique_ptr<media::FrameServer> server_;
    QString path_;
    // Background indexing: each openAsync is a Job with a generation; only the latest one is
    // adopted. Jobs are deleted when their result arrives or with this controller (which waits).
    QString pendingPath_;
    int openGeneration_ = 0;
    int playhead_ = 0;
    int shownFrame_ = -1;
    int reportedFailure_ = -1;

    void start(int direction);

    bool playing_ = false;
    int direction_ = 1;
    double rate_ = 1.0;
    std::optional<std::pair<int, int>> loop_;
    QElapsedTimer clock_;
    double clockStartSeconds_ = 0.0;  // video time at which clock_ was started
    QTimer playbackTimer_;
    // The ready callback does not fire for frames that fail to decode: while a frame is
    // outstanding this timer checks for its error now and then.
    QTimer outstandingTimer_;
    // Coalesces the decoder thread's notifications: one queued call at a time, however many
    // frames it prefetches meanwhile.
    std::shared_ptr<std::atomic<bool>> notificationPending_;
};

}  // namespace actionlens::ui
