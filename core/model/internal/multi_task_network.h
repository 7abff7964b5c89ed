#pragma once

// INTERNAL (includes LibTorch): for core/model's .cpp files, core/train and tests only.
//
// The shared trunk and one head per task, as one module, so that one state holds the weights
// of the whole network.

#include "core/model/internal/st_gcn_trunk.h"
#include "core/model/internal/task_head.h"
#include "core/model/model_config.h"
#include "core/model/skeleton_graph.h"

#include <string>
#include <vector>

namespace actionlens::model {
class MultiTaskModel;
}

namespace actionlens::model::internal {

struct NetworkOutput {
    std::vector<torch::Tensor> logits;     // per task, (N, classes)
    std::vector<torch::Tensor> attention;  // per task, (N, T', V)
};

class MultiTaskNetworkImpl : public torch::nn::Module {
public:
    // config must have passed validateModelConfig; graph must be built from config.layout.
    MultiTaskNetworkImpl(const ModelConfig& config, const SkeletonGraph& graph);
    NetworkOutput forward(const torch::Tensor& x);  // x (N, C, T, V)

    int taskIndex(const std::string& name) const;  // -1 if absent
    TaskHead& head(int task) { return heads_[size_t(task)]; }
    StGcnTrunk& trunk() { return trunk_; }

private:
    std::vector<std::string> taskNames_;
    StGcnTrunk trunk_{nullptr};
    std::vector<TaskHead> heads_;
};
TORCH_MODULE(MultiTaskNetwork);

// The network behind a public MultiTaskModel, for training code.
MultiTaskNetwork& networkOf(MultiTaskModel& model);

// (N, C, T, V) float tensor over the batch's values (copied).
torch::Tensor batchTensor(int clips, int channels, int frames, int joints, const std::vector<float>& values);

}  // namespace actionlens::model::internal
