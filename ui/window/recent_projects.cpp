#include "ui/window/recent_projects.h"

#include <QFileInfo>

namespace actionlens::ui {

namespace {
const QString kKey = QStringLiteral("recentProjects");
}

QStringList RecentProjects::paths() const {
    QStringList result;
    for (const QString& path : settings_.value(kKey).toStringList())
        if (QFileInfo::exists(path) && !result.contains(path)) result << path;
    return result;
}

void RecentProjects::add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = settings_.value(kKey).toStringList();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaxEntries) list.removeLast();
    write(list);
}

void RecentProjects::remove(const QString& path) {
    QStringList list = settings_.value(kKey).toStringList();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    write(list);
}

void RecentProjects::write(const QStringList& paths) {
    settings_.setValue(kKey, paths);
    settings_.sync();
}

}  // namespace actionlens::ui
