#include "ui/import_snapshots.h"

#include <QDir>
#include <QFileInfo>

namespace actionlens::ui {

namespace {

QString templateFor(const annotation::ProjectStore& store) {
    const QString name = QFileInfo(QString::fromStdString(store.path())).completeBaseName();
    return QDir(QDir::tempPath()).filePath(QStringLiteral("actionlens-undo-%1-XXXXXX").arg(name));
}

}  // namespace

Result<std::shared_ptr<ImportSnapshots>> ImportSnapshots::takeBefore(annotation::ProjectStore& store) {
    std::shared_ptr<ImportSnapshots> snapshots(new ImportSnapshots(templateFor(store)));
    if (!snapshots->folder_.isValid())
        return makeError("cannot create a temporary folder for the copy of the project in " + QDir::tempPath().toStdString() +
                         " (" + snapshots->folder_.errorString().toStdString() + ")");
    auto counts = store.counts();
    if (!counts) return counts.takeError();
    snapshots->countsBefore_ = counts.value();
    auto before = annotation::ProjectSnapshot::take(store, snapshots->folder_.filePath(QStringLiteral("before.alproj")).toStdString());
    if (!before) return before.takeError();
    snapshots->before_ = std::move(before).value();
    return snapshots;
}

Status ImportSnapshots::takeAfter(annotation::ProjectStore& store) {
    auto counts = store.counts();
    if (!counts) return counts.takeError();
    auto after = annotation::ProjectSnapshot::take(store, folder_.filePath(QStringLiteral("after.alproj")).toStdString());
    if (!after) return after.takeError();
    countsAfter_ = counts.value();
    after_ = std::move(after).value();
    return Status::success();
}

qint64 ImportSnapshots::bytesOnDisk() const {
    return (before_ ? before_->sizeBytes() : 0) + (after_ ? after_->sizeBytes() : 0);
}

}  // namespace actionlens::ui
