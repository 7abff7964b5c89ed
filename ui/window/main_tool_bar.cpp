#include "ui/window/main_tool_bar.h"

#include "ui/style/action_icons.h"
#include "ui/window/main_window.h"

#include <QAction>
#include <QToolBar>

namespace actionlens::ui {

QToolBar* installMainToolBar(MainWindow& window) {
    auto* bar = new QToolBar(MainWindow::tr("Main tool bar"), &window);
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setIconSize(QSize(20, 20));
    bar->setToolButtonStyle(Qt::ToolButtonIconOnly);
    bar->setMovable(true);
    // Groups in the order of the work: correct, cut segments, look, move data in and out.
    const QStringList groups[] = {
        {QStringLiteral("Undo"), QStringLiteral("Redo")},
        {QStringLiteral("Mark in"), QStringLiteral("Mark out"), QStringLiteral("Create segment from marks"),
         QStringLiteral("Split segment at playhead"), QStringLiteral("Merge selected segments"), QStringLiteral("Delete selected segments"),
         QStringLiteral("New subject lane")},
        {QStringLiteral("Skeletons"), QStringLiteral("Boxes and names"), QStringLiteral("Segment labels"), QStringLiteral("Fit to window")},
        {QStringLiteral("Import..."), QStringLiteral("Export..."), QStringLiteral("Estimate poses...")},
    };
    for (const QStringList& group : groups) {
        bool added = false;
        for (const QString& text : group) {
            QAction* action = findWindowAction(window, text);
            if (!action || action->icon().isNull()) continue;
            if (!added && !bar->actions().isEmpty()) bar->addSeparator();
            // The tool tip names the key, so the bar teaches the keyboard.
            if (!action->shortcut().isEmpty() && action->toolTip() == plainActionText(*action))
                action->setToolTip(QStringLiteral("%1 (%2)").arg(text, action->shortcut().toString(QKeySequence::NativeText)));
            bar->addAction(action);
            added = true;
        }
    }
    // Shown only while a project is open: MainWindow::showWorkspace sets that, after any
    // restored layout.
    window.addToolBar(Qt::TopToolBarArea, bar);
    return bar;
}

}  // namespace actionlens::ui
