#include "ui/dialogs/taxonomy_editor_dialog.h"

#include "core/annotation/group_only_label.h"
#include "core/annotation/taxonomy_json.h"
#include "ui/commands/taxonomy_change_command.h"
#include "ui/document/project_document.h"
#include "ui/style/annotation_colours.h"

#include <QAction>
#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QVBoxLayout>

#include <algorithm>

namespace actionlens::ui {

using annotation::TaskKind;
using annotation::TaskScope;

namespace {

constexpr int kRefRole = Qt::UserRole;

QString q(const std::string& s) { return QString::fromStdString(s); }
std::string s(const QString& text) { return text.trimmed().toStdString(); }

QVariant pack(const TaxonomyEditorDialog::ItemRef& ref) {
    return QVariantList{int(ref.kind), qulonglong(ref.task), qulonglong(ref.index)};
}

TaxonomyEditorDialog::ItemRef unpack(const QVariant& v) {
    const QVariantList list = v.toList();
    return {TaxonomyEditorDialog::ItemKind(list.value(0).toInt()), size_t(list.value(1).toULongLong()),
            size_t(list.value(2).toULongLong())};
}

}  // namespace

TaxonomyEditorDialog::TaxonomyEditorDialog(ProjectDocument& document, std::map<std::string, std::string> reservedKeys,
                                           QWidget* parent)
    : QDialog(parent), document_(document), draft_(document.taxonomy()), reservedKeys_(std::move(reservedKeys)) {
    setWindowTitle(tr("Taxonomy - %1").arg(document.displayName()));
    draft_.setReservedKeys(reservedKeys_);
    prompt_ = [this](const LabelRemovalQuestion& question) { return LabelRemovalDialog::ask(this, question); };

    taxonomyName_ = new QLineEdit(q(draft_.taxonomy().name), this);
    connect(taxonomyName_, &QLineEdit::editingFinished, this, [this] {
        draft_.setName(s(taxonomyName_->text()));
        apply_->setEnabled(draft_.changed());
    });

    tree_ = new QTreeWidget(this);
    tree_->setColumnCount(4);
    tree_->setHeaderLabels({tr("Name"), tr("Hotkey"), tr("Used by"), tr("Mirrored")});
    tree_->headerItem()->setToolTip(3, tr("What a clip mirrored left to right (training's mirror augmentation) makes of "
                                          "the label"));
    tree_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    tree_->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    tree_->header()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    tree_->header()->setStretchLastSection(false);
    tree_->setUniformRowHeights(true);
    tree_->setMinimumWidth(380);
    connect(tree_, &QTreeWidget::currentItemChanged, this, &TaxonomyEditorDialog::showSelected);

    // The buttons that add things: one menu, so the row stays short.
    auto* add = new QPushButton(tr("&Add"), this);
    auto* addMenu = new QMenu(add);
    addMenu->addAction(tr("Action class"), this, &TaxonomyEditorDialog::addClass);
    addMenu->addAction(tr("Class group"), this, &TaxonomyEditorDialog::addGroup);
    addMenu->addAction(tr("Attribute task"), this, &TaxonomyEditorDialog::addAttribute);
    add->setMenu(addMenu);
    addValue_ = new QPushButton(tr("Add &value"), this);
    addValue_->setToolTip(tr("Adds a value to the selected attribute task"));
    connect(addValue_, &QPushButton::clicked, this, &TaxonomyEditorDialog::addValue);
    remove_ = new QPushButton(tr("&Remove"), this);
    connect(remove_, &QPushButton::clicked, this, &TaxonomyEditorDialog::removeSelected);
    auto* removeShortcut = new QAction(this);
    removeShortcut->setShortcut(QKeySequence::Delete);
    removeShortcut->setShortcutContext(Qt::WidgetShortcut);
    connect(removeShortcut, &QAction::triggered, this, &TaxonomyEditorDialog::removeSelected);
    tree_->addAction(removeShortcut);

    // The panel for the selected item.
    panel_ = new QWidget(this);
    name_ = new QLineEdit(panel_);
    connect(name_, &QLineEdit::editingFinished, this, &TaxonomyEditorDialog::commitName);
    colour_ = new QPushButton(tr("Choose..."), panel_);
    connect(colour_, &QPushButton::clicked, this, &TaxonomyEditorDialog::chooseColour);
    noColour_ = new QPushButton(tr("Automatic"), panel_);
    noColour_->setToolTip(tr("No colour of its own: the group's, or one from the palette"));
    connect(noColour_, &QPushButton::clicked, this, &TaxonomyEditorDialog::clearColour);
    auto* colourRow = new QWidget(panel_);
    auto* colourLayout = new QHBoxLayout(colourRow);
    colourLayout->setContentsMargins(0, 0, 0, 0);
    colourLayout->addWidget(colour_);
    colourLayout->addWidget(noColour_);
    colourLayout->addStretch(1);
    group_ = new QComboBox(panel_);
    connect(group_, &QComboBox::activated, this, [this] {
        const auto ref = selected();
        if (ref && ref->kind == ItemKind::Value && edit(draft_.setValueGroup(ref->task, ref->index, s(group_->currentText())))) {
            buildTree();
            select(*ref);
        }
    });
    hotkey_ = new QLineEdit(panel_);
    hotkey_->setMaxLength(1);
    hotkey_->setPlaceholderText(tr("none"));
    hotkey_->setMaximumWidth(60);
    hotkey_->setToolTip(tr("One key: while playing, hold it to code a segment; while paused, press it to label"));
    connect(hotkey_, &QLineEdit::textEdited, this, &TaxonomyEditorDialog::commitHotkey);
    scope_ = new QComboBox(panel_);
    scope_->addItem(tr("per segment (may change over time)"), int(TaskScope::Segment));
    scope_->addItem(tr("per subject (fixed for a person)"), int(TaskScope::Subject));
    connect(scope_, &QComboBox::activated, this, [this] {
        const auto ref = selected();
        if (ref && ref->kind == ItemKind::Task && edit(draft_.setTaskScope(ref->task, TaskScope(scope_->currentData().toInt())))) {
            buildTree();
            select(*ref);
        }
    });
    groupOnly_ = new QCheckBox(tr("Segments may have this group without an action"), panel_);
    groupOnly_->setToolTip(tr("For footage where the group is clear but the exact action is not"));
    connect(groupOnly_, &QCheckBox::clicked, this, &TaxonomyEditorDialog::setGroupOnly);
    sideFree_ = new QCheckBox(tr("No side: a mirrored clip keeps every value"), panel_);
    sideFree_->setToolTip(tr("Mirroring a clip left to right changes none of this task's labels (e.g. \"squat\"). "
                             "Sided values (\"left\" / \"right\") are declared per value instead."));
    connect(sideFree_, &QCheckBox::clicked, this, &TaxonomyEditorDialog::setSideFree);
    mirrorState_ = new QLabel(panel_);
    mirrorState_->setWordWrap(true);
    mirror_ = new QComboBox(panel_);
    mirror_->setToolTip(tr("The value this one becomes when a clip is mirrored left to right (\"left\" <-> \"right\", "
                           "\"wave left hand\" <-> \"wave right hand\"); the pair is set both ways"));
    connect(mirror_, &QComboBox::activated, this, &TaxonomyEditorDialog::setMirror);
    mirror_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    group_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    scope_->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    auto* form = new QFormLayout(panel_);
    form->setContentsMargins(12, 0, 0, 0);
    form->setVerticalSpacing(8);
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&Name:"), name_);
    form->addRow(tr("Colour:"), colourRow);
    form->addRow(tr("&Group:"), group_);
    form->addRow(tr("&Hotkey:"), hotkey_);
    form->addRow(tr("&Scope:"), scope_);
    form->addRow(QString(), groupOnly_);
    form->addRow(tr("&Mirror image:"), mirror_);
    form->addRow(tr("Mirroring:"), sideFree_);
    form->addRow(QString(), mirrorState_);

    message_ = new QLabel(this);
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    message_->setMinimumHeight(message_->fontMetrics().height() * 2 + 4);
    message_->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto* importButton = new QPushButton(tr("&Import..."), this);
    connect(importButton, &QPushButton::clicked, this, &TaxonomyEditorDialog::chooseImport);
    auto* exportButton = new QPushButton(tr("&Export..."), this);
    connect(exportButton, &QPushButton::clicked, this, &TaxonomyEditorDialog::chooseExport);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Apply | QDialogButtonBox::Cancel, this);
    apply_ = buttons->button(QDialogButtonBox::Apply);
    apply_->setEnabled(false);
    connect(apply_, &QPushButton::clicked, this, [this] { applyChanges(); });
    connect(buttons, &QDialogButtonBox::accepted, this, &TaxonomyEditorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &TaxonomyEditorDialog::reject);

