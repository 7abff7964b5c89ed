#pragma once

// ImportSnapshots: the project right before and right after one import, as two
// core/annotation ProjectSnapshots in a temporary folder that lives exactly as long as this
// object (the ImportCommand holds it; closing the project clears the undo stack and with it the
// folder). Taken by FormatTransferWorker on its thread, around the import's transaction, while
// the store is lent to it; handed to the GUI thread in the FormatTransferResult.
//
// Cost: two compacted copies of the whole project on disk and two VACUUM INTO passes per import
// (see ui/README.md for the Penn Action figures).

#include "core/annotation/project_snapshot.h"
#include "core/annotation/project_store.h"
#include "core/common/result.h"

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

private:
    explicit ImportSnapshots(const QString& folderTemplate) : folder_(folderTemplate) {}

    QTemporaryDir folder_;
    std::optional<annotation::ProjectSnapshot> before_;
    std::optional<annotation::ProjectSnapshot> after_;
    annotation::ProjectCounts countsBefore_;
    annotation::ProjectCounts countsAfter_;
};

}  // namespace actionlens::ui
