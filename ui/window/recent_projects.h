#pragma once

// RecentProjects: the projects opened last, most recent first, kept in QSettings
// ("recentProjects"). Paths that no longer exist are dropped when the list is read.

#include <QSettings>
#include <QStringList>

namespace actionlens::ui {

class RecentProjects {
public:
    static constexpr int kMaxEntries = 10;

    explicit RecentProjects(QSettings& settings) : settings_(settings) {}

    QStringList paths() const;
    void add(const QString& path);  // moves it to the front
    void remove(const QString& path);

private:
    void write(const QStringList& paths);
    QSettings& settings_;
};

}  // namespace actionlens::ui
