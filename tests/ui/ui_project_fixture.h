#pragma once

// A small rendered project (core/synth: 3 short videos, labelled segments, Penn-13 skeletons)
// for the widget tests, made once per test binary in a temporary folder; tests that write to a
// project copy it first (copyOfProject) so that each starts from the same file.

#include "core/synth/motion_library.h"
#include "core/synth/synth_project.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <string>

namespace actionlens::uitest {

inline const QString& renderedProject() {
    static QTemporaryDir dir;
    static const QString path = [] {
        const QString project = dir.filePath(QStringLiteral("fixture.alproj"));
        synth::SynthSettings settings;
        settings.projectPath = project.toStdString();
        settings.videos = 3;
        settings.seed = 7;
        settings.width = 160;
        settings.height = 120;
        settings.fps = 25;
        settings.twoSubjectChance = 1.0;  // lanes for two subjects in every video
        auto motions = synth::builtInMotions(settings.fps);
        EXPECT_TRUE(motions.ok()) << motions.error();
        if (!motions.ok()) return QString();
        auto summary = synth::synthesiseProject(settings, motions.value());
        EXPECT_TRUE(summary.ok()) << summary.error();
        return summary.ok() ? project : QString();
    }();
    return path;
}

// A copy of the rendered project (and its videos) at `target`, for tests that edit it.
inline QString copyOfProjectTo(const QString& target) {
    const QString source = renderedProject();
    const QDir folder = QFileInfo(target).absoluteDir();
    EXPECT_TRUE(QDir().mkpath(folder.path()));
    EXPECT_TRUE(QFile::copy(source, target));
    // The project refers to its videos relative to its folder: copy that folder, same name, beside it.
    const QString videos = QString::fromStdString(synth::synthVideoFolder(source.toStdString()));
    const QString targetVideos = folder.filePath(QFileInfo(videos).fileName());
    QDir().mkpath(targetVideos);
    for (const QString& name : QDir(videos).entryList(QDir::Files))
        EXPECT_TRUE(QFile::copy(QDir(videos).filePath(name), QDir(targetVideos).filePath(name)));
    return target;
}

inline QString copyOfProject(const QTemporaryDir& dir) { return copyOfProjectTo(dir.filePath(QStringLiteral("copy.alproj"))); }

}  // namespace actionlens::uitest
