// TaxonomyEditorDialog: the edits that add or remove things (asking what becomes of labels in
// use), Apply, import and export.

#include "ui/dialogs/taxonomy_editor_dialog.h"

#include "core/annotation/group_only_label.h"
#include "core/annotation/taxonomy_json.h"
#include "ui/commands/taxonomy_change_command.h"
#include "ui/document/project_document.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QTreeWidget>

#include <algorithm>

namespace actionlens::ui {

using annotation::TaskKind;
using annotation::TaskScope;

namespace {

const QString kTaxonomyFilter = QStringLiteral("Taxonomy files (*.json);;All files (*)");

QString q(const std::string& s) { return QString::fromStdString(s); }
std::string s(const QString& text) { return text.trimmed().toStdString(); }

}  // namespace

std::optional<LabelRemovalChoice> TaxonomyEditorDialog::ask(const LabelRemovalQuestion& question) { return prompt_(question); }

void TaxonomyEditorDialog::setGroupOnly(bool allowed) {
    const auto ref = selected();
    if (!ref || ref->kind != ItemKind::Group) return;
    if (!allowed) {
        std::vector<std::pair<std::string, std::string>> sources;
        for (const std::string& origin : draft_.groupOnlySources(ref->index)) sources.emplace_back(annotation::kGroupOnlyLabelKey, origin);
        if (const std::int64_t used = usageOf(sources); used > 0) {
            const QString name = q(draft_.taxonomy().tasks[ref->task].groups[ref->index].name);
            const auto choice = ask({tr("Group-only labels of '%1'").arg(name),
                                     tr("%1 have only the group '%2' and no action. Without the permission "
                                        "their group label is cleared.").arg(usageText(used, false), name),
                                     {}, tr("Clear their group label")});
            if (!choice) {
                showSelected();
                return;
            }
        }
    }
    if (!edit(draft_.setGroupOnlyAllowed(ref->index, allowed))) return;
    buildTree();
    select(*ref);
}

void TaxonomyEditorDialog::removeSelected() {
    const auto ref = selected();
    if (!ref) return;
    const annotation::Taxonomy& taxonomy = draft_.taxonomy();
    const annotation::TaskDefinition& task = taxonomy.tasks[ref->task];
    if (ref->kind == ItemKind::Task) {
        if (task.kind == TaskKind::Action) return showMessage(tr("The action task cannot be removed: every taxonomy has one."), true);
        std::vector<std::pair<std::string, std::string>> sources;
        for (size_t v = 0; v < task.values.size(); ++v)
            for (const auto& label : draft_.labelSources(ref->task, v)) sources.push_back(label);
        bool subjects = false;
        if (const std::int64_t used = usageOf(sources, &subjects); used > 0) {
            if (!ask({tr("Remove task '%1'").arg(q(task.name)),
                      tr("%1 have a '%2' label. Removing the task removes those labels.").arg(usageText(used, subjects), q(task.name)),
                      {}, tr("Remove their '%1' labels").arg(q(task.name))}))
                return;
        }
        if (!edit(draft_.removeTask(ref->task))) return;
        buildTree();
        select({ItemKind::Task, std::min(ref->task, draft_.taxonomy().tasks.size() - 1), 0});
        return;
    }
    if (ref->kind == ItemKind::Group) {
        const annotation::ClassGroup group = task.groups[ref->index];
        std::vector<std::pair<std::string, std::string>> sources;
        for (const std::string& origin : draft_.groupOnlySources(ref->index)) sources.emplace_back(annotation::kGroupOnlyLabelKey, origin);
        std::optional<size_t> target;
        if (const std::int64_t used = usageOf(sources); used > 0 && !std::count_if(task.values.begin(), task.values.end(), [&](const auto& v) {
                return v.group == group.name;
            })) {
            QStringList names;
            std::vector<size_t> indices;
            for (size_t g = 0; g < task.groups.size(); ++g)
                if (g != ref->index && task.groups[g].allowsGroupOnly) names << q(task.groups[g].name), indices.push_back(g);
            const auto choice = ask({tr("Remove group '%1'").arg(q(group.name)),
                                     tr("%1 have only the group '%2' and no action. What should they say instead?")
                                         .arg(usageText(used, false), q(group.name)),
                                     names, tr("Clear their group label")});
            if (!choice) return;
            if (choice->relabelTo >= 0) target = indices.at(size_t(choice->relabelTo));
        }
        if (!edit(draft_.removeGroup(ref->index, target))) return;
        buildTree();
        select({ItemKind::Task, ref->task, 0});
        return;
    }
    const annotation::TaskValue value = task.values[ref->index];
    const bool isClass = task.kind == TaskKind::Action;
    std::optional<size_t> target;
    bool subjects = false;
    if (const std::int64_t used = usageOf(draft_.labelSources(ref->task, ref->index), &subjects); used > 0) {
        QStringList names;
        for (size_t v = 0; v < task.values.size(); ++v)
            if (v != ref->index) names << q(task.values[v].name);
        const auto choice = ask({(isClass ? tr("Remove class '%1'") : tr("Remove value '%1'")).arg(q(value.name)),
                                 tr("%1 labelled '%2' (%3). What should they say instead?")
                                     .arg(usageText(used, subjects), q(value.name), q(task.name)),
                                 names, tr("Clear their '%1' label").arg(q(task.name))});
        if (!choice) return;
        if (choice->relabelTo >= 0) target = size_t(choice->relabelTo) < ref->index ? size_t(choice->relabelTo) : size_t(choice->relabelTo) + 1;
    }
    if (!edit(draft_.removeValue(ref->task, ref->index, target))) return;
    buildTree();
    select({ItemKind::Task, ref->task, 0});
}

void TaxonomyEditorDialog::addClass() {
    const int action = draft_.actionTaskIndex();
    if (action < 0) return;
    const auto ref = selected();
    const annotation::TaskDefinition& task = draft_.taxonomy().tasks[size_t(action)];
    // Into the selected group (or the selected class's group), else the first.
    std::string group = task.groups.empty() ? std::string() : task.groups.front().name;
    if (ref && ref->kind == ItemKind::Group) group = task.groups[ref->index].name;
    if (ref && ref->kind == ItemKind::Value && int(ref->task) == action) group = task.values[ref->index].group;
    const QString name = uniqueName(tr("new class"), [&](const std::string& n) { return task.findValue(n) != nullptr; });
    auto added = draft_.addValue(size_t(action), s(name), group);
    if (!edit(added.ok() ? Status::success() : Status(added.takeError()))) return;
    buildTree();
    select({ItemKind::Value, size_t(action), *added});
    name_->setFocus();
    name_->selectAll();
}

void TaxonomyEditorDialog::addGroup() {
    const annotation::TaskDefinition* action = draft_.taxonomy().actionTask();
    if (!action) return;
    const QString name = uniqueName(tr("new group"), [&](const std::string& n) {
        return std::any_of(action->groups.begin(), action->groups.end(), [&](const auto& g) { return g.name == n; });
    });
    auto added = draft_.addGroup(s(name));
    if (!edit(added.ok() ? Status::success() : Status(added.takeError()))) return;
    buildTree();
    select({ItemKind::Group, size_t(draft_.actionTaskIndex()), *added});
    name_->setFocus();
    name_->selectAll();
}

void TaxonomyEditorDialog::addAttribute() {
    const QString name = uniqueName(tr("new attribute"), [&](const std::string& n) { return draft_.taxonomy().findTask(n) != nullptr; });
    auto added = draft_.addAttributeTask(s(name), TaskScope::Segment);
    if (!edit(added.ok() ? Status::success() : Status(added.takeError()))) return;
    buildTree();
    select({ItemKind::Task, *added, 0});
    showMessage(tr("Add its values with \"Add value\"; choose per segment or per subject under Scope."), false);
    name_->setFocus();
    name_->selectAll();
}

void TaxonomyEditorDialog::addValue() {
    const auto ref = selected();
    if (!ref || ref->kind == ItemKind::Group) return;
    const annotation::TaskDefinition& task = draft_.taxonomy().tasks[ref->task];
    if (task.kind != TaskKind::Attribute) return;
    const QString name = uniqueName(tr("new value"), [&](const std::string& n) { return task.findValue(n) != nullptr; });
    auto added = draft_.addValue(ref->task, s(name));
    if (!edit(added.ok() ? Status::success() : Status(added.takeError()))) return;
    buildTree();
    select({ItemKind::Value, ref->task, *added});
    name_->setFocus();
    name_->selectAll();
}

QString TaxonomyEditorDialog::applyChanges() {
    // A name being typed counts.
    if (name_->hasFocus()) commitName();
    draft_.setName(s(taxonomyName_->text()));
    if (!draft_.changed()) return {};
    if (Status valid = annotation::validateTaxonomy(draft_.taxonomy()); !valid) {
        const QString message = tr("Not applied: %1").arg(q(valid.error()));
        showMessage(message, true);
        return message;
    }
    const QString error = TaxonomyChangeCommand::run(document_, draft_.taxonomy(), draft_.labelRewrites());
    if (!error.isEmpty()) {
        const QString message = tr("Not applied: %1").arg(error);
        showMessage(message, true);
        return message;
    }
    // The next Apply starts from what the project now says.
    const auto ref = selected();
    annotation::TaxonomyDraft fresh(document_.taxonomy());
    fresh.setReservedKeys(reservedKeys_);
    draft_ = std::move(fresh);
    readUsage();
    buildTree();
    if (ref) select(*ref);
    showMessage(tr("Applied. Edit > Undo takes it back."), false);
    return {};
}

void TaxonomyEditorDialog::accept() {
    if (applyChanges().isEmpty()) QDialog::accept();
}

QString TaxonomyEditorDialog::importFile(const QString& path) {
    auto imported = annotation::loadTaxonomyFile(s(path));
    if (!imported) {
        // loadTaxonomyFile names the file and the line or field.
        const QString message = tr("Cannot import: %1").arg(q(imported.error()));
        showMessage(message, true);
        return message;
    }
    const annotation::TaxonomyDraft before = draft_;
    if (Status replaced = draft_.replaceWith(*imported); !replaced) {
        const QString message = tr("Cannot import %1: %2").arg(QFileInfo(path).fileName(), q(replaced.error()));
        showMessage(message, true);
        return message;
    }
    const auto lost = draft_.lostLabels();
    bool subjects = false;
    if (const std::int64_t used = usageOf(lost, &subjects); used > 0) {
        QStringList names;
        for (const auto& [task, value] : lost)
            if (usageOf({{task, value}}) > 0) names << (task == annotation::kGroupOnlyLabelKey ? tr("group '%1'") : QStringLiteral("%1 '%2'").arg(q(task))).arg(q(value));
        if (!ask({tr("Import %1").arg(QFileInfo(path).fileName()),
                  tr("The imported taxonomy lacks labels in use by %1: %2.").arg(usageText(used, subjects), names.join(QStringLiteral(", "))),
                  {}, tr("Import and clear those labels")})) {
            draft_ = before;
            return tr("Import cancelled.");
        }
    }
    taxonomyName_->setText(q(draft_.taxonomy().name));
    buildTree();
    if (tree_->topLevelItemCount() > 0) tree_->setCurrentItem(tree_->topLevelItem(0));
    showMessage(tr("Imported %1: press Apply or OK to use it.").arg(QFileInfo(path).fileName()), false);
    return {};
}

QString TaxonomyEditorDialog::exportFile(const QString& path) {
    draft_.setName(s(taxonomyName_->text()));
    Status status = annotation::validateTaxonomy(draft_.taxonomy());
    if (status) status = annotation::saveTaxonomyFile(draft_.taxonomy(), s(path));
    if (!status) {
        const QString message = tr("Not exported: %1").arg(q(status.error()));
        showMessage(message, true);
        return message;
    }
    showMessage(tr("Exported to %1.").arg(QDir::toNativeSeparators(path)), false);
    return {};
}

void TaxonomyEditorDialog::chooseImport() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Import taxonomy"), QString(), kTaxonomyFilter);
    if (!path.isEmpty()) importFile(path);
}

void TaxonomyEditorDialog::chooseExport() {
    QString path = QFileDialog::getSaveFileName(this, tr("Export taxonomy"), q(draft_.taxonomy().name) + QStringLiteral(".json"), kTaxonomyFilter);
    if (path.isEmpty()) return;
    if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".json");
    exportFile(path);
}

void openTaxonomyEditor(QWidget& window, ProjectDocument& document) {
    if (!document.isOpen()) return;
    TaxonomyEditorDialog dialog(document, TaxonomyEditorDialog::reservedKeysOf(window), &window);
    dialog.exec();
}

}  // namespace actionlens::ui
