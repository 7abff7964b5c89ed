#pragma once

// INTERNAL (includes LibTorch): for core/model's .cpp files, core/train and tests only.
//
// GradNorm (Chen et al. 2018): learnt task weights w_t that keep the tasks training at similar
// rates. At the last shared layer W it compares each task's gradient norm G_t = ||grad_W w_t L_t||
// with a target mean(G) * r_t^alpha, where r_t is the task's loss relative to its first loss,
// divided by the mean of those ratios: a task that has fallen behind (high r_t) is pushed to a
// larger gradient. The weights are learnt from that balance loss only, never from the task
// losses themselves (which would just shrink them), and renormalised to sum to the task count.

#include <torch/nn.h>

#include <vector>

namespace actionlens::model::internal {

class GradNormImpl : public torch::nn::Module {
public:
    GradNormImpl(int taskCount, double alpha);

    // sum_t |G_t - target_t| over the labelled tasks; the targets are constants. The first call
    // that sees a task labelled records its initial loss L_t(0). Differentiable in the weights.
    // taskLosses are unweighted; sharedWeight is W.
    torch::Tensor balanceLoss(const std::vector<torch::Tensor>& taskLosses, const std::vector<bool>& labelled,
                              const torch::Tensor& sharedWeight);

    // Replaces total.backward() for GradNorm: the weights' gradient from the balance loss, every
    // other parameter's from `total` (which must use the weights detached).
    void backward(const torch::Tensor& total, const std::vector<torch::Tensor>& taskLosses,
                  const std::vector<bool>& labelled, const torch::Tensor& sharedWeight);

    // After the optimiser step: weights clamped positive and scaled to sum to the task count.
    void renormalise();

    torch::Tensor weights;  // parameter (tasks), starts at 1

    // L_t(0) per task (< 0: not seen yet), for checkpoints.
    const std::vector<double>& initialLosses() const { return initialLosses_; }
    void setInitialLosses(std::vector<double> losses) { initialLosses_ = std::move(losses); }

private:
    double alpha_;
    std::vector<double> initialLosses_;  // < 0 until the task is first seen labelled
};
TORCH_MODULE(GradNorm);

}  // namespace actionlens::model::internal
