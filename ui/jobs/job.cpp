#include "ui/jobs/job.h"

#include <QCoreApplication>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>

namespace actionlens::ui {

// What the work's thread and the GUI thread share. The work's thread posts to `job`, which
// outlives it: ~Job waits for the thread.
struct JobState {
    Job* job = nullptr;
    std::atomic<bool> cancelled{false};
    std::atomic<qint64> done{0};
    std::atomic<qint64> total{0};
    std::atomic<bool> progressQueued{false};
    std::mutex pauseMutex;
    std::condition_variable pauseChanged;
    bool paused = false;  // under pauseMutex
};

bool JobContext::isCancelled() const { return state_->cancelled.load(); }

bool JobContext::waitWhilePaused() {
    std::unique_lock<std::mutex> lock(state_->pauseMutex);
    state_->pauseChanged.wait(lock, [this] { return !state_->paused || state_->cancelled.load(); });
    return !state_->cancelled.load();
}

void JobContext::setProgress(qint64 done, qint64 total) {
    state_->done.store(done);
    state_->total.store(total);
    if (state_->progressQueued.exchange(true)) return;  // the queued notification will read these values
    Job* job = state_->job;
    QMetaObject::invokeMethod(job, [job] { job->postProgress(); }, Qt::QueuedConnection);
}

void JobContext::setStage(const QString& stage) {
    Job* job = state_->job;
    QMetaObject::invokeMethod(
        job,
        [job, stage] {
            job->stage_ = stage;
            Q_EMIT job->stageChanged(stage);
        },
        Qt::QueuedConnection);
}

void JobContext::deliver(std::function<void()> onGuiThread) {
    QMetaObject::invokeMethod(state_->job, std::move(onGuiThread), Qt::QueuedConnection);
}

Job::Job(const QString& title, Work work, QObject* parent)
    : QObject(parent), title_(title), work_(std::move(work)), state_(std::make_shared<JobState>()) {
    state_->job = this;
}

Job::~Job() {
    if (!thread_) return;
    cancel();
    thread_->wait();
}

bool Job::start() {
    if (thread_) return false;
    auto state = state_;
    thread_.reset(QThread::create([state, work = std::move(work_)] {
        JobContext context(state);
        try {
            work(context);
        } catch (const std::exception& e) {
            context.setStage(QObject::tr("failed: %1").arg(QString::fromLocal8Bit(e.what())));
        }
        Job* job = state->job;
        QMetaObject::invokeMethod(job, [job] { job->finish(); }, Qt::QueuedConnection);
    }));
    thread_->setObjectName(title_);
    running_ = true;
    thread_->start();
    return true;
}

void Job::cancel() {
    {
        std::lock_guard<std::mutex> lock(state_->pauseMutex);
        state_->cancelled.store(true);
    }
    state_->pauseChanged.notify_all();
}

bool Job::isCancelled() const { return state_->cancelled.load(); }

void Job::setPaused(bool paused) {
    {
        std::lock_guard<std::mutex> lock(state_->pauseMutex);
        if (state_->paused == paused) return;
        state_->paused = paused;
    }
    state_->pauseChanged.notify_all();
    Q_EMIT pausedChanged(paused);
}

bool Job::isPaused() const {
    std::lock_guard<std::mutex> lock(state_->pauseMutex);
    return state_->paused;
}

void Job::wait() {
    if (!thread_ || finished_) return;
    thread_->wait();
    // What the work posted before it returned, finish() last.
    QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
}

void Job::postProgress() {
    state_->progressQueued.store(false);
    done_ = state_->done.load();
    total_ = state_->total.load();
    Q_EMIT progressChanged(done_, total_);
}

void Job::finish() {
    if (finished_) return;
    thread_->wait();  // it has posted this; only its return is left
    running_ = false;
    finished_ = true;
    Q_EMIT finished(isCancelled());
}

}  // namespace actionlens::ui
