#include "ui/dataset/video_folder_scan.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace actionlens::ui {

const QStringList& videoFileSuffixes() {
    static const QStringList suffixes = {QStringLiteral("mp4"), QStringLiteral("mkv"), QStringLiteral("mov"), QStringLiteral("avi"),
                                         QStringLiteral("webm"), QStringLiteral("m4v"), QStringLiteral("mpg"), QStringLiteral("mpeg")};
    return suffixes;
}

QString videoFileFilter() {
    QStringList patterns;
    for (const QString& suffix : videoFileSuffixes()) patterns << QStringLiteral("*.") + suffix;
    return QStringLiteral("Videos (%1)").arg(patterns.join(QLatin1Char(' ')));
}

QStringList videoFilesInFolder(const QString& folder, bool recursive) {
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::Readable | QDir::NoDotAndDotDot,
                    recursive ? QDirIterator::Subdirectories | QDirIterator::FollowSymlinks : QDirIterator::NoIteratorFlags);
    while (it.hasNext()) {
        const QFileInfo info(it.next());
        if (videoFileSuffixes().contains(info.suffix().toLower())) files << info.absoluteFilePath();
    }
    std::sort(files.begin(), files.end());
    return files;
}

QStringList pathsNotInProject(const QStringList& paths, const std::vector<annotation::Video>& videos) {
    auto canonical = [](const QString& path) {
        const QFileInfo info(path);
        const QString resolved = info.canonicalFilePath();
        return resolved.isEmpty() ? info.absoluteFilePath() : resolved;
    };
    QSet<QString> known;
    for (const annotation::Video& v : videos)
        if (!v.path.empty()) known.insert(canonical(QString::fromStdString(v.path)));
    QStringList fresh;
    for (const QString& path : paths)
        if (!known.contains(canonical(path))) fresh << path;
    return fresh;
}

}  // namespace actionlens::ui
