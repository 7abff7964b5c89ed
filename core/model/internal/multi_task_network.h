#pragma once

// INTERNAL (includes LibTorch): for core/model's .cpp files, core/train and tests only.
//
// The shared trunk (skeleton, video, or both for late fusion) and one head per task, as one
// module, so that one state holds the weights of the whole network.

#include "core/model/internal/st_gcn_trunk.h"
#include "core/model/internal/task_head.h"
#include "core/model/internal/video_trunk.h"
#include "core/model/model_config.h"
#include "core/model/skeleton_graph.h"

#include <string>
#include <vector>

namespace actionlens::model {
class MultiTaskModel;
}

namespace actionlens::model::internal {

struct NetworkOutput {
    std::vector<torch::Tensor> logits;          // per task, (N, classes)
    std::vector<torch::Tensor> attention;       // per task, (N, T', V) over the skeleton; empty without one
    std::vector<torch::Tensor> videoAttention;  // per task, (N, T'', H'' * W'') over the video; empty without
    // What the heads read, per trunk (skeleton first): (N, C', T', V) and (N, C'', T'', H'' * W'').
    // The explanations take the heads' gradients with respect to them (core/explain).
    std::vector<torch::Tensor> features;
};

class MultiTaskNetworkImpl : public torch::nn::Module {
public:
    // config must have passed validateModelConfig; graph must be built from config.layout, and
    // may be null only for a video-only trunk.
    MultiTaskNetworkImpl(const ModelConfig& config, const SkeletonGraph* graph);
    MultiTaskNetworkImpl(const ModelConfig& config, const SkeletonGraph& graph)
        : MultiTaskNetworkImpl(config, &graph) {}
    // skeleton (N, C, T, V) and video (N, 3, T, H, W); the one the trunk does not read may be an
    // undefined tensor.
    NetworkOutput forward(const torch::Tensor& skeleton, const torch::Tensor& video);
    NetworkOutput forward(const torch::Tensor& skeleton) { return forward(skeleton, torch::Tensor()); }

    int taskIndex(const std::string& name) const;  // -1 if absent
    TaskHead& head(int task) { return heads_[size_t(task)]; }
    TrunkKind trunkKind() const { return kind_; }
    StGcnTrunk& trunk() { return trunk_; }            // null for a video-only network
    VideoTrunk& videoTrunk() { return videoTrunk_; }  // null for a skeleton-only network
    // The parameters every task shares (both trunks in fusion), for gradient surgery.
    std::vector<torch::Tensor> sharedParameters();
    // The last layer every task's gradient passes through, where GradNorm measures: the skeleton
    // trunk's last temporal convolution, or the video trunk's for a video-only network.
    torch::Tensor lastSharedWeight() const;

private:
    TrunkKind kind_ = TrunkKind::Skeleton;
    std::vector<std::string> taskNames_;
    StGcnTrunk trunk_{nullptr};
    VideoTrunk videoTrunk_{nullptr};
    std::vector<TaskHead> heads_;
};
TORCH_MODULE(MultiTaskNetwork);

// The network behind a public MultiTaskModel, for training code.
MultiTaskNetwork& networkOf(MultiTaskModel& model);

// (N, C, T, V) float tensor over the batch's values (copied).
torch::Tensor batchTensor(int clips, int channels, int frames, int joints, const std::vector<float>& values);
// (N, 3, T, H, W) float tensor over a video batch's values (copied).
torch::Tensor videoTensor(int clips, int frames, int height, int width, const std::vector<float>& values);

}  // namespace actionlens::model::internal
