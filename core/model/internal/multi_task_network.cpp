#include "core/model/internal/multi_task_network.h"

namespace actionlens::model::internal {

MultiTaskNetworkImpl::MultiTaskNetworkImpl(const ModelConfig& config, const SkeletonGraph& graph) {
    trunk_ = register_module("trunk", StGcnTrunk(config, graph));
    for (size_t t = 0; t < config.tasks.size(); ++t) {
        taskNames_.push_back(config.tasks[t].name);
        // Registered by position, not by name: task names come from users' taxonomies and may
        // hold characters a module name cannot (dots).
        heads_.push_back(register_module("head" + std::to_string(t),
                                         TaskHead(trunk_->outputChannels(), config.attentionHidden,
                                                  config.tasks[t].classCount)));
    }
}

NetworkOutput MultiTaskNetworkImpl::forward(const torch::Tensor& x) {
    const torch::Tensor features = trunk_(x);
    NetworkOutput out;
    for (TaskHead& head : heads_) {
        TaskHeadOutput o = head(features);
        out.logits.push_back(std::move(o.logits));
        out.attention.push_back(std::move(o.attention));
    }
    return out;
}

int MultiTaskNetworkImpl::taskIndex(const std::string& name) const {
    for (size_t t = 0; t < taskNames_.size(); ++t)
        if (taskNames_[t] == name) return int(t);
    return -1;
}

torch::Tensor batchTensor(int clips, int channels, int frames, int joints, const std::vector<float>& values) {
    return torch::tensor(values, torch::kFloat32).view({clips, channels, frames, joints});
}

}  // namespace actionlens::model::internal
