#pragma once

// DocumentJobs: the jobs working on the open project (ProjectDocument::jobs()). It starts them,
// lists those running, and knows how each uses the project's store, so a job that would collide
// with another is refused with a message naming the one in the way, and nobody has to look
// through the widget tree for a dialog that might be busy:
// - Borrows: the job's thread uses the store itself (import, export). Qt SQL connections are not
//   safe across threads, so while it runs the GUI reads nothing of its own from the store
//   (ProjectDocument::isStoreLent()) and no other job that writes may start.
// - Writes: the job's results are written on the GUI thread as undoable commands while it runs
//   (adding videos, pose estimation); it may run beside other writers, not beside a borrower.
// - None: the job does not touch the store (relinking searches files, rendering the demo).
// The jobs themselves belong to whoever started them (see Job); closing the project cancels
// and waits for every job still running on it.

#include "ui/jobs/job.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <vector>

namespace actionlens::ui {

enum class StoreUse { None, Writes, Borrows };

class DocumentJobs : public QObject {
    Q_OBJECT
public:
    explicit DocumentJobs(QObject* parent = nullptr);

    // Why a job with this use cannot start now ("Importing is still running."), or empty.
    QString conflictFor(StoreUse use) const;
    // Starts `job` unless conflictFor(use) says otherwise (a job its owner started already is
    // only registered); that message, or empty when it runs.
    QString start(Job* job, StoreUse use);

    // The running job whose thread has the store, or nullptr.
    Job* storeBorrower() const;
    std::vector<Job*> running() const;
    bool isBusy() const { return !running().empty(); }

    // Cancels every running job and waits for each (closing the project or the window).
    void cancelAll();

Q_SIGNALS:
    void jobStarted(actionlens::ui::Job* job);
    void jobFinished(actionlens::ui::Job* job);

private:
    struct Entry {
        QPointer<Job> job;
        StoreUse use;
    };
    void prune();

    std::vector<Entry> entries_;
};

}  // namespace actionlens::ui
