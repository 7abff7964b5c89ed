#pragma once

// What a multi-task network is trained to minimise, as plain data: how the task losses are
// weighted, and the optional terms that tie the action and group heads together through the
// taxonomy's hierarchy.

#include "core/common/result.h"
#include "core/model/loss_weighting.h"
#include "core/model/model_config.h"
#include "core/model/task_hierarchy.h"

#include <optional>

namespace actionlens::model {

struct ObjectiveConfig {
    WeightingConfig weighting;
    std::optional<TaskHierarchy> hierarchy;
    // KL divergence from the action head's distribution summed into groups to the group head's.
    double consistencyWeight = 0.0;
    // Evgeniou et al. 2005: pulls each action's classifier row towards its group's row, so that
    // rare actions borrow strength from their group. Needs the hierarchy.
    double graphRegularisationWeight = 0.0;
};

Status validateObjectiveConfig(const ObjectiveConfig& objective, const ModelConfig& model);

}  // namespace actionlens::model
