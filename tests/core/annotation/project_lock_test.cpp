#include "core/annotation/project_lock.h"
#include "tests/core/annotation/annotation_fixtures.h"

#include <QCoreApplication>
#include <QFile>
#include <QSysInfo>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

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

TEST(ProjectLock, LockOfAnotherLiveProcessIsRespectedUntilItDies) {
    ProjectFolder folder;
    const std::string project = folder.file("x.alproj");
    // A second ActionLens process: a forked copy of this program, which only sleeps.
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        for (;;) pause();
    }
    // The layout QLockFile writes: pid, application name, host name.
    writeBytes(project + ".lock", QByteArray::number(child) + "\n" + QCoreApplication::applicationName().toUtf8() + "\n" +
                                      QSysInfo::machineHostName().toUtf8() + "\n");
    auto refused = ProjectLock::acquire(project);
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("'x.alproj' is open in another ActionLens process (pid " + std::to_string(child) + ")"),
              std::string::npos)
        << refused.error();
    auto taken = ProjectLock::acquire(project);
    EXPECT_TRUE(taken.ok()) << taken.error();
}
