#include "ui/taxonomy_change_command.h"

#include "core/annotation/group_only_label.h"
#include "ui/project_document.h"

#include <memory>

namespace actionlens::ui {

TaxonomyChangeCommand::TaxonomyChangeCommand(ProjectDocument& document, annotation::Taxonomy after,
                                             std::vector<annotation::LabelRewrite> rewrites)
    : document_(document), after_(std::move(after)), rewrites_(std::move(rewrites)) {}

Status TaxonomyChangeCommand::apply() {
    setText(describe(document_.taxonomy(), after_, rewrites_));
    auto applied = document_.store().changeTaxonomy(after_, rewrites_);
    if (!applied) return applied.takeError();
    applied_ = std::move(applied).value();
    skipRedo_ = true;
    document_.reloadTaxonomy();
    return Status::success();
}

void TaxonomyChangeCommand::redo() {
    if (skipRedo_) {
        skipRedo_ = false;
        return;
    }
    if (Status s = document_.store().replayTaxonomyChange(applied_); !s)
        document_.reportWriteFailure(QObject::tr("redo of '%1' failed: %2").arg(text(), QString::fromStdString(s.error())));
    document_.reloadTaxonomy();
}

void TaxonomyChangeCommand::undo() {
    if (Status s = document_.store().revertTaxonomyChange(applied_); !s)
        document_.reportWriteFailure(QObject::tr("undo of '%1' failed: %2").arg(text(), QString::fromStdString(s.error())));
    document_.reloadTaxonomy();
}

QString TaxonomyChangeCommand::run(ProjectDocument& document, const annotation::Taxonomy& after,
                                   const std::vector<annotation::LabelRewrite>& rewrites) {
    if (!document.isOpen()) return QObject::tr("No project is open.");
    auto command = std::make_unique<TaxonomyChangeCommand>(document, after, rewrites);
    if (Status s = command->apply(); !s) return QString::fromStdString(s.error());
    document.undoStack().push(command.release());
    return {};
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
