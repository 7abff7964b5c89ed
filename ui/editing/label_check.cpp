#include "ui/editing/label_check.h"

#include "core/annotation/group_only_label.h"

#include <QCoreApplication>

namespace actionlens::ui {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("LabelCheck", text); }

std::vector<LabelIssue> check(const annotation::Taxonomy& taxonomy, annotation::TaskScope scope,
                              const std::map<std::string, std::string>& labels) {
    std::vector<LabelIssue> issues;
    // A group-only label stands in for the action where its group allows that.
    const auto groupOnly = labels.find(annotation::kGroupOnlyLabelKey);
    const bool hasGroupOnly = scope == annotation::TaskScope::Segment && groupOnly != labels.end();
    if (hasGroupOnly) {
        if (Status s = annotation::checkGroupOnlyLabel(taxonomy, groupOnly->second); !s)
            issues.push_back({annotation::kGroupOnlyLabelKey, tr("group: %1").arg(QString::fromStdString(s.error()))});
    }
    for (const auto& task : taxonomy.tasks) {
        if (task.scope != scope) continue;
        auto it = labels.find(task.name);
        if (task.kind == annotation::TaskKind::Action && hasGroupOnly && it == labels.end()) continue;
        if (it == labels.end() || it->second.empty()) {
            issues.push_back({task.name, tr("%1 is missing").arg(QString::fromStdString(task.name))});
        } else if (!task.findValue(it->second)) {
            issues.push_back({task.name, tr("%1: '%2' is not a value of the taxonomy")
                                             .arg(QString::fromStdString(task.name), QString::fromStdString(it->second))});
        }
    }
    for (const auto& [name, value] : labels) {
        if (hasGroupOnly && name == annotation::kGroupOnlyLabelKey) continue;
        const annotation::TaskDefinition* task = taxonomy.findTask(name);
        if (!task || task->scope != scope)
            issues.push_back({name, tr("'%1' is not a task of the taxonomy here").arg(QString::fromStdString(name))});
    }
    return issues;
}

}  // namespace

std::vector<LabelIssue> segmentLabelIssues(const annotation::Taxonomy& taxonomy, const annotation::Segment& segment) {
    return check(taxonomy, annotation::TaskScope::Segment, segment.labels);
}

std::vector<LabelIssue> subjectLabelIssues(const annotation::Taxonomy& taxonomy, const annotation::Subject& subject) {
    return check(taxonomy, annotation::TaskScope::Subject, subject.attributes);
}

}  // namespace actionlens::ui
