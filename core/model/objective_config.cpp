#include "core/model/objective_config.h"

#include <cmath>

namespace actionlens::model {

namespace {

int classCountOf(const ModelConfig& model, const std::string& task) {
    for (const TaskSpec& spec : model.tasks)
        if (spec.name == task) return spec.classCount;
    return -1;
}

}  // namespace

Status validateObjectiveConfig(const ObjectiveConfig& objective, const ModelConfig& model) {
    if (Status s = validateWeightingConfig(objective.weighting, int(model.tasks.size())); !s) return s;
    if (!(objective.consistencyWeight >= 0.0) || !std::isfinite(objective.consistencyWeight))
        return makeError("consistency weight must be a finite value >= 0");
    if (!(objective.graphRegularisationWeight >= 0.0) || !std::isfinite(objective.graphRegularisationWeight))
        return makeError("graph regularisation weight must be a finite value >= 0");
    if (!objective.hierarchy) {
        if (objective.consistencyWeight > 0.0 || objective.graphRegularisationWeight > 0.0)
            return makeError("consistency and graph regularisation need an action -> group hierarchy");
        return Status::success();
    }
    const TaskHierarchy& h = *objective.hierarchy;
    const int actions = classCountOf(model, h.actionTask);
    const int groups = classCountOf(model, h.groupTask);
    if (actions < 0) return makeError("hierarchy names action task '" + h.actionTask + "', which the model lacks");
    if (groups < 0) return makeError("hierarchy names group task '" + h.groupTask + "', which the model lacks");
    if (h.actionTask == h.groupTask) return makeError("hierarchy uses task '" + h.actionTask + "' as both levels");
    return validateTaskHierarchy(h, actions, groups);
}

}  // namespace actionlens::model
