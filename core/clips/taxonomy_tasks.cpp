#include "core/clips/taxonomy_tasks.h"

#include <algorithm>
#include <climits>
#include <queue>

namespace actionlens::clips {

namespace {

// Class index of each value's mirror image; empty when the task declares no mirroring.
std::vector<int> mirrorMapOf(const annotation::TaskDefinition& definition) {
    if (!definition.mirrorDeclared()) return {};
    std::vector<int> map;
    for (const annotation::TaskValue& value : definition.values) {
        const std::string& image = definition.mirrorOf(value.name);
        int index = int(map.size());
        for (size_t c = 0; c < definition.values.size(); ++c)
            if (definition.values[c].name == image) index = int(c);
        map.push_back(index);
    }
    return map;
}

// A group's mirror image is the group its actions' images share ("left arm" -> "right arm");
// declared only when the action task is and every group's actions agree.
std::vector<int> groupMirrorMap(const std::vector<int>& actionMirror, const std::vector<int>& groupOfAction, int groups) {
    if (actionMirror.empty()) return {};
    std::vector<int> map(size_t(groups), -1);
    for (size_t a = 0; a < groupOfAction.size(); ++a) {
        const int from = groupOfAction[a], to = groupOfAction[size_t(actionMirror[a])];
        if (map[size_t(from)] >= 0 && map[size_t(from)] != to) return {};
        map[size_t(from)] = to;
    }
    for (int g = 0; g < groups; ++g)
        if (map[size_t(g)] < 0) map[size_t(g)] = g;  // a group without actions is its own image
    for (int g = 0; g < groups; ++g)
        if (map[size_t(map[size_t(g)])] != g) return {};  // not pairs: leave it undeclared
    return map;
}

}  // namespace

Result<TaxonomyTasks> taxonomyTasks(const annotation::Taxonomy& taxonomy) {
    const annotation::TaskDefinition* action = taxonomy.actionTask();
    if (!action) return makeError("the project's taxonomy '" + taxonomy.name + "' has no action task");
    TaxonomyTasks out;
    if (action->values.size() >= 2) {
        train::DatasetTask task{action->name, {}, {}};
        for (const annotation::TaskValue& value : action->values) task.classNames.push_back(value.name);
        task.mirrorOf = mirrorMapOf(*action);
        out.tasks.push_back(task);
        out.sources.push_back({action->name, LabelSource::Action});
    }
    if (!out.tasks.empty() && action->groups.size() >= 2) {
        const std::string groupName = taxonomy.findTask("group") ? action->name + "_group" : "group";
        train::DatasetTask task{groupName, {}, {}};
        for (const annotation::ClassGroup& group : action->groups) task.classNames.push_back(group.name);
        model::TaskHierarchy hierarchy{action->name, groupName, {}, int(action->groups.size())};
        for (const annotation::TaskValue& value : action->values) {
            int group = -1;
            for (size_t g = 0; g < action->groups.size(); ++g)
                if (action->groups[g].name == value.group) group = int(g);
            hierarchy.groupOfAction.push_back(group);
        }
        // A validated taxonomy gives every class a group; be safe with hand-made ones.
        if (std::find(hierarchy.groupOfAction.begin(), hierarchy.groupOfAction.end(), -1) ==
            hierarchy.groupOfAction.end()) {
            task.mirrorOf = groupMirrorMap(out.tasks.front().mirrorOf, hierarchy.groupOfAction, int(action->groups.size()));
            out.tasks.push_back(task);
            out.sources.push_back({action->name, LabelSource::ActionGroup});
            out.hierarchy = hierarchy;
        }
    }
    for (const annotation::TaskDefinition& definition : taxonomy.tasks) {
        if (definition.kind != annotation::TaskKind::Attribute || definition.values.size() < 2) continue;
        train::DatasetTask task{definition.name, {}, {}};
        for (const annotation::TaskValue& value : definition.values) task.classNames.push_back(value.name);
        task.mirrorOf = mirrorMapOf(definition);
        out.tasks.push_back(task);
        out.sources.push_back({definition.name, definition.scope == annotation::TaskScope::Subject
                                                    ? LabelSource::SubjectAttribute
                                                    : LabelSource::SegmentAttribute});
    }
    if (out.tasks.empty())
        return makeError("the project's taxonomy '" + taxonomy.name + "' has no task with two or more classes");
    return out;
}

model::SkeletonLayout modelLayoutOf(const annotation::SkeletonLayout& layout) {
    const int n = int(layout.joints.size());
    std::vector<std::vector<int>> neighbours(static_cast<size_t>(n));
    for (const auto& [a, b] : layout.edges) {
        neighbours[size_t(a)].push_back(b);
        neighbours[size_t(b)].push_back(a);
    }
    int best = 0, bestMax = INT_MAX, bestSum = INT_MAX;
    for (int start = 0; start < n; ++start) {
        std::vector<int> hops(size_t(n), -1);
        std::queue<int> queue;
        hops[size_t(start)] = 0;
        queue.push(start);
        while (!queue.empty()) {
            const int j = queue.front();
            queue.pop();
            for (int k : neighbours[size_t(j)])
                if (hops[size_t(k)] < 0) hops[size_t(k)] = hops[size_t(j)] + 1, queue.push(k);
        }
        int maxHops = 0, sumHops = 0;
        for (int h : hops) {
            // Unreachable joints count as far away: the centre should be in the largest part.
            const int d = h < 0 ? n : h;
            maxHops = std::max(maxHops, d);
            sumHops += d;
        }
        if (maxHops < bestMax || (maxHops == bestMax && sumHops < bestSum))
            best = start, bestMax = maxHops, bestSum = sumHops;
    }
    return model::SkeletonLayout{n, layout.edges, best};
}

}  // namespace actionlens::clips