    auto* nameRow = new QHBoxLayout;
    nameRow->addWidget(new QLabel(tr("Taxonomy:"), this));
    nameRow->addWidget(taxonomyName_, 1);
    auto* treeButtons = new QHBoxLayout;
    treeButtons->addWidget(add);
    treeButtons->addWidget(addValue_);
    treeButtons->addWidget(remove_);
    treeButtons->addStretch(1);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(tree_, 1);
    leftLayout->addLayout(treeButtons);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(panel_);
    rightLayout->addStretch(1);
    auto* help = new QLabel(tr("Renames reach every segment that uses the name. Removing something in use asks what its "
                               "segments should say instead. Apply (or OK) writes all changes as one step that "
                               "Edit > Undo takes back."),
                            right);
    help->setWordWrap(true);
    help->setContentsMargins(12, 0, 0, 0);
    rightLayout->addWidget(help);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(importButton);
    bottom->addWidget(exportButton);
    bottom->addStretch(1);
    bottom->addWidget(buttons);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(8);
    layout->addLayout(nameRow);
    layout->addWidget(splitter, 1);
    layout->addWidget(message_);
    layout->addLayout(bottom);
    resize(880, 620);

    // Return commits the field being edited; it must not also press OK and close the dialog.
    for (QPushButton* button : findChildren<QPushButton*>()) button->setAutoDefault(false);

