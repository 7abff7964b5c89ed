#pragma once

// ImportSnapshots: the project right before and right after one import, as two
// core/annotation ProjectSnapshots in a temporary folder that lives exactly as long as this
// object (the ImportCommand holds it; closing the project clears the undo stack and with it the
// folder). Taken by FormatTransferWorker on its thread, around the import's transaction, while
// the store is lent to it; handed to the GUI thread in the FormatTransferResult.
//
// Cost: two compacted copies of the whole project on disk and two VACUUM INTO passes per import
// (see ui/README.md for the Penn Action figures).
//
// A killed or crashed process cannot remove its folders: each holds a lock file naming its owner
// (QLockFile), and removeAbandonedFolders() (called when the app starts) deletes the folders whose
// owner is no longer running.

#include "core/annotation/project_snapshot.h"
#include "core/annotation/project_store.h"
#include "core/common/result.h"

#include <QLockFile>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace actionlens::ui {

class ImportSnapshots {
public:
    // The copy before the import (call it outside any transaction). An error says why no copy
    // could be made (no temporary folder, disk full, ...): the import is then not undoable.
    static Result<std::shared_ptr<ImportSnapshots>> takeBefore(annotation::ProjectStore& store);
    // The copy after the import succeeded.
    Status takeAfter(annotation::ProjectStore& store);

    bool complete() const { return after_.has_value(); }
    const annotation::ProjectSnapshot& before() const { return *before_; }
    const annotation::ProjectSnapshot& after() const { return *after_; }
    const annotation::ProjectCounts& countsBefore() const { return countsBefore_; }
    const annotation::ProjectCounts& countsAfter() const { return countsAfter_; }
    qint64 bytesOnDisk() const;
    QString folder() const { return folder_.path(); }

    // Deletes the copies in `tempFolder` (default: the system's) left by processes that ended
    // without removing them: folders whose owner lock is stale (its process is gone), and folders
    // older than a minute without one (a process killed between making the folder and locking
    // it). Returns how many it removed.
    static int removeAbandonedFolders(const QString& tempFolder = QString());

    static QString ownerLockName() { return QStringLiteral("owner.lock"); }

private:
    explicit ImportSnapshots(const QString& folderTemplate) : folder_(folderTemplate) {}

    QTemporaryDir folder_;
    std::unique_ptr<QLockFile> owner_;  // destroyed (unlocked) before the folder is removed
    std::optional<annotation::ProjectSnapshot> before_;
    std::optional<annotation::ProjectSnapshot> after_;
    annotation::ProjectCounts countsBefore_;
    annotation::ProjectCounts countsAfter_;
};

}  // namespace actionlens::ui
