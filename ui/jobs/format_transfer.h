#pragma once

// transferFormat: one import into, or export out of, the open project with a core/formats
// format, as the work of a Job. The project's store is lent to the job for the run
// (StoreUse::Borrows): the GUI must not touch it until the job finished (the transfer dialog is
// modal and the player is paused), because a Qt SQL connection is not safe to use from two
// threads at once. An import runs in one store
// transaction, so a failed or cancelled import leaves the project exactly as it was; an export
// is written to a temporary file renamed into place only when complete. Around an import's
// transaction the worker copies the project (ImportSnapshots), which makes it undoable.

#include <QString>
#include <QStringList>

#include <memory>

namespace actionlens::annotation {
class ProjectStore;
}

namespace actionlens::ui {

class ImportSnapshots;
class JobContext;

enum class TransferDirection { Import, Export };

struct FormatTransferRequest {
    TransferDirection direction = TransferDirection::Import;
    QString format;  // a core/formats name: "coco", "penn-action", ...
    QString path;    // import: the file or folder read; export: the file written
    QString annotator;  // import: non-empty puts every person's segment it adds in this annotator's layer
    QString layout;     // import: the skeleton layout where the file cannot tell (openpose: BODY_25B); empty: default
    QString video;      // import: the project's video of observations without media (boris LIVE); empty: none
    bool keepSkeletonLayouts = false;  // export (coco): each layout as it is, not mapped to COCO-17
    // export: subjects, videos and annotators under the project's pseudonyms (core/privacy); the
    // subjects without consent are left out either way once any consent is recorded
    bool pseudonymise = false;
};

struct FormatTransferResult {
    bool ok = false;
    bool cancelled = false;
    QString message;      // the error (file, line or field as core/formats reports it); empty when ok
    QStringList warnings;  // what an import skipped without failing (listed videos that are missing, ...)
    // A successful import: the project before and after it, for ImportCommand (undo). Null when
    // no copy could be made; undoProblem then says why, and the import cannot be undone.
    std::shared_ptr<ImportSnapshots> snapshots;
    QString undoProblem;
};

// Runs on the job's thread. Reports progress at the format's progress points and its stage
// ("Copying the project for undo...", "Importing...") through `context`, and stops changing
// nothing when the job is cancelled.
FormatTransferResult transferFormat(annotation::ProjectStore& store, const FormatTransferRequest& request, JobContext& context);

}  // namespace actionlens::ui
