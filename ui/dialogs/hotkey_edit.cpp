#include "ui/dialogs/hotkey_edit.h"

#include <QKeyEvent>

namespace actionlens::ui {

namespace {

// Tab, Shift+Tab or Esc without other modifiers: the form's keys, never a hotkey.
bool isFormKey(const QKeyEvent& key) {
    const Qt::KeyboardModifiers others = key.modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier);
    return others == Qt::NoModifier &&
           (key.key() == Qt::Key_Tab || key.key() == Qt::Key_Backtab || key.key() == Qt::Key_Escape);
}

}  // namespace

bool HotkeyEdit::event(QEvent* event) {
    const bool keyEvent = event->type() == QEvent::KeyPress || event->type() == QEvent::ShortcutOverride;
    if (keyEvent && isFormKey(*static_cast<QKeyEvent*>(event))) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (event->type() == QEvent::KeyPress && key->key() != Qt::Key_Escape)
            return focusNextPrevChild(key->key() == Qt::Key_Tab && !(key->modifiers() & Qt::ShiftModifier));
        event->ignore();  // Esc, and the shortcut check before any of the three: to the dialog
        return false;
    }
    return QKeySequenceEdit::event(event);
}

}  // namespace actionlens::ui
