#include "core/annotation/project_lock.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLockFile>
#include <QSysInfo>

namespace actionlens::annotation {

ProjectLock::ProjectLock(std::unique_ptr<QLockFile> file) : file_(std::move(file)) {}

ProjectLock::~ProjectLock() = default;

Result<std::unique_ptr<ProjectLock>> ProjectLock::acquire(const std::string& projectPath) {
    auto file = std::make_unique<QLockFile>(QString::fromStdString(lockPathFor(projectPath)));
    // A project stays open for hours: age must never make a live holder's lock look stale.
    // Staleness then rests on the holder's pid alone (no such process on this host).
    file->setStaleLockTime(0);
    if (file->tryLock(0)) return std::unique_ptr<ProjectLock>(new ProjectLock(std::move(file)));

    const std::string name = QFileInfo(QString::fromStdString(projectPath)).fileName().toStdString();
    switch (file->error()) {
    case QLockFile::LockFailedError: {
        qint64 pid = 0;
        QString host, app;
        file->getLockInfo(&pid, &host, &app);
        std::string where = "pid " + std::to_string(pid);
        if (!host.isEmpty() && host != QSysInfo::machineHostName()) where += " on " + host.toStdString();
        if (pid == QCoreApplication::applicationPid())
            return makeError("'" + name + "' is already open in this ActionLens process (" + where + ")");
        return makeError("'" + name + "' is open in another ActionLens process (" + where + "); close it there first");
    }
    case QLockFile::PermissionError:
        return makeError("cannot lock '" + name + "': no permission to create '" + lockPathFor(projectPath) +
                         "' (is the folder read-only?)");
    default:
        return makeError("cannot lock '" + name + "': unknown error creating '" + lockPathFor(projectPath) + "'");
    }
}

}  // namespace actionlens::annotation
