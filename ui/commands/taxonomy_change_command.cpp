#include "ui/commands/taxonomy_change_command.h"

#include "core/annotation/group_only_label.h"
#include "ui/document/project_document.h"

#include <memory>

namespace actionlens::ui {

TaxonomyChangeCommand::TaxonomyChangeCommand(ProjectDocument& document, annotation::Taxonomy after,
                                             std::vector<annotation::LabelRewrite> rewrites)
    : DocumentCommand(document), after_(std::move(after)), rewrites_(std::move(rewrites)) {}

Status TaxonomyChangeCommand::firstWrite() {
    setText(describe(document().taxonomy(), after_, rewrites_));
    auto applied = document().store().changeTaxonomy(after_, rewrites_);
    if (!applied) return applied.takeError();
    applied_ = std::move(applied).value();
    return Status::success();
}

Status TaxonomyChangeCommand::redoWrite() { return document().store().replayTaxonomyChange(applied_); }

Status TaxonomyChangeCommand::undoWrite() { return document().store().revertTaxonomyChange(applied_); }

void TaxonomyChangeCommand::reload() { document().reloadTaxonomy(); }

QString TaxonomyChangeCommand::run(ProjectDocument& document, const annotation::Taxonomy& after,
                                   const std::vector<annotation::LabelRewrite>& rewrites) {
    return push(document, std::make_unique<TaxonomyChangeCommand>(document, after, rewrites));
}

QString TaxonomyChangeCommand::describe(const annotation::Taxonomy& before, const annotation::Taxonomy& after,
                                        const std::vector<annotation::LabelRewrite>& rewrites) {
    auto q = [](const std::string& s) { return QString::fromStdString(s); };
    if (rewrites.size() == 1 && before.tasks.size() == after.tasks.size()) {
        const annotation::LabelRewrite& r = rewrites.front();
        const QString what = r.task == annotation::kGroupOnlyLabelKey ? QObject::tr("group") : q(r.task);
        if (r.clears()) return QObject::tr("Taxonomy: remove %1 '%2'").arg(what, q(r.value));
        // A target that existed before took over the labels of a removed one.
        const annotation::TaskDefinition* task =
            r.task == annotation::kGroupOnlyLabelKey ? before.actionTask() : before.findTask(r.task);
        bool existed = false;
        if (task && r.task == annotation::kGroupOnlyLabelKey) {
            for (const auto& g : task->groups) existed = existed || g.name == r.toValue;
        } else if (task) {
            existed = task->findValue(r.toValue) != nullptr;
        }
        if (r.task == r.toTask && existed)
            return QObject::tr("Taxonomy: remove %1 '%2', its labels become '%3'").arg(what, q(r.value), q(r.toValue));
        if (r.task == r.toTask) return QObject::tr("Taxonomy: rename %1 '%2' to '%3'").arg(what, q(r.value), q(r.toValue));
    }
    int renamed = 0, cleared = 0;
    for (const auto& r : rewrites) (r.clears() ? cleared : renamed) += 1;
    if (rewrites.empty()) return QObject::tr("Edit taxonomy");
    return QObject::tr("Edit taxonomy (%1 labels renamed or moved, %2 removed)").arg(renamed).arg(cleared);
}

}  // namespace actionlens::ui
