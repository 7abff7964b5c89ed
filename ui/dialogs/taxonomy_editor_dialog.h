#pragma once

// TaxonomyEditorDialog (Edit > Taxonomy...): edits the open project's taxonomy. The tree lists
// the tasks: the action task with its class groups and their classes, then each attribute task
// (per segment or per subject) with its values, and how many segments or subjects use each.
// The panel beside it edits the selected item: name, colour, group, hotkey, scope, whether a
// group allows group-only labels, and what mirroring a clip left to right does to the labels
// (a task without a side, or values that are each other's mirror image: "left" <-> "right"),
// which training's mirror augmentation follows. Edits go to a TaxonomyDraft, which says at once what is
// wrong (a hotkey already taken, a duplicate name); removing something in use asks what to do
// with its labels. Apply (or OK) writes the whole edit as one undoable TaxonomyChangeCommand:
// renames reach every existing label. Import and Export read and write taxonomy JSON files.

#include "core/annotation/taxonomy_draft.h"
#include "ui/dialogs/label_removal_dialog.h"

#include <QDialog>

#include <functional>
#include <map>
#include <optional>
#include <string>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace actionlens::ui {

class ProjectDocument;

class TaxonomyEditorDialog : public QDialog {
    Q_OBJECT
public:
    enum class ItemKind { Task, Group, Value };
    struct ItemRef {
        ItemKind kind = ItemKind::Task;
        size_t task = 0;
        size_t index = 0;  // group or value index; unused for tasks
        bool operator==(const ItemRef& o) const { return kind == o.kind && task == o.task && index == o.index; }
    };
    using RemovalPrompt = std::function<std::optional<LabelRemovalChoice>(const LabelRemovalQuestion&)>;

    // `reservedKeys`: plain keys the window uses itself (key -> what for), refused as hotkeys.
    TaxonomyEditorDialog(ProjectDocument& document, std::map<std::string, std::string> reservedKeys, QWidget* parent = nullptr);

    const annotation::TaxonomyDraft& draft() const { return draft_; }
    // Writes the draft to the project (one undoable command); an empty string when done or
    // nothing changed, else the message (also shown in the dialog).
    QString applyChanges();
    // Import / export without the file dialogs (the buttons ask for a path, then call these).
    QString importFile(const QString& path);
    QString exportFile(const QString& path);

    void select(const ItemRef& item);
    std::optional<ItemRef> selected() const;
    // Removes the selected item, asking what to do with its labels when something uses them.
    void removeSelected();
    // Replaces the question dialog (tests answer it).
    void setRemovalPrompt(RemovalPrompt prompt) { prompt_ = std::move(prompt); }

    QTreeWidget* tree() const { return tree_; }
    QLineEdit* nameEdit() const { return name_; }
    QLineEdit* hotkeyEdit() const { return hotkey_; }
    QComboBox* groupBox() const { return group_; }
    QComboBox* scopeBox() const { return scope_; }
    QCheckBox* groupOnlyBox() const { return groupOnly_; }
    QCheckBox* sideFreeBox() const { return sideFree_; }
    QComboBox* mirrorBox() const { return mirror_; }
    QLabel* messageLabel() const { return message_; }
    QPushButton* applyButton() const { return apply_; }

    // The plain keys (no modifier) of a window's actions, by what they do ("Playback: Next frame").
    static std::map<std::string, std::string> reservedKeysOf(const QWidget& window);

protected:
    void accept() override;

private:
    void buildTree();
    void showSelected();
    void addClass();
    void addGroup();
    void addAttribute();
    void addValue();
    void commitName();
    void commitHotkey();
    void chooseColour();
    void clearColour();
    void setGroupOnly(bool allowed);
    void setSideFree(bool sideFree);
    void setMirror();
    void chooseImport();
    void chooseExport();
    // Runs a draft edit; on failure shows its message and restores the panel.
    bool edit(const Status& status);
    void showMessage(const QString& text, bool error);
    void readUsage();
    std::int64_t usageOf(const std::vector<std::pair<std::string, std::string>>& labels, bool* bySubjects = nullptr) const;
    // "12 segments" / "1 subject"; "" for none.
    static QString usageText(std::int64_t count, bool subjects);
    std::optional<LabelRemovalChoice> ask(const LabelRemovalQuestion& question);
    QString uniqueName(const QString& base, const std::function<bool(const std::string&)>& taken) const;

    ProjectDocument& document_;
    annotation::TaxonomyDraft draft_;
    std::map<std::string, std::string> reservedKeys_;
    std::map<std::pair<std::string, std::string>, std::int64_t> segmentUsage_;  // (task, value) -> segments
    std::map<std::pair<std::string, std::string>, std::int64_t> subjectUsage_;
    RemovalPrompt prompt_;
    bool updating_ = false;

    QLineEdit* taxonomyName_ = nullptr;
    QTreeWidget* tree_ = nullptr;
    QWidget* panel_ = nullptr;
    QLineEdit* name_ = nullptr;
    QPushButton* colour_ = nullptr;
    QPushButton* noColour_ = nullptr;
    QComboBox* group_ = nullptr;
    QLineEdit* hotkey_ = nullptr;
    QComboBox* scope_ = nullptr;
    QCheckBox* groupOnly_ = nullptr;
    QCheckBox* sideFree_ = nullptr;
    QLabel* mirrorState_ = nullptr;
    QComboBox* mirror_ = nullptr;
    QPushButton* remove_ = nullptr;
    QPushButton* addValue_ = nullptr;
    QLabel* message_ = nullptr;
    QPushButton* apply_ = nullptr;
};

// Edit > Taxonomy...: the dialog for the window's open project, its keys reserved.
void openTaxonomyEditor(QWidget& window, ProjectDocument& document);

}  // namespace actionlens::ui
