#include "core/annotation/group_only_label.h"

namespace actionlens::annotation {

std::string labelledClassGroup(const Taxonomy& taxonomy, const LabelMap& labels) {
    const TaskDefinition* action = taxonomy.actionTask();
    if (!action) return {};
    if (auto it = labels.find(action->name); it != labels.end() && !it->second.empty())
        if (const TaskValue* value = action->findValue(it->second)) return value->group;
    if (auto it = labels.find(kGroupOnlyLabelKey); it != labels.end()) return it->second;
    return {};
}

Status checkGroupOnlyLabel(const Taxonomy& taxonomy, const std::string& group) {
    const TaskDefinition* action = taxonomy.actionTask();
    if (action)
        for (const ClassGroup& g : action->groups)
            if (g.name == group) {
                if (g.allowsGroupOnly) return Status::success();
                return makeError("class group '" + group + "' needs an action: the taxonomy does not allow it alone");
            }
    return makeError("'" + group + "' is not a class group of the taxonomy");
}

Status checkSegmentLabels(const Taxonomy& taxonomy, const LabelMap& labels) {
    for (const auto& [task, value] : labels) {
        if (task != kGroupOnlyLabelKey) {
            if (Status s = checkLabel(taxonomy, TaskScope::Segment, task, value); !s) return s;
            continue;
        }
        if (Status s = checkGroupOnlyLabel(taxonomy, value); !s) return s;
        if (const TaskDefinition* action = taxonomy.actionTask(); action && labels.count(action->name))
            return makeError("a segment with an action ('" + labels.at(action->name) +
                             "') takes its group from it and cannot also have the group-only label '" + value + "'");
    }
    return Status::success();
}

}  // namespace actionlens::annotation
