#pragma once

// Job: one piece of long work (import, export, pose estimation, relinking, reading videos,
// indexing, rendering the demo, training, evaluation) on a thread of its own, so the window never
// waits for it. The work is a function run on that thread with a JobContext: it asks whether it
// was cancelled (or paused), reports progress and its stage, and hands results to the GUI thread
// with deliver(). Everything a job reports arrives on the GUI thread, in the order it was sent,
// and finished() comes last. Progress is coalesced: however often the work reports, at most one
// notification is queued, carrying the latest values, so a tight loop cannot flood the window.
//
// Whoever creates a job owns it (a QObject parent); destroying a running job cancels it and
// waits for its thread, so nothing a deliver() captured is used after its owner is gone.
// ProjectDocument::jobs() (DocumentJobs) starts the jobs that use the open project.

#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QThread;

namespace actionlens::ui {

struct JobState;

class JobContext {
public:
    explicit JobContext(std::shared_ptr<JobState> state) : state_(std::move(state)) {}

    bool isCancelled() const;
    // Blocks while the job is paused; false once it is cancelled (then stop soon).
    bool waitWhilePaused();
    // total <= 0: the amount of work is not known (a busy indicator).
    void setProgress(qint64 done, qint64 total);
    void setStage(const QString& stage);
    // Runs `onGuiThread` on the GUI thread, after what was delivered before and before finished().
    void deliver(std::function<void()> onGuiThread);

private:
    std::shared_ptr<JobState> state_;
};

class Job : public QObject {
    Q_OBJECT
public:
    using Work = std::function<void(JobContext&)>;

    Job(const QString& title, Work work, QObject* parent = nullptr);
    ~Job() override;  // cancels and waits for the work to return

    QString title() const { return title_; }
    // Starts the work on its thread; false if it was started before.
    bool start();
    bool isRunning() const { return running_; }
    bool hasFinished() const { return finished_; }

    // From the GUI thread: the work sees it at its next check and stops.
    void cancel();
    bool isCancelled() const;
    // Pausing holds the work at its next waitWhilePaused(); cancelling ends a pause.
    void setPaused(bool paused);
    bool isPaused() const;

    qint64 done() const { return done_; }
    qint64 total() const { return total_; }
    QString stage() const { return stage_; }

    // Blocks the calling (GUI) thread until the work has returned, then sends what it delivered
    // and finished(). For closing the window and for tests.
    void wait();

Q_SIGNALS:
    void progressChanged(qint64 done, qint64 total);
    void stageChanged(const QString& stage);
    void pausedChanged(bool paused);
    // The work returned; `cancelled`: cancel() was called before it did.
    void finished(bool cancelled);

private:
    friend class JobContext;
    void postProgress();
    void finish();

    QString title_;
    Work work_;
    std::shared_ptr<JobState> state_;
    std::unique_ptr<QThread> thread_;
    qint64 done_ = 0;
    qint64 total_ = 0;
    QString stage_;
    bool running_ = false;
    bool finished_ = false;
};

}  // namespace actionlens::ui
