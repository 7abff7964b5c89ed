#pragma once

// LabelRemovalDialog: what to do with the labels of a class, value, group or task that is
// about to be removed while segments (or subjects) use it: relabel them to another one, clear
// them, or cancel the removal. The question says how many are affected.

#include <QDialog>
#include <QStringList>

#include <optional>

class QComboBox;
class QRadioButton;

namespace actionlens::ui {

struct LabelRemovalQuestion {
    QString title;                // "Remove class 'squat'"
    QString message;              // "12 segments are labelled 'squat'. What should they say instead?"
    QStringList relabelTargets;   // empty: only clearing is possible
    QString clearText;            // "Clear their action label"
};

struct LabelRemovalChoice {
    int relabelTo = -1;  // index into relabelTargets; -1: clear the labels
};

class LabelRemovalDialog : public QDialog {
    Q_OBJECT
public:
    LabelRemovalDialog(const LabelRemovalQuestion& question, QWidget* parent = nullptr);

    LabelRemovalChoice choice() const;
    QRadioButton* relabelButton() const { return relabel_; }
    QRadioButton* clearButton() const { return clear_; }
    QComboBox* targetBox() const { return targets_; }

    // Shows the dialog; nullopt when the user cancels.
    static std::optional<LabelRemovalChoice> ask(QWidget* parent, const LabelRemovalQuestion& question);

private:
    QRadioButton* relabel_ = nullptr;
    QRadioButton* clear_ = nullptr;
    QComboBox* targets_ = nullptr;
};

}  // namespace actionlens::ui
