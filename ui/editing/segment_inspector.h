#pragma once

// SegmentInspector: the labels of the selected segments, one editor per per-segment task of
// the taxonomy: the action as a searchable list (with colours and hotkeys) and its class group
// derived and shown beside it; where the taxonomy lets a group stand alone (group-only labels,
// for when the exact action is unclear) a drop-down of those groups; each attribute task as a
// drop-down. With several segments
// selected an editor shows the common value or "(mixed)", and a change applies to all of them.
// Missing and unknown labels are highlighted and listed. Changes go through the SegmentEditor
// (undoable, one transaction).

#include <QWidget>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;

namespace actionlens::ui {

class ProjectDocument;
class SegmentEditor;

class SegmentInspector : public QWidget {
    Q_OBJECT
public:
    SegmentInspector(ProjectDocument& document, SegmentEditor& editor, QWidget* parent = nullptr);

    void setSelection(const std::vector<std::int64_t>& segmentIds);
    void refresh();  // after the project changed

    QListWidget* actionList() const { return actions_; }
    QLineEdit* actionSearch() const { return search_; }
    QLabel* groupLabel() const { return group_; }
    // Groups that allow group-only labels, after "(no)"; hidden when none does.
    QComboBox* groupOnlyBox() const { return groupOnly_; }
    QLabel* issuesLabel() const { return issues_; }
    QComboBox* attributeBox(const std::string& task) const;

private:
    void rebuildEditors();  // for a new taxonomy
    void filterActions(const QString& text);
    void apply(const std::string& task, const std::string& value);
    // The value all selected segments share for `task`; "" if none has it, nullopt if mixed.
    std::pair<bool, std::string> commonValue(const std::string& task) const;

    ProjectDocument& document_;
    SegmentEditor& editor_;
    std::vector<std::int64_t> selection_;
    QLabel* title_ = nullptr;
    QLineEdit* search_ = nullptr;
    QListWidget* actions_ = nullptr;
    QLabel* group_ = nullptr;
    QComboBox* groupOnly_ = nullptr;
    QWidget* attributes_ = nullptr;
    QFormLayout* attributeForm_ = nullptr;
    std::map<std::string, QComboBox*> attributeBoxes_;
    QLabel* issues_ = nullptr;
    std::string actionTask_;
    bool updating_ = false;
};

}  // namespace actionlens::ui
