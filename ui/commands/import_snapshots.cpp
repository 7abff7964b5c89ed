#include "ui/commands/import_snapshots.h"

#include <QDateTime>
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
    snapshots->owner_ = std::make_unique<QLockFile>(snapshots->folder_.filePath(ownerLockName()));
    snapshots->owner_->setStaleLockTime(0);  // stale only when its process is gone, never by age
    if (!snapshots->owner_->tryLock(0))
        return makeError("cannot lock the temporary folder " + snapshots->folder_.path().toStdString() + " for the copy of the project");
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

int ImportSnapshots::removeAbandonedFolders(const QString& tempFolder) {
    const QDir temp(tempFolder.isEmpty() ? QDir::tempPath() : tempFolder);
    int removed = 0;
    const QFileInfoList folders =
        temp.entryInfoList({QStringLiteral("actionlens-undo-*")}, QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QFileInfo& info : folders) {
        QDir folder(info.absoluteFilePath());
        const QString lockPath = folder.filePath(ownerLockName());
        if (QFileInfo::exists(lockPath)) {
            QLockFile lock(lockPath);
            lock.setStaleLockTime(0);
            // Succeeds only when no living process holds it (Qt removes a lock whose process is gone).
            if (!lock.tryLock(0)) continue;
            lock.unlock();
        } else if (info.lastModified().secsTo(QDateTime::currentDateTime()) < 60) {
            continue;  // perhaps a process between making its folder and locking it
        }
        if (folder.removeRecursively()) ++removed;
    }
    return removed;
}

qint64 ImportSnapshots::bytesOnDisk() const {
    return (before_ ? before_->sizeBytes() : 0) + (after_ ? after_->sizeBytes() : 0);
}

}  // namespace actionlens::ui
