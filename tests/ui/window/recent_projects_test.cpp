// RecentProjects: most recent first, no duplicates, missing files dropped, bounded.

#include "ui/window/recent_projects.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using actionlens::ui::RecentProjects;

namespace {
QString touch(const QTemporaryDir& dir, const QString& name) {
    const QString path = dir.filePath(name);
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    return path;
}
}  // namespace

TEST(RecentProjects, MostRecentFirstWithoutDuplicatesAndMissingFilesDropped) {
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    RecentProjects recent(settings);
    const QString a = touch(dir, QStringLiteral("a.alproj"));
    const QString b = touch(dir, QStringLiteral("b.alproj"));
    recent.add(a);
    recent.add(b);
    recent.add(a);
    EXPECT_EQ(recent.paths(), (QStringList{a, b}));
    QFile::remove(b);
    EXPECT_EQ(recent.paths(), (QStringList{a}));
    recent.remove(a);
    EXPECT_TRUE(recent.paths().isEmpty());
}

TEST(RecentProjects, KeepsAtMostMaxEntries) {
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    RecentProjects recent(settings);
    QStringList added;
    for (int i = 0; i < RecentProjects::kMaxEntries + 3; ++i) {
        added.prepend(touch(dir, QStringLiteral("p%1.alproj").arg(i)));
        recent.add(added.front());
    }
    EXPECT_EQ(recent.paths(), added.mid(0, RecentProjects::kMaxEntries));
}