    readUsage();
    buildTree();
    if (tree_->topLevelItemCount() > 0) tree_->setCurrentItem(tree_->topLevelItem(0));
}

QString TaxonomyEditorDialog::usageText(std::int64_t count, bool subjects) {
    if (count == 0) return {};
    // Spelled out: "%n segment(s)" needs a loaded translation to become "1 segment".
    if (subjects) return count == 1 ? tr("1 subject") : tr("%1 subjects").arg(count);
    return count == 1 ? tr("1 segment") : tr("%1 segments").arg(count);
}

std::map<std::string, std::string> TaxonomyEditorDialog::reservedKeysOf(const QWidget& window) {
    std::map<std::string, std::string> keys;
    for (const QAction* action : window.findChildren<QAction*>()) {
        for (const QKeySequence& shortcut : action->shortcuts()) {
            if (shortcut.count() != 1 || shortcut[0].keyboardModifiers() != Qt::NoModifier) continue;
            const QString text = QKeySequence(shortcut[0].key()).toString().toLower();
            if (text.size() != 1) continue;  // Space, Home, F1...: no text a hotkey could type
            QString what = action->text();
            what.remove(QLatin1Char('&'));
            keys[s(text)] = s(what);
        }
    }
    return keys;
}

void TaxonomyEditorDialog::readUsage() {
    segmentUsage_.clear();
    subjectUsage_.clear();
    auto usage = document_.store().labelUsage();
    if (!usage) {
        showMessage(tr("Cannot count the labels in use: %1").arg(q(usage.error())), true);
        return;
    }
    for (const annotation::LabelUsage& u : *usage)
        (u.owner == annotation::LabelOwner::Subject ? subjectUsage_ : segmentUsage_)[{u.task, u.value}] = u.count;
}

