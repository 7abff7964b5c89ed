#include "ui/format_transfer_worker.h"

#include "core/annotation/project_store.h"
#include "core/formats/format_registry.h"

namespace actionlens::ui {

FormatTransferWorker::FormatTransferWorker(QObject* parent) : QObject(parent) {
    qRegisterMetaType<FormatTransferRequest>();
    qRegisterMetaType<FormatTransferResult>();
}

void FormatTransferWorker::transfer(annotation::ProjectStore* store, const FormatTransferRequest& request) {
    FormatTransferResult result;
    const std::string format = request.format.toStdString();
    const std::string path = request.path.toStdString();
    auto progressed = [this](std::int64_t done, std::int64_t total) { Q_EMIT progress(done, total); };
    auto cancelRequested = [this] { return isCancelled(); };
    Status done = Status::success();
    if (request.direction == TransferDirection::Import) {
        formats::ImportOptions options;
        options.progress = progressed;
        options.cancelRequested = cancelRequested;
        options.warning = [&result](const std::string& message) { result.warnings << QString::fromStdString(message); };
        done = formats::importProject(format, path, *store, options);
    } else {
        formats::ExportOptions options;
        options.progress = progressed;
        options.cancelRequested = cancelRequested;
        done = formats::exportProject(format, *store, path, options);
    }
    result.ok = done.ok();
    result.cancelled = !done.ok() && isCancelled();
    if (!done.ok()) result.message = QString::fromStdString(done.error());
    if (result.cancelled) result.warnings.clear();  // nothing was kept, so nothing was skipped
    Q_EMIT finished(result);
}

}  // namespace actionlens::ui
