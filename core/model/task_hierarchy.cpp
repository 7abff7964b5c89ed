#include "core/model/task_hierarchy.h"

#include <algorithm>
#include <cassert>

namespace actionlens::model {

namespace {

int argMax(const float* row, size_t n) { return int(std::max_element(row, row + n) - row); }

}  // namespace

Status validateTaskHierarchy(const TaskHierarchy& hierarchy, int actionClasses, int groupClasses) {
    if (hierarchy.groupCount != groupClasses)
        return makeError("hierarchy has " + std::to_string(hierarchy.groupCount) + " groups but task '" +
                         hierarchy.groupTask + "' has " + std::to_string(groupClasses) + " classes");
    if (int(hierarchy.groupOfAction.size()) != actionClasses)
        return makeError("hierarchy maps " + std::to_string(hierarchy.groupOfAction.size()) +
                         " actions but task '" + hierarchy.actionTask + "' has " +
                         std::to_string(actionClasses) + " classes");
    for (size_t a = 0; a < hierarchy.groupOfAction.size(); ++a) {
        const int g = hierarchy.groupOfAction[a];
        if (g < 0 || g >= groupClasses)
            return makeError("hierarchy puts action " + std::to_string(a) + " in group " + std::to_string(g) +
                             ", expected 0.." + std::to_string(groupClasses - 1));
    }
    return Status::success();
}

std::vector<HierarchicalPrediction> decodeConsistently(const std::vector<float>& actionScores,
                                                       int64_t clips, const TaskHierarchy& hierarchy) {
    const size_t actions = hierarchy.groupOfAction.size();
    assert(actionScores.size() == size_t(clips) * actions);
    std::vector<HierarchicalPrediction> decoded(static_cast<size_t>(clips));
    for (int64_t n = 0; n < clips; ++n) {
        const int a = argMax(actionScores.data() + size_t(n) * actions, actions);
        decoded[size_t(n)] = {a, hierarchy.groupOfAction[size_t(a)]};
    }
    return decoded;
}

double inconsistentPredictionRate(const std::vector<float>& actionScores,
                                  const std::vector<float>& groupScores, int64_t clips,
                                  const TaskHierarchy& hierarchy) {
    if (clips <= 0) return 0.0;
    const size_t actions = hierarchy.groupOfAction.size();
    const size_t groups = size_t(hierarchy.groupCount);
    assert(actionScores.size() == size_t(clips) * actions);
    assert(groupScores.size() == size_t(clips) * groups);
    int64_t inconsistent = 0;
    for (int64_t n = 0; n < clips; ++n) {
        const int a = argMax(actionScores.data() + size_t(n) * actions, actions);
        const int g = argMax(groupScores.data() + size_t(n) * groups, groups);
        inconsistent += hierarchy.groupOfAction[size_t(a)] != g;
    }
    return double(inconsistent) / double(clips);
}

}  // namespace actionlens::model
