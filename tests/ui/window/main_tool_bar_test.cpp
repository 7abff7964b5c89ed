// The main tool bar: the window's own actions with their icons, shown only with a project open.

#include "ui/window/main_tool_bar.h"

#include "ui/style/action_icons.h"
#include "ui/window/main_window.h"
#include "ui_test_wait.h"

#include <QAction>
#include <QTemporaryDir>
#include <QToolBar>

#include <gtest/gtest.h>

using namespace actionlens::ui;

TEST(MainToolBar, HoldsTheMenusActionsWithIconsWhileAProjectIsOpen) {
    QTemporaryDir dir;
    MainWindow window;
    window.show();
    auto* bar = window.findChild<QToolBar*>(QStringLiteral("mainToolBar"));
    ASSERT_NE(bar, nullptr);
    QTest::qWait(10);  // the bar settles its visibility once the window is built
    EXPECT_FALSE(bar->isVisible());
    ASSERT_EQ(window.createProject(dir.filePath(QStringLiteral("p.alproj"))), QString());
    EXPECT_TRUE(bar->isVisible());

    QStringList texts;
    for (QAction* action : bar->actions()) {
        if (action->isSeparator()) continue;
        EXPECT_FALSE(action->icon().isNull()) << plainActionText(*action).toStdString();
        texts << plainActionText(*action);
    }
    for (const char* expected : {"Undo", "Redo", "Mark in", "Split segment at playhead", "Delete selected segments", "Skeletons", "Import...",
                                 "Export..."})
        EXPECT_TRUE(texts.contains(QLatin1String(expected))) << expected;
    // The same QAction as the menu's: its shortcut and checked state are shared.
    QAction* split = findWindowAction(window, QStringLiteral("Split segment at playhead"));
    ASSERT_NE(split, nullptr);
    EXPECT_TRUE(bar->actions().contains(split));
    EXPECT_TRUE(split->toolTip().contains(QStringLiteral("Ctrl+B"))) << split->toolTip().toStdString();

    window.closeProject();
    EXPECT_FALSE(bar->isVisible());
}
