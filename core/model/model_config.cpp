#include "core/model/model_config.h"

#include <set>
#include <string>

namespace actionlens::model {

Status validateModelConfig(const ModelConfig& config) {
    if (config.layout.jointCount <= 0)
        return makeError("model skeleton has " + std::to_string(config.layout.jointCount) +
                         " joints, expected at least 1");
    if (config.inputChannels <= 0)
        return makeError("model input has " + std::to_string(config.inputChannels) + " channels");
    const TrunkConfig& trunk = config.trunk;
    if (trunk.channels.empty())
        return makeError("trunk has no blocks: give at least one entry in channels");
    if (trunk.channels.size() != trunk.temporalStrides.size())
        return makeError("trunk has " + std::to_string(trunk.channels.size()) + " channel entries but " +
                         std::to_string(trunk.temporalStrides.size()) + " temporal strides");
    for (size_t b = 0; b < trunk.channels.size(); ++b) {
        if (trunk.channels[b] <= 0)
            return makeError("trunk block " + std::to_string(b) + " has " + std::to_string(trunk.channels[b]) +
                             " channels, expected at least 1");
        if (trunk.temporalStrides[b] <= 0)
            return makeError("trunk block " + std::to_string(b) + " has temporal stride " +
                             std::to_string(trunk.temporalStrides[b]) + ", expected at least 1");
    }
    if (trunk.temporalKernel <= 0 || trunk.temporalKernel % 2 == 0)
        return makeError("trunk temporal kernel is " + std::to_string(trunk.temporalKernel) +
                         ", expected an odd size >= 1");
    if (!(trunk.dropout >= 0.0 && trunk.dropout < 1.0))
        return makeError("trunk dropout is " + std::to_string(trunk.dropout) + ", expected 0 <= p < 1");
    if (config.attentionHidden <= 0)
        return makeError("attention width is " + std::to_string(config.attentionHidden) + ", expected at least 1");
    if (config.tasks.empty()) return makeError("model has no tasks: give at least one");
    std::set<std::string> names;
    for (const TaskSpec& task : config.tasks) {
        if (task.name.empty()) return makeError("a task has an empty name");
        if (!names.insert(task.name).second) return makeError("task '" + task.name + "' appears twice");
        if (task.classCount < 2)
            return makeError("task '" + task.name + "' has " + std::to_string(task.classCount) +
                             " classes, expected at least 2");
    }
    return Status::success();
}

}  // namespace actionlens::model
