#pragma once

// INTERNAL (includes LibTorch): for core/model's .cpp files, core/train and tests only.
//
// One task's head on the shared trunk. Each task pools the shared features with its own
// attention over frames and joints: the viewpoint may be read from the torso at any frame while
// the action needs the hands at the moment they move, so one shared pooling would have to serve
// contradictory needs. The attention weights double as the task's explanation.

#include <torch/nn.h>

namespace actionlens::model::internal {

struct TaskHeadOutput {
    torch::Tensor logits;     // (N, classes)
    torch::Tensor attention;  // (N, T', V), each clip's weights sum to 1
};

class TaskHeadImpl : public torch::nn::Module {
public:
    TaskHeadImpl(int featureChannels, int attentionHidden, int classCount);
    TaskHeadOutput forward(const torch::Tensor& features);  // features (N, C', T', V)

    // The final layer: its weight rows (classes, C') are what the graph regulariser compares
    // between the action and group heads.
    torch::nn::Linear classifier{nullptr};

private:
    torch::nn::Conv2d attentionHidden_{nullptr};
    torch::nn::Conv2d attentionScore_{nullptr};
};
TORCH_MODULE(TaskHead);

}  // namespace actionlens::model::internal
