#include "ui/jobs/format_transfer.h"

#include "core/privacy/privacy_export.h"

#include "core/annotation/project_store.h"
#include "core/formats/format_registry.h"
#include "ui/commands/import_snapshots.h"
#include "ui/jobs/job.h"

#include <QObject>

namespace actionlens::ui {

FormatTransferResult transferFormat(annotation::ProjectStore& store, const FormatTransferRequest& request, JobContext& context) {
    FormatTransferResult result;
    const std::string format = request.format.toStdString();
    const std::string path = request.path.toStdString();
    auto progressed = [&context](std::int64_t done, std::int64_t total) { context.setProgress(done, total); };
    auto cancelRequested = [&context] { return context.isCancelled(); };
    Status done = Status::success();
    if (request.direction == TransferDirection::Import) {
        formats::ImportOptions options;
        options.progress = progressed;
        options.cancelRequested = cancelRequested;
        options.warning = [&result](const std::string& message) { result.warnings << QString::fromStdString(message); };
        options.annotator = request.annotator.trimmed().toStdString();
        options.layout = request.layout.toStdString();
        options.video = request.video.toStdString();
        // The copies for undo are taken outside the import's transaction (SQLite copies only
        // committed states). Without them the import still runs; it is just not undoable.
        std::shared_ptr<ImportSnapshots> snapshots;
        if (!context.isCancelled()) {
            context.setStage(QObject::tr("Copying the project for undo..."));
            auto before = ImportSnapshots::takeBefore(store);
            if (before)
                snapshots = std::move(before).value();
            else
                result.undoProblem = QString::fromStdString(before.error());
        }
        context.setStage(QObject::tr("Importing..."));
        done = formats::importProject(format, path, store, options);
        if (done.ok() && snapshots) {
            context.setStage(QObject::tr("Copying the imported project for redo..."));
            if (Status after = snapshots->takeAfter(store); !after) {
                result.undoProblem = QString::fromStdString(after.error());
                snapshots.reset();  // removes the folder with the copy before the import
            }
        }
        if (done.ok()) result.snapshots = std::move(snapshots);
    } else {
        formats::ExportOptions options;
        options.progress = progressed;
        options.cancelRequested = cancelRequested;
        options.keepSkeletonLayouts = request.keepSkeletonLayouts;
        privacy::PrivacyOptions privacy;
        privacy.pseudonymise = request.pseudonymise;
        done = privacy::exportWithPrivacy(format, store, path, options, privacy);
    }
    result.ok = done.ok();
    result.cancelled = !done.ok() && context.isCancelled();
    if (!done.ok()) result.message = QString::fromStdString(done.error());
    if (result.cancelled) result.warnings.clear();  // nothing was kept, so nothing was skipped
    return result;
}

}  // namespace actionlens::ui