std::int64_t TaxonomyEditorDialog::usageOf(const std::vector<std::pair<std::string, std::string>>& labels, bool* bySubjects) const {
    std::int64_t segments = 0, subjects = 0;
    for (const auto& label : labels) {
        if (auto it = segmentUsage_.find(label); it != segmentUsage_.end()) segments += it->second;
        if (auto it = subjectUsage_.find(label); it != subjectUsage_.end()) subjects += it->second;
    }
    if (bySubjects) *bySubjects = subjects > 0 && segments == 0;
    return segments + subjects;
}

void TaxonomyEditorDialog::buildTree() {
    updating_ = true;
    const annotation::Taxonomy& taxonomy = draft_.taxonomy();
    tree_->clear();
    auto addValueItem = [&](QTreeWidgetItem* parent, size_t t, size_t v) {
        const annotation::TaskValue& value = taxonomy.tasks[t].values[v];
        auto* item = new QTreeWidgetItem(parent, {q(value.name), q(value.hotkey).toUpper()});
        item->setData(0, kRefRole, pack({ItemKind::Value, t, v}));
        bool subjects = false;
        const std::int64_t used = usageOf(draft_.labelSources(t, v), &subjects);
        item->setText(2, usageText(used, subjects));
        if (!value.mirror.empty()) item->setText(3, tr("<-> %1").arg(q(value.mirror)));
        if (taxonomy.tasks[t].kind != TaskKind::Action) return;
        item->setIcon(0, colourSwatch(actionColour(taxonomy, value.name)));
        // The project's key is edited here; the user's own key (Edit > Preferences) wins on
        // this machine, so say so.
        const QString yours = document_.hotkeys().userKey(q(value.name));
        if (!yours.isEmpty() && yours != q(value.hotkey)) {
            item->setText(1, tr("%1 (yours: %2)").arg(q(value.hotkey).toUpper(), yours.toUpper()).trimmed());
            item->setToolTip(1, tr("The project's key is %1; you code this action with %2 (Edit > Preferences)")
                                    .arg(value.hotkey.empty() ? tr("none") : q(value.hotkey).toUpper(), yours.toUpper()));
        }
    };
    for (size_t t = 0; t < taxonomy.tasks.size(); ++t) {
        const annotation::TaskDefinition& task = taxonomy.tasks[t];
        const bool action = task.kind == TaskKind::Action;
        const QString kind = action ? tr("action task") : task.scope == TaskScope::Subject ? tr("per subject") : tr("per segment");
        auto* taskItem = new QTreeWidgetItem(tree_, {QStringLiteral("%1  (%2)").arg(q(task.name), kind)});
        taskItem->setData(0, kRefRole, pack({ItemKind::Task, t, 0}));
        taskItem->setText(3, task.sideFree ? tr("no side") : task.mirrorDeclared() ? tr("pairs") : tr("not declared"));
        if (!task.mirrorDeclared())
            taskItem->setToolTip(3, tr("Training leaves this task's labels out of mirrored clips until its mirroring is "
                                       "declared"));
        QFont bold = taskItem->font(0);
        bold.setBold(true);
        taskItem->setFont(0, bold);
        if (!action) {
            for (size_t v = 0; v < task.values.size(); ++v) addValueItem(taskItem, t, v);
        } else {
            for (size_t g = 0; g < task.groups.size(); ++g) {
                const annotation::ClassGroup& group = task.groups[g];
                QString label = q(group.name);
                if (group.allowsGroupOnly) label += tr("   (group-only labels allowed)");
                auto* groupItem = new QTreeWidgetItem(taskItem, {label});
                groupItem->setData(0, kRefRole, pack({ItemKind::Group, t, g}));
                groupItem->setIcon(0, colourSwatch(groupColour(taxonomy, group.name)));
                std::vector<std::pair<std::string, std::string>> sources;
                for (const std::string& origin : draft_.groupOnlySources(g)) sources.emplace_back(annotation::kGroupOnlyLabelKey, origin);
                const std::int64_t alone = usageOf(sources);
                if (alone > 0) groupItem->setText(2, tr("%1 alone").arg(alone));
                for (size_t v = 0; v < task.values.size(); ++v)
                    if (task.values[v].group == group.name) addValueItem(groupItem, t, v);
            }
        }
    }
    tree_->expandAll();
    updating_ = false;
    apply_->setEnabled(draft_.changed());
}

