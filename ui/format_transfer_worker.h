#pragma once

// FormatTransferWorker: one import into, or export out of, the open project with a
// core/formats format, on its own thread (a QObject moved to a QThread, like
// PoseEstimationWorker). The project's store is lent to the worker for the run: the GUI must not
// touch it until finished() (the transfer dialog is modal and the player is paused), because a
// Qt SQL connection is not safe to use from two threads at once. An import runs in one store
// transaction, so a failed or cancelled import leaves the project exactly as it was; an export
// is written to a temporary file renamed into place only when complete. Around an import's
// transaction the worker copies the project (ImportSnapshots), which makes it undoable.

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <memory>

namespace actionlens::annotation {
class ProjectStore;
}

namespace actionlens::ui {

class ImportSnapshots;

enum class TransferDirection { Import, Export };

struct FormatTransferRequest {
    TransferDirection direction = TransferDirection::Import;
    QString format;  // a core/formats name: "coco", "penn-action", ...
    QString path;    // import: the file or folder read; export: the file written
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

class FormatTransferWorker : public QObject {
    Q_OBJECT
public:
    explicit FormatTransferWorker(QObject* parent = nullptr);

    // Runs on the worker's thread (queue it with QMetaObject::invokeMethod). Emits progress
    // at the format's progress points, then finished once.
    void transfer(actionlens::annotation::ProjectStore* store, const actionlens::ui::FormatTransferRequest& request);
    // From any thread: the work stops at its next progress point and changes nothing.
    void cancel() { cancelled_.store(true); }
    bool isCancelled() const { return cancelled_.load(); }

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    // What the run is doing now ("Copying the project for undo...", "Importing..."), for the user.
    void stageChanged(const QString& stage);
    void finished(const actionlens::ui::FormatTransferResult& result);

private:
    std::atomic<bool> cancelled_{false};
};

}  // namespace actionlens::ui

Q_DECLARE_METATYPE(actionlens::ui::FormatTransferRequest)
Q_DECLARE_METATYPE(actionlens::ui::FormatTransferResult)
