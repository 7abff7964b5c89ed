// MainWindow settings: the docks as the user left them in the workspace come back in the next
// session, and the overlay switches are remembered.

#include "ui/player/annotation_overlays.h"
#include "ui/window/main_window.h"
#include "ui_project_fixture.h"

#include <QAction>
#include <QDockWidget>
#include <QMenuBar>
#include <QSettings>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

namespace {
QDockWidget* dock(MainWindow& window, const char* name) { return window.findChild<QDockWidget*>(QLatin1String(name)); }

QAction* menuAction(MainWindow& window, const QString& text) {
    for (QAction* action : window.menuBar()->findChildren<QAction*>())
        if (action->text() == text) return action;
    return nullptr;
}

// Leaves the shared test settings as other tests expect them.
struct SettingsReset {
    SettingsReset() { clear(); }
    ~SettingsReset() { clear(); }
    static void clear() {
        QSettings settings;
        for (const char* key : {"window/workspaceState", "window/state", "window/geometry", "overlays/skeletons"}) settings.remove(QLatin1String(key));
    }
};
}  // namespace

TEST(MainWindowLayout, ADockClosedInTheWorkspaceStaysClosedInTheNextSession) {
    SettingsReset reset;
    {
        MainWindow window;
        window.show();
        ASSERT_EQ(window.openProject(uitest::renderedProject()), QString());
        ASSERT_NE(dock(window, "historyDock"), nullptr);
        EXPECT_TRUE(dock(window, "inspectorDock")->isVisible());
        dock(window, "historyDock")->close();
        dock(window, "inspectorDock")->setFloating(true);
        // Back to the start page and into the project again in the same session.
        window.closeProject();
        EXPECT_FALSE(dock(window, "inspectorDock")->isVisible()) << "the start page shows no project docks";
        ASSERT_EQ(window.openProject(uitest::renderedProject()), QString());
        EXPECT_FALSE(dock(window, "historyDock")->isVisible());
        EXPECT_TRUE(dock(window, "inspectorDock")->isVisible());
        window.close();
    }
    MainWindow next;
    next.show();
    EXPECT_FALSE(dock(next, "inspectorDock")->isVisible()) << "the start page first";
    ASSERT_EQ(next.openProject(uitest::renderedProject()), QString());
    EXPECT_FALSE(dock(next, "historyDock")->isVisible());
    EXPECT_TRUE(dock(next, "datasetDock")->isVisible());
    EXPECT_TRUE(dock(next, "inspectorDock")->isVisible());
    EXPECT_TRUE(dock(next, "inspectorDock")->isFloating());
}

TEST(MainWindowLayout, OverlaySwitchesAreRemembered) {
    SettingsReset reset;
    {
        MainWindow window;
        QAction* skeletons = menuAction(window, QStringLiteral("&Skeletons"));
        ASSERT_NE(skeletons, nullptr);
        EXPECT_TRUE(skeletons->isChecked()) << "on by default";
        skeletons->toggle();
    }
    MainWindow next;
    EXPECT_FALSE(menuAction(next, QStringLiteral("&Skeletons"))->isChecked());
}
