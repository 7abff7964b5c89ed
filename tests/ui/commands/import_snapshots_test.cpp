// ImportSnapshots: the copies for undoing an import live in a locked temporary folder, and
// folders that a killed process left behind are removed at the next start.

#include "ui/commands/import_snapshots.h"

#include "core/annotation/project_store.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSysInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

// A process id that was in use a moment ago and is not any more.
qint64 deadProcessId() {
    QProcess child;
    child.start(QStringLiteral("true"), {});
    EXPECT_TRUE(child.waitForStarted());
    const qint64 pid = child.processId();
    EXPECT_TRUE(child.waitForFinished());
    return pid;
}

// What QLockFile writes, for a process of this machine and boot.
void writeLockOf(const QString& path, qint64 pid) {
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QByteArray::number(pid) + '\n' + "actionlens" + '\n' + QSysInfo::machineHostName().toUtf8() + '\n' +
               QSysInfo::machineUniqueId() + '\n' + QSysInfo::bootUniqueId() + '\n');
}

QString makeFolder(const QTemporaryDir& temp, const QString& name) {
    const QString path = QDir(temp.path()).filePath(name);
    EXPECT_TRUE(QDir().mkpath(path));
    QFile copy(QDir(path).filePath(QStringLiteral("before.alproj")));
    EXPECT_TRUE(copy.open(QIODevice::WriteOnly));
    copy.write("a copy");
    return path;
}

}  // namespace

TEST(ImportSnapshots, AFolderIsLockedByItsOwnerAndSurvivesTheCleanUpWhileItLives) {
    QTemporaryDir dir;
    auto store = annotation::ProjectStore::create(QDir(dir.path()).filePath(QStringLiteral("p.alproj")).toStdString());
    ASSERT_TRUE(store.ok()) << store.error();
    QString folder;
    {
        auto snapshots = ImportSnapshots::takeBefore(*store.value());
        ASSERT_TRUE(snapshots.ok()) << snapshots.error();
        folder = snapshots.value()->folder();
        EXPECT_TRUE(QFileInfo::exists(QDir(folder).filePath(ImportSnapshots::ownerLockName())));
        ImportSnapshots::removeAbandonedFolders();
        EXPECT_TRUE(QFileInfo::exists(QDir(folder).filePath(QStringLiteral("before.alproj"))))
            << "a living process's copy was removed";
    }
    EXPECT_FALSE(QFileInfo::exists(folder)) << "the owner removes its folder";
}

TEST(ImportSnapshots, FoldersOfProcessesThatAreGoneAreRemoved) {
    QTemporaryDir temp;
    // A process that was killed: its lock names a process that no longer runs.
    const QString killed = makeFolder(temp, QStringLiteral("actionlens-undo-p-killed"));
    writeLockOf(QDir(killed).filePath(ImportSnapshots::ownerLockName()), deadProcessId());
    // A living owner: this process.
    const QString living = makeFolder(temp, QStringLiteral("actionlens-undo-p-living"));
    QLockFile held(QDir(living).filePath(ImportSnapshots::ownerLockName()));
    ASSERT_TRUE(held.tryLock(0));
    // No lock yet: removed only once it is old (a process may be about to lock it).
    const QString fresh = makeFolder(temp, QStringLiteral("actionlens-undo-p-fresh"));
    const QString old = makeFolder(temp, QStringLiteral("actionlens-undo-p-old"));
    std::filesystem::last_write_time(old.toStdString(),
                                     std::filesystem::file_time_type::clock::now() - std::chrono::hours(2));
    // Something else in the temporary folder is never touched.
    const QString other = makeFolder(temp, QStringLiteral("someone-else"));
    std::filesystem::last_write_time(other.toStdString(),
                                     std::filesystem::file_time_type::clock::now() - std::chrono::hours(2));

    EXPECT_EQ(ImportSnapshots::removeAbandonedFolders(temp.path()), 2);
    EXPECT_FALSE(QFileInfo::exists(killed));
    EXPECT_FALSE(QFileInfo::exists(old));
    EXPECT_TRUE(QFileInfo::exists(QDir(living).filePath(QStringLiteral("before.alproj"))));
    EXPECT_TRUE(QFileInfo::exists(fresh));
    EXPECT_TRUE(QFileInfo::exists(other));
}
