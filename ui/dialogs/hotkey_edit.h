#pragma once

// HotkeyEdit: a QKeySequenceEdit for one hotkey that behaves like the rest of a form: Tab and
// Shift+Tab move the focus and Esc reaches the dialog (closing it), instead of being recorded as
// the key (Qt 6.4's edit records every key; 6.5's finishing key combinations are not there yet).

#include <QKeySequenceEdit>

namespace actionlens::ui {

class HotkeyEdit : public QKeySequenceEdit {
    Q_OBJECT
public:
    explicit HotkeyEdit(QWidget* parent = nullptr) : QKeySequenceEdit(parent) {}

protected:
    bool event(QEvent* event) override;
};

}  // namespace actionlens::ui