void TaxonomyEditorDialog::select(const ItemRef& ref) {
    for (QTreeWidgetItemIterator it(tree_); *it; ++it) {
        if (unpack((*it)->data(0, kRefRole)) == ref) {
            tree_->setCurrentItem(*it);
            return;
        }
    }
}

std::optional<TaxonomyEditorDialog::ItemRef> TaxonomyEditorDialog::selected() const {
    const QTreeWidgetItem* item = tree_->currentItem();
    if (!item) return std::nullopt;
    return unpack(item->data(0, kRefRole));
}

void TaxonomyEditorDialog::showSelected() {
    if (updating_) return;
    const auto ref = selected();
    auto* form = static_cast<QFormLayout*>(panel_->layout());
    panel_->setEnabled(ref.has_value());
    const annotation::Taxonomy& taxonomy = draft_.taxonomy();
    const bool isValue = ref && ref->kind == ItemKind::Value;
    const bool isGroup = ref && ref->kind == ItemKind::Group;
    const bool isTask = ref && ref->kind == ItemKind::Task;
    const bool isClass = isValue && taxonomy.tasks[ref->task].kind == TaskKind::Action;
    const bool isAttributeTask = isTask && taxonomy.tasks[ref->task].kind == TaskKind::Attribute;
    form->setRowVisible(colour_->parentWidget(), isClass || isGroup);
    form->setRowVisible(group_, isClass);
    form->setRowVisible(hotkey_, isValue);
    form->setRowVisible(scope_, isAttributeTask);
    form->setRowVisible(groupOnly_, isGroup);
    form->setRowVisible(mirror_, isValue);
    form->setRowVisible(sideFree_, isTask);
    form->setRowVisible(mirrorState_, isTask);
    addValue_->setEnabled(isAttributeTask || (isValue && !isClass));
    remove_->setEnabled(ref && !(isTask && !isAttributeTask));
    if (!ref) return;
    const annotation::TaskDefinition& task = taxonomy.tasks[ref->task];
    std::string colour;
    if (isTask) {
        name_->setText(q(task.name));
        scope_->setCurrentIndex(scope_->findData(int(task.scope)));
        sideFree_->setChecked(task.sideFree);
        mirrorState_->setText(task.sideFree           ? tr("Declared: no value has a side.")
                              : task.mirrorDeclared() ? tr("Declared by the values' mirror images.")
                                                      : tr("Not declared: training leaves this task's labels out of "
                                                           "mirrored clips. Tick \"No side\", or give sided values their "
                                                           "mirror image."));
    } else if (isGroup) {
        const annotation::ClassGroup& group = task.groups[ref->index];
        name_->setText(q(group.name));
        groupOnly_->setChecked(group.allowsGroupOnly);
        colour = group.colour;
    } else {
        const annotation::TaskValue& value = task.values[ref->index];
        name_->setText(q(value.name));
        hotkey_->setText(q(value.hotkey));
        colour = value.colour;
        group_->clear();
        for (const annotation::ClassGroup& g : task.groups) group_->addItem(q(g.name));
        group_->setCurrentText(q(value.group));
        mirror_->clear();
        mirror_->addItem(tr("itself"), QString());
        for (const annotation::TaskValue& other : task.values)
            if (other.name != value.name) mirror_->addItem(q(other.name), q(other.name));
        mirror_->setCurrentIndex(std::max(0, mirror_->findData(q(value.mirror))));
    }
    const QColor shown = colour.empty() ? (isClass ? actionColour(taxonomy, task.values[ref->index].name) : QColor(Qt::lightGray))
                                        : QColor(q(colour));
    colour_->setIcon(colourSwatch(shown));
    colour_->setText(colour.empty() ? tr("Automatic") : q(colour));
    noColour_->setEnabled(!colour.empty());
}

bool TaxonomyEditorDialog::edit(const Status& status) {
    if (!status) {
        showMessage(q(status.error()), true);
        showSelected();  // back to what the draft says
        return false;
    }
    showMessage({}, false);
    return true;
}

