#pragma once

// PreferencesDialog (Edit > Preferences..., Ctrl+,): this user's own settings, kept in QSettings
// and applied at once (there is nothing to confirm; Close closes).
// - "Action hotkeys": the open project's actions with the project's key and the user's own
//   (EffectiveHotkeys, "hotkeys/<action name>"): it applies to the action of that name in every
//   project. A key that already does something (another action's key as this user has it, an
//   attribute value's, the window's own) is refused with what it does, by the taxonomy editor's
//   rules. Reset returns an action to the project's key.
// - "Overlays": the View menu's overlay switches ("overlays/...") and the confidence below which
//   joints are hidden ("overlays/confidenceThreshold").
// - "Annotator": the name new and accepted segments are stored under (annotator_name.h).

#include <QDialog>
#include <QList>

#include <map>
#include <string>

class QAction;
class QCheckBox;
class QDoubleSpinBox;
class QKeySequenceEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace actionlens::ui {

class AnnotationOverlays;
class ProjectDocument;

// The saved confidence threshold of the skeleton overlay (QSettings), its default if none.
float savedConfidenceThreshold();

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    enum Column { ActionColumn, GroupColumn, ProjectKeyColumn, UserKeyColumn, ResetColumn };

    // `reservedKeys`: plain keys the window uses itself (TaxonomyEditorDialog::reservedKeysOf).
    // `overlaySwitches`: the View menu's checkable overlay actions; their own handlers store and
    // apply a switch. `overlays` gets the confidence threshold as it changes.
    PreferencesDialog(ProjectDocument& document, std::map<std::string, std::string> reservedKeys,
                      QList<QAction*> overlaySwitches, AnnotationOverlays& overlays, QWidget* parent = nullptr);

    // Sets the user's key for an action, as typing it into its row does: "" when done, else the
    // message (also shown in the dialog). An empty key resets the action to the project's.
    QString setUserKey(const QString& action, const QString& key);
    void showPage(int index);

    QTableWidget* hotkeyTable() const { return table_; }
    QLineEdit* filterEdit() const { return filter_; }
    QLabel* messageLabel() const { return message_; }
    QPushButton* resetAllButton() const { return resetAll_; }
    QLineEdit* annotatorEdit() const { return annotator_; }
    // The row of an action (-1 if the project has none of that name) and its widgets.
    int rowOf(const QString& action) const;
    QKeySequenceEdit* keyEditOf(const QString& action) const;
    QPushButton* resetButtonOf(const QString& action) const;
    const QList<QCheckBox*>& overlayBoxes() const { return overlayBoxes_; }
    QDoubleSpinBox* thresholdBox() const { return threshold_; }

private:
    QWidget* createHotkeyPage();
    QWidget* createOverlayPage(const QList<QAction*>& overlaySwitches);
    QWidget* createAnnotatorPage();
    void fillTable();
    void updateRows();  // after the user's keys changed
    void commitKeyEdit(const QString& action);
    void filterRows(const QString& text);
    void showMessage(const QString& text, bool error);

    ProjectDocument& document_;
    std::map<std::string, std::string> reservedKeys_;
    AnnotationOverlays& overlays_;
    QTabWidget* pages_ = nullptr;
    QLineEdit* filter_ = nullptr;
    QLineEdit* annotator_ = nullptr;
    QTableWidget* table_ = nullptr;
    QLabel* message_ = nullptr;
    QPushButton* resetAll_ = nullptr;
    QList<QCheckBox*> overlayBoxes_;
    QDoubleSpinBox* threshold_ = nullptr;
    bool updating_ = false;
};

}  // namespace actionlens::ui
