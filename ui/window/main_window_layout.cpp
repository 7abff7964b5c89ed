// MainWindow: the dock layout of the workspace, remembered between sessions (QSettings
// "window/workspaceState"). The start page hides the project's docks, so the layout saved when
// the window closes ("window/state") would not say which docks the user had closed or moved
// while working; this one is saved whenever the workspace is left and restored when a project
// is shown again.

#include "ui/window/main_window.h"

namespace actionlens::ui {

namespace {
const QString kWorkspaceState = QStringLiteral("window/workspaceState");
}

void MainWindow::rememberWorkspaceLayout() { settings_.setValue(kWorkspaceState, saveState()); }

void MainWindow::restoreWorkspaceLayout() {
    const QByteArray state = settings_.value(kWorkspaceState).toByteArray();
    if (!state.isEmpty()) restoreState(state);
}

}  // namespace actionlens::ui
