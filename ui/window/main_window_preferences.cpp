// MainWindow: Edit > Preferences... (the user's own action hotkeys and overlay settings, kept in
// QSettings) and the saved overlay settings that no menu switch carries.

#include "ui/window/main_window.h"

#include "ui/dialogs/preferences_dialog.h"
#include "ui/dialogs/taxonomy_editor_dialog.h"
#include "ui/player/annotation_overlays.h"
#include "ui/style/action_icons.h"

#include <QAction>
#include <QMenu>

namespace actionlens::ui {

void MainWindow::createPreferencesAction(QMenu* menu) {
    overlays_->setConfidenceThreshold(savedConfidenceThreshold());
    menu->addSeparator();
    QAction* preferences = menu->addAction(tr("&Preferences..."), this, [this] { openPreferences(); });
    // The platform's key where it has one (macOS), else Ctrl+, as most Linux programs use.
    QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (keys.isEmpty()) keys.push_back(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setShortcuts(keys);
    preferences->setMenuRole(QAction::PreferencesRole);
}

void MainWindow::openPreferences() {
    // The View menu's overlay switches: the dialog's boxes toggle them, so the menu, the tool bar
    // and the setting stay one.
    QList<QAction*> overlaySwitches;
    for (const QString& text : {QStringLiteral("Skeletons"), QStringLiteral("Boxes and names"), QStringLiteral("Segment labels")})
        if (QAction* action = findWindowAction(*this, text)) overlaySwitches.push_back(action);
    PreferencesDialog dialog(document_, TaxonomyEditorDialog::reservedKeysOf(*this), overlaySwitches, *overlays_, this);
    dialog.exec();
}

}  // namespace actionlens::ui
