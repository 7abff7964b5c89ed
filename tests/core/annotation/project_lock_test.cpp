#include "core/annotation/project_lock.h"
#include "tests/core/annotation/annotation_fixtures.h"

#include <QCoreApplication>
#include <QFile>
#include <QSysInfo>

using namespace actionlens;
using namespace actionlens::annotation;
using namespace actionlens::annotation::fixtures;

TEST(ProjectLock, HeldLockIsRefusedWithThePidAndFreedOnRelease) {
    ProjectFolder folder;
    const std::string project = folder.file("x.alproj");
    auto first = ProjectLock::acquire(project);
    ASSERT_TRUE(first.ok()) << first.error();
    EXPECT_TRUE(QFile::exists(QString::fromStdString(project + ".lock")));
    auto second = ProjectLock::acquire(project);
    ASSERT_FALSE(second.ok());
    EXPECT_NE(second.error().find("'x.alproj'"), std::string::npos) << second.error();
    EXPECT_NE(second.error().find("pid " + std::to_string(QCoreApplication::applicationPid())), std::string::npos);
    first.value().reset();
    EXPECT_FALSE(QFile::exists(QString::fromStdString(project + ".lock")));
    EXPECT_TRUE(ProjectLock::acquire(project).ok());
}

TEST(ProjectLock, LockOfAProcessThatDiedIsTakenOver) {
    ProjectFolder folder;
    const std::string project = folder.file("x.alproj");
    // The layout QLockFile writes: pid, application name, host name. No process has this pid
    // (above Linux's pid_max), as after a crash.
    writeBytes(project + ".lock", QByteArray("2147483600\nactionlens\n") + QSysInfo::machineHostName().toUtf8() + "\n");
    auto lock = ProjectLock::acquire(project);
    EXPECT_TRUE(lock.ok()) << lock.error();
}

TEST(ProjectLock, LockOfALiveOtherProcessIsRespected) {
    ProjectFolder folder;
    const std::string project = folder.file("x.alproj");
    // pid 1 is alive on every Linux system; we only read its name, never signal it.
    const QByteArray app = QCoreApplication::applicationName().toUtf8();
    writeBytes(project + ".lock", QByteArray("1\n") + app + "\n" + QSysInfo::machineHostName().toUtf8() + "\n");
    auto lock = ProjectLock::acquire(project);
    if (lock.ok()) GTEST_SKIP() << "pid 1 runs another program, so Qt counts the lock as stale";
    EXPECT_NE(lock.error().find("is open in another ActionLens process (pid 1)"), std::string::npos) << lock.error();
}
