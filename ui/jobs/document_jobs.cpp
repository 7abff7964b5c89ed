#include "ui/jobs/document_jobs.h"

#include <algorithm>

namespace actionlens::ui {

DocumentJobs::DocumentJobs(QObject* parent) : QObject(parent) {}

void DocumentJobs::prune() {
    entries_.erase(std::remove_if(entries_.begin(), entries_.end(), [](const Entry& e) { return !e.job || !e.job->isRunning(); }),
                   entries_.end());
}

QString DocumentJobs::conflictFor(StoreUse use) const {
    if (use == StoreUse::None) return {};
    for (const Entry& e : entries_) {
        if (!e.job || !e.job->isRunning() || e.use == StoreUse::None) continue;
        if (use == StoreUse::Borrows || e.use == StoreUse::Borrows)
            return tr("%1 is still running. Try again when it is done.").arg(e.job->title());
    }
    return {};
}

QString DocumentJobs::start(Job* job, StoreUse use) {
    prune();
    if (QString conflict = conflictFor(use); !conflict.isEmpty()) return conflict;
    entries_.push_back({job, use});
    connect(job, &Job::finished, this, [this, job] {
        prune();
        Q_EMIT jobFinished(job);
    });
    if (!job->isRunning() && !job->hasFinished()) job->start();
    Q_EMIT jobStarted(job);
    return {};
}

Job* DocumentJobs::storeBorrower() const {
    for (const Entry& e : entries_)
        if (e.job && e.job->isRunning() && e.use == StoreUse::Borrows) return e.job;
    return nullptr;
}

std::vector<Job*> DocumentJobs::running() const {
    std::vector<Job*> jobs;
    for (const Entry& e : entries_)
        if (e.job && e.job->isRunning()) jobs.push_back(e.job);
    return jobs;
}

void DocumentJobs::cancelAll() {
    std::vector<QPointer<Job>> jobs;
    for (Job* job : running()) jobs.emplace_back(job);
    for (const QPointer<Job>& job : jobs) job->cancel();
    for (const QPointer<Job>& job : jobs)
        if (job) job->wait();  // a finished() handler may delete a job
    prune();
}

}  // namespace actionlens::ui
