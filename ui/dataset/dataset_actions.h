#pragma once

// The window's project-data actions, kept out of the shared menu code: File > Import... and
// Export..., Add a folder of videos... (optionally with its subfolders) and Relink missing
// videos..., also offered by the dataset browser's buttons.

#include "ui/jobs/format_transfer.h"

#include <QString>

class QMenu;

namespace actionlens::ui {

class MainWindow;
class RelinkVideosDialog;

// Adds the actions to `fileMenu` and connects the dataset browser's buttons to them.
void installDataActions(MainWindow& window, QMenu* fileMenu);

// Queues the folder's video files that are not in the project yet for adding (read on a worker
// thread, then one undoable step, as "Add videos"); returns how many were queued, or -1 with
// the reason in `message`.
int addVideoFolder(MainWindow& window, const QString& folder, bool recursive, QString* message = nullptr);
// Asks for a folder and whether to include its subfolders, then addVideoFolder.
void chooseVideoFolderToAdd(MainWindow& window);
// The relink dialog, modal to the window; says so when no project is open.
RelinkVideosDialog* openRelinkDialog(MainWindow& window);

}  // namespace actionlens::ui
