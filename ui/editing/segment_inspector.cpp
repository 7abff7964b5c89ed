#include "ui/editing/segment_inspector.h"

#include "core/annotation/group_only_label.h"

#include "ui/document/project_document.h"
#include "ui/editing/label_check.h"
#include "ui/editing/segment_editor.h"
#include "ui/style/annotation_colours.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPixmap>
#include <QVBoxLayout>

namespace actionlens::ui {

namespace {
const QString kMissingStyle = QStringLiteral("border: 2px solid #e74c3c; border-radius: 3px;");
const QString kMixed = QStringLiteral("(mixed)");
const QString kNone = QStringLiteral("(none)");

// The selection's shared value, or "(mixed)" (an item with no data) when they differ.
void showCommonValue(QComboBox* box, bool same, const std::string& value) {
    if (const int mixed = box->findText(kMixed); mixed >= 0) box->removeItem(mixed);
    if (!same) {
        box->addItem(kMixed);
        box->setCurrentIndex(box->count() - 1);
        return;
    }
    const int index = box->findData(QString::fromStdString(value));
    box->setCurrentIndex(index >= 0 ? index : 0);
}

QLabel* heading(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setStyleSheet(QStringLiteral("font-weight: 600;"));
    return label;
}
}  // namespace

SegmentInspector::SegmentInspector(ProjectDocument& document, SegmentEditor& editor, QWidget* parent)
    : QWidget(parent), document_(document), editor_(editor) {
    title_ = new QLabel(this);
    title_->setWordWrap(true);
    search_ = new QLineEdit(this);
    search_->setPlaceholderText(tr("Search actions"));
    search_->setClearButtonEnabled(true);
    actions_ = new QListWidget(this);
    actions_->setMinimumHeight(160);
    group_ = new QLabel(this);
    group_->setStyleSheet(QStringLiteral("font-style: italic;"));
    attributes_ = new QWidget(this);
    attributeForm_ = new QFormLayout(attributes_);
    attributeForm_->setContentsMargins(0, 0, 0, 0);
    // First row of the form, so that it lines up with the attributes' editors.
    groupOnly_ = new QComboBox(attributes_);
    groupOnly_->setToolTip(tr("When the exact action is unclear: label only its group (where the taxonomy allows it)"));
    attributeForm_->addRow(tr("Group only:"), groupOnly_);
    issues_ = new QLabel(this);
    issues_->setWordWrap(true);
    issues_->setStyleSheet(QStringLiteral("color: #c0392b;"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(title_);
    layout->addWidget(heading(tr("Action"), this));
    layout->addWidget(search_);
    layout->addWidget(actions_, 1);
    layout->addWidget(group_);
    layout->addWidget(attributes_);
    layout->addWidget(issues_);

    connect(search_, &QLineEdit::textChanged, this, &SegmentInspector::filterActions);
    connect(search_, &QLineEdit::returnPressed, this, [this] {
        // Return picks the only (or first) action left by the search.
        for (int i = 0; i < actions_->count(); ++i) {
            if (actions_->item(i)->isHidden()) continue;
            apply(actionTask_, actions_->item(i)->data(Qt::UserRole).toString().toStdString());
            return;
        }
    });
    connect(actions_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        apply(actionTask_, item->data(Qt::UserRole).toString().toStdString());
    });
    connect(groupOnly_, &QComboBox::activated, this, [this](int index) {
        if (updating_ || selection_.empty()) return;
        const QVariant group = groupOnly_->itemData(index);
        if (!group.isValid()) return;  // "(mixed)"
        const auto [same, current] = commonValue(annotation::kGroupOnlyLabelKey);
        if (same && current == group.toString().toStdString()) return;
        editor_.setClassGroup(selection_, group.toString().toStdString());
    });
    connect(&document_, &ProjectDocument::segmentsChanged, this, &SegmentInspector::refresh);
    connect(&document_, &ProjectDocument::opened, this, &SegmentInspector::rebuildEditors);
    connect(&document_, &ProjectDocument::taxonomyChanged, this, &SegmentInspector::rebuildEditors);
    connect(&document_.hotkeys(), &EffectiveHotkeys::changed, this, &SegmentInspector::rebuildEditors);
    rebuildEditors();
}

QComboBox* SegmentInspector::attributeBox(const std::string& task) const {
    auto it = attributeBoxes_.find(task);
    return it != attributeBoxes_.end() ? it->second : nullptr;
}

void SegmentInspector::setSelection(const std::vector<std::int64_t>& segmentIds) {
    selection_ = segmentIds;
    refresh();
}

void SegmentInspector::rebuildEditors() {
    updating_ = true;
    actions_->clear();
    for (auto& [task, box] : attributeBoxes_) {
        attributeForm_->removeRow(box);
    }
    attributeBoxes_.clear();
    actionTask_.clear();
    groupOnly_->clear();
    groupOnly_->addItem(tr("(no)"), QString());
    if (document_.isOpen()) {
        // Hotkeys as this user has them (their own keys over the project's).
        const annotation::Taxonomy taxonomy = document_.hotkeys().applyTo(document_.taxonomy());
        if (const annotation::TaskDefinition* action = taxonomy.actionTask())
            for (const annotation::ClassGroup& group : action->groups)
                if (group.allowsGroupOnly)
                    groupOnly_->addItem(colourSwatch(groupColour(taxonomy, group.name)),
                                        QString::fromStdString(group.name), QString::fromStdString(group.name));
        for (const auto& task : taxonomy.tasks) {
            if (task.scope != annotation::TaskScope::Segment) continue;
            if (task.kind == annotation::TaskKind::Action) {
                actionTask_ = task.name;
                for (const auto& value : task.values) {
                    QString text = QString::fromStdString(value.name);
                    if (!value.hotkey.empty()) text += QStringLiteral("   [%1]").arg(QString::fromStdString(value.hotkey));
                    auto* item = new QListWidgetItem(colourSwatch(actionColour(taxonomy, value.name)), text, actions_);
                    item->setData(Qt::UserRole, QString::fromStdString(value.name));
                    item->setToolTip(tr("group: %1").arg(QString::fromStdString(value.group)));
                }
                continue;
            }
            auto* box = new QComboBox(attributes_);
            box->addItem(kNone, QString());
            for (const auto& value : task.values) {
                QString text = QString::fromStdString(value.name);
                if (!value.hotkey.empty()) text += QStringLiteral("   [%1]").arg(QString::fromStdString(value.hotkey));
                box->addItem(text, QString::fromStdString(value.name));
            }
            const std::string name = task.name;
            connect(box, &QComboBox::activated, this, [this, box, name](int index) {
                if (box->itemData(index).isNull() && box->itemText(index) == kMixed) return;
                apply(name, box->itemData(index).toString().toStdString());
            });
            attributeForm_->addRow(QString::fromStdString(task.name) + QLatin1Char(':'), box);
            attributeBoxes_[task.name] = box;
        }
    }
    attributeForm_->setRowVisible(groupOnly_, groupOnly_->count() > 1);
    updating_ = false;
    filterActions(search_->text());
    refresh();
}

void SegmentInspector::filterActions(const QString& text) {
    for (int i = 0; i < actions_->count(); ++i) {
        QListWidgetItem* item = actions_->item(i);
        const QString name = item->data(Qt::UserRole).toString();
        item->setHidden(!text.isEmpty() && !name.contains(text, Qt::CaseInsensitive) &&
                        !item->toolTip().contains(text, Qt::CaseInsensitive));
    }
}

std::pair<bool, std::string> SegmentInspector::commonValue(const std::string& task) const {
    bool first = true;
    std::string common;
    for (std::int64_t id : selection_) {
        const annotation::Segment* s = document_.segment(id);
        if (!s) continue;
        auto it = s->labels.find(task);
        const std::string value = it != s->labels.end() ? it->second : std::string();
        if (first) {
            common = value;
            first = false;
        } else if (value != common) {
            return {false, {}};
        }
    }
    return {true, common};
}

void SegmentInspector::refresh() {
    // Segments that are gone (deleted, undone) leave the selection.
    std::vector<const annotation::Segment*> segments;
    for (std::int64_t id : selection_)
        if (const annotation::Segment* s = document_.segment(id)) segments.push_back(s);
    const bool any = !segments.empty();
    setEnabled(any);
    updating_ = true;
    if (!any) {
        title_->setText(tr("Select a segment on the timeline to label it."));
    } else if (segments.size() == 1) {
        const annotation::Segment& s = *segments.front();
        title_->setText(tr("<b>%1</b> &middot; frames %2-%3 (%4 frames)")
                            .arg(document_.subjectName(s.subjectId).toHtmlEscaped())
                            .arg(s.firstFrame)
                            .arg(s.lastFrame)
                            .arg(s.lastFrame - s.firstFrame + 1));
    } else {
        title_->setText(tr("<b>%1 segments</b> selected: changes apply to all of them").arg(segments.size()));
    }

    const auto [sameAction, action] = commonValue(actionTask_);
    const auto [sameGroupOnly, groupOnly] = commonValue(annotation::kGroupOnlyLabelKey);
    actions_->clearSelection();
    actions_->setCurrentItem(nullptr);
    for (int i = 0; i < actions_->count() && any && sameAction; ++i)
        if (actions_->item(i)->data(Qt::UserRole).toString().toStdString() == action) actions_->setCurrentItem(actions_->item(i));
    const bool actionMissing = any && sameAction && action.empty() && sameGroupOnly && groupOnly.empty();
    actions_->setStyleSheet(actionMissing ? QStringLiteral("QListWidget { %1 }").arg(kMissingStyle) : QString());
    if (!any) {
        group_->clear();
    } else if (!sameAction) {
        group_->setText(tr("Group: (mixed)"));
    } else if (action.empty() && sameGroupOnly && !groupOnly.empty()) {
        group_->setText(tr("Group: %1 (action unclear)").arg(QString::fromStdString(groupOnly)));
    } else {
        const std::string group = document_.isOpen() ? actionGroup(document_.taxonomy(), action) : std::string();
        group_->setText(tr("Group: %1").arg(group.empty() ? tr("(none)") : QString::fromStdString(group)));
    }
    showCommonValue(groupOnly_, sameGroupOnly, groupOnly);

    for (auto& [task, box] : attributeBoxes_) {
        const auto [same, value] = commonValue(task);
        showCommonValue(box, same, value);
        box->setStyleSheet(any && same && value.empty() ? QStringLiteral("QComboBox { %1 }").arg(kMissingStyle) : QString());
    }

    QStringList problems;
    if (document_.isOpen()) {
        for (const annotation::Segment* s : segments) {
            for (const LabelIssue& issue : segmentLabelIssues(document_.taxonomy(), *s)) {
                const QString line = segments.size() == 1 ? issue.message
                                                          : tr("frames %1-%2: %3").arg(s->firstFrame).arg(s->lastFrame).arg(issue.message);
                if (!problems.contains(line)) problems << line;
            }
        }
    }
    issues_->setText(problems.isEmpty() ? QString() : QStringLiteral("\u26a0 ") + problems.join(QStringLiteral("\n\u26a0 ")));
    issues_->setVisible(!problems.isEmpty());
    updating_ = false;
}

void SegmentInspector::apply(const std::string& task, const std::string& value) {
    if (updating_ || task.empty() || selection_.empty()) return;
    const auto [same, current] = commonValue(task);
    if (same && current == value) return;
    editor_.setLabel(selection_, task, value);
}

}  // namespace actionlens::ui
