#pragma once

// The action -> group hierarchy of a taxonomy, and decoding that respects it. Two heads trained
// separately can disagree (the action head says "jumping jacks", the group head says "sports
// with a ball"); reporting such pairs would show the user an impossible label, so predictions are
// decoded from the action and the group is read off the hierarchy. How often the raw heads
// disagree is itself a measure of how well the hierarchy was learnt.

#include "core/common/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::model {

struct TaskHierarchy {
    std::string actionTask;          // name of the fine task (e.g. "action")
    std::string groupTask;           // name of the coarse task (e.g. "group")
    std::vector<int> groupOfAction;  // one entry per action class: its group, in 0..groupCount-1
    int groupCount = 0;
};

Status validateTaskHierarchy(const TaskHierarchy& hierarchy, int actionClasses, int groupClasses);

struct HierarchicalPrediction {
    int action = -1;
    int group = -1;
};

// Per clip: the most probable action, and the group it belongs to. actionScores holds
// (clips, actions) row-major probabilities or logits (only their order matters).
std::vector<HierarchicalPrediction> decodeConsistently(const std::vector<float>& actionScores,
                                                       int64_t clips, const TaskHierarchy& hierarchy);

// Fraction of clips (0..1) whose raw arg-max action lies outside the raw arg-max group;
// 0 for no clips.
double inconsistentPredictionRate(const std::vector<float>& actionScores,
                                  const std::vector<float>& groupScores, int64_t clips,
                                  const TaskHierarchy& hierarchy);

}  // namespace actionlens::model