void TaxonomyEditorDialog::showMessage(const QString& text, bool error) {
    message_->setText(text);
    message_->setStyleSheet(error ? QStringLiteral("color: #c0392b;") : QString());
}

QString TaxonomyEditorDialog::uniqueName(const QString& base, const std::function<bool(const std::string&)>& taken) const {
    QString name = base;
    for (int n = 2; taken(s(name)); ++n) name = QStringLiteral("%1 %2").arg(base).arg(n);
    return name;
}

void TaxonomyEditorDialog::commitName() {
    const auto ref = selected();
    if (!ref || updating_) return;
    const std::string name = s(name_->text());
    Status status = ref->kind == ItemKind::Task    ? draft_.renameTask(ref->task, name)
                    : ref->kind == ItemKind::Group ? draft_.renameGroup(ref->index, name)
                                                   : draft_.renameValue(ref->task, ref->index, name);
    if (!edit(status)) return;
    buildTree();
    select(*ref);
}

void TaxonomyEditorDialog::commitHotkey() {
    const auto ref = selected();
    if (!ref || ref->kind != ItemKind::Value) return;
    if (!edit(draft_.setHotkey(ref->task, ref->index, s(hotkey_->text().toLower())))) return;
    buildTree();
    select(*ref);
    // The project's key is the team's; this user's own key for another action wins on this
    // machine (EffectiveHotkeys), which they should hear about now rather than when coding.
    const annotation::TaskValue& value = draft_.taxonomy().tasks[ref->task].values[ref->index];
    const annotation::TaskDefinition* actions = draft_.taxonomy().actionTask();
    for (const auto& [action, yours] : document_.hotkeys().userKeys()) {
        if (value.hotkey.empty() || yours != q(value.hotkey) || !actions || !actions->findValue(s(action))) continue;
        if (draft_.taxonomy().tasks[ref->task].kind == TaskKind::Action && action == q(value.name)) continue;
        showMessage(tr("On this computer %1 is your own key for %2 (Edit > Preferences): there it codes %2, not %3.")
                        .arg(yours.toUpper(), action, q(value.name)),
                    false);
    }
    // The next key typed replaces this one.
    hotkey_->setFocus();
    hotkey_->selectAll();
}

void TaxonomyEditorDialog::chooseColour() {
    const auto ref = selected();
    if (!ref) return;
    // Start from the colour the item is drawn in now (its own, else the automatic one).
    const annotation::Taxonomy& taxonomy = draft_.taxonomy();
    const annotation::TaskDefinition& task = taxonomy.tasks[ref->task];
    const QColor current = ref->kind == ItemKind::Group ? groupColour(taxonomy, task.groups[ref->index].name)
                                                        : actionColour(taxonomy, task.values[ref->index].name);
    const QColor chosen = QColorDialog::getColor(current, this, tr("Colour"));
    if (!chosen.isValid()) return;
    const std::string colour = s(chosen.name());
    if (!edit(ref->kind == ItemKind::Group ? draft_.setGroupColour(ref->index, colour)
                                           : draft_.setValueColour(ref->task, ref->index, colour)))
        return;
    buildTree();
    select(*ref);
}

void TaxonomyEditorDialog::setSideFree(bool sideFree) {
    const auto ref = selected();
    if (!ref || ref->kind != ItemKind::Task || !edit(draft_.setTaskSideFree(ref->task, sideFree))) return;
    buildTree();
    select(*ref);
}

void TaxonomyEditorDialog::setMirror() {
    const auto ref = selected();
    if (!ref || ref->kind != ItemKind::Value ||
        !edit(draft_.setValueMirror(ref->task, ref->index, s(mirror_->currentData().toString()))))
        return;
    buildTree();
    select(*ref);
}

void TaxonomyEditorDialog::clearColour() {
    const auto ref = selected();
    if (!ref) return;
    if (!edit(ref->kind == ItemKind::Group ? draft_.setGroupColour(ref->index, "") : draft_.setValueColour(ref->task, ref->index, "")))
        return;
    buildTree();
    select(*ref);
}

}  // namespace actionlens::ui
