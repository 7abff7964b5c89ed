#pragma once

// Finding the video files of a folder to add to a project ("Add a folder of videos"): by file
// suffix, optionally in every subfolder, sorted by path, without the files the project has already.

#include "core/annotation/video.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace actionlens::ui {

// The suffixes taken for videos ("mp4", "mkv", ...), lower case.
const QStringList& videoFileSuffixes();
// "Videos (*.mp4 *.mkv ...)" for file dialogs.
QString videoFileFilter();

// Absolute paths of the video files in `folder` (and its subfolders when `recursive`), sorted.
QStringList videoFilesInFolder(const QString& folder, bool recursive);
// `paths` without those that are already videos of the project (compared as canonical paths).
QStringList pathsNotInProject(const QStringList& paths, const std::vector<annotation::Video>& videos);

}  // namespace actionlens::ui
