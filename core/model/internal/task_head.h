#pragma once

// INTERNAL (includes LibTorch): for core/model's .cpp files, core/train and tests only.
//
// One task's head on the shared trunk. Each task pools the shared features with its own
// attention over frames and joints: the viewpoint may be read from the torso at any frame while
// the action needs the hands at the moment they move, so one shared pooling would have to serve
// contradictory needs. The attention weights double as the task's explanation.
//
// A head may read several trunks (late fusion of the skeleton and the video trunk): it pools
// each trunk's features with an attention of its own and classifies their concatenation.

#include <torch/nn.h>

#include <vector>

namespace actionlens::model::internal {

struct TaskHeadOutput {
    torch::Tensor logits;                 // (N, classes)
    std::vector<torch::Tensor> attention;  // per stream (N, T', V), each clip's weights sum to 1
};

class TaskHeadImpl : public torch::nn::Module {
public:
    // One entry of streamChannels per trunk the head reads.
    TaskHeadImpl(const std::vector<int>& streamChannels, int attentionHidden, int classCount);
    TaskHeadImpl(int featureChannels, int attentionHidden, int classCount)
        : TaskHeadImpl(std::vector<int>{featureChannels}, attentionHidden, classCount) {}
    TaskHeadOutput forward(const std::vector<torch::Tensor>& streams);  // each (N, C'_s, T'_s, V_s)
    TaskHeadOutput forward(const torch::Tensor& features) { return forward(std::vector<torch::Tensor>{features}); }

    // The final layer: its weight rows (classes, sum of C') are what the graph regulariser
    // compares between the action and group heads.
    torch::nn::Linear classifier{nullptr};

private:
    std::vector<torch::nn::Conv2d> attentionHidden_;
    std::vector<torch::nn::Conv2d> attentionScore_;
};
TORCH_MODULE(TaskHead);

}  // namespace actionlens::model::internal
