#pragma once

// The main window's tool bar: the actions an annotator reaches for most (undo/redo, marks and
// segment edits, overlays, import/export, pose estimation), shown with the icon set. It holds
// the window's own menu actions, so shortcuts, checked states and the undo text are the menu's.
// Shown while a project is open; its place is saved with the dock layout ("mainToolBar").

class QToolBar;

namespace actionlens::ui {

class MainWindow;

QToolBar* installMainToolBar(MainWindow& window);

}  // namespace actionlens::ui
