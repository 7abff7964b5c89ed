#include "ui/editing/action_hotkey_coder.h"

#include "ui/document/project_document.h"

#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTextEdit>

namespace actionlens::ui {

namespace {
// The key goes to `receiver` (the focus widget); text fields keep their keys.
bool typingIntoText(QWidget* receiver) {
    QWidget* focus = receiver ? receiver : QApplication::focusWidget();
    if (!focus) return false;
    if (qobject_cast<QAbstractSpinBox*>(focus->parentWidget())) return true;  // a spin box's line edit
    if (auto* combo = qobject_cast<QComboBox*>(focus)) return combo->isEditable();
    return qobject_cast<QLineEdit*>(focus) || qobject_cast<QAbstractSpinBox*>(focus) || qobject_cast<QTextEdit*>(focus) ||
           qobject_cast<QPlainTextEdit*>(focus);
}
}  // namespace

ActionHotkeyCoder::ActionHotkeyCoder(ProjectDocument& document, std::function<int()> playhead, std::function<bool()> playing,
                                     QWidget* window)
    : QObject(window), document_(document), playhead_(std::move(playhead)), playing_(std::move(playing)) {
    connect(&document_, &ProjectDocument::opened, this, &ActionHotkeyCoder::rebuild);
    connect(&document_, &ProjectDocument::taxonomyChanged, this, &ActionHotkeyCoder::rebuild);
    connect(&document_, &ProjectDocument::closed, this, &ActionHotkeyCoder::rebuild);
    connect(&document_.hotkeys(), &EffectiveHotkeys::changed, this, &ActionHotkeyCoder::rebuild);
    rebuild();
}

void ActionHotkeyCoder::rebuild() {
    hotkeys_.clear();
    held_.clear();
    if (!document_.isOpen()) return;
    // The user's own keys (Edit > Preferences) over the project's.
    for (const auto& task : document_.hotkeys().applyTo(document_.taxonomy()).tasks) {
        if (task.scope != annotation::TaskScope::Segment) continue;
        for (const auto& value : task.values) {
            if (value.hotkey.empty()) continue;
            hotkeys_[QString::fromStdString(value.hotkey).toLower()] =
                Hotkey{task.name, value.name, task.kind == annotation::TaskKind::Action};
        }
    }
}

const ActionHotkeyCoder::Hotkey* ActionHotkeyCoder::hotkeyFor(const QString& text) const {
    auto it = hotkeys_.find(text.toLower());
    return it != hotkeys_.end() ? &it->second : nullptr;
}

bool ActionHotkeyCoder::eventFilter(QObject* watched, QEvent* event) {
    const QEvent::Type type = event->type();
    if (type != QEvent::KeyPress && type != QEvent::KeyRelease && type != QEvent::ShortcutOverride)
        return QObject::eventFilter(watched, event);
    // Only keys meant for the window this coder serves (its parent), not for dialogs.
    auto* widget = qobject_cast<QWidget*>(watched);
    if (!widget || widget->window() != parent()) return false;
    auto* key = static_cast<QKeyEvent*>(event);
    if (key->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) return false;
    if (document_.currentVideoId() == 0 || typingIntoText(widget)) return false;
    if (type == QEvent::KeyRelease) {
        // The release of a held action key ends its segment, whatever the text says now.
        if (key->isAutoRepeat()) return held_.count(key->key()) > 0;
        auto it = held_.find(key->key());
        if (it == held_.end()) return false;
        const auto [action, first] = it->second;
        held_.erase(it);
        const int last = playhead_();
        Q_EMIT segmentCoded(action, std::min(first, last), std::max(first, last));
        return true;
    }
    // Shift+letter is the window's (Shift+S, Shift+B, Shift+L switch the overlays): a hotkey
    // letter is typed without Shift. Signs that need Shift ('!', '?') still count.
    if ((key->modifiers() & Qt::ShiftModifier) && key->text().size() == 1 && key->text()[0].isLetter()) return false;
    const Hotkey* hotkey = hotkeyFor(key->text());
    if (!hotkey) return false;
    if (type == QEvent::ShortcutOverride) {
        event->accept();  // deliver it as a key press rather than to a menu shortcut
        return true;
    }
    if (key->isAutoRepeat()) return true;
    if (playing_() && hotkey->isAction) {
        held_[key->key()] = {QString::fromStdString(hotkey->value), playhead_()};
    } else {
        Q_EMIT valueChosen(QString::fromStdString(hotkey->task), QString::fromStdString(hotkey->value));
    }
    return true;
}

}  // namespace actionlens::ui
