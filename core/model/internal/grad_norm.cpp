#include "core/model/internal/grad_norm.h"

#include <torch/autograd.h>

#include <cmath>

namespace actionlens::model::internal {

GradNormImpl::GradNormImpl(int taskCount, double alpha)
    : alpha_(alpha), initialLosses_(size_t(taskCount), -1.0) {
    weights = register_parameter("task_weights", torch::ones({taskCount}));
}

torch::Tensor GradNormImpl::balanceLoss(const std::vector<torch::Tensor>& taskLosses,
                                        const std::vector<bool>& labelled, const torch::Tensor& sharedWeight) {
    std::vector<torch::Tensor> norms;
    std::vector<double> ratios;
    for (size_t t = 0; t < taskLosses.size(); ++t) {
        if (!labelled[t]) continue;
        const double loss = taskLosses[t].item<double>();
        if (initialLosses_[t] < 0.0) initialLosses_[t] = loss;
        // create_graph: the norm must stay differentiable in w_t.
        const torch::Tensor grad = torch::autograd::grad({weights[int64_t(t)] * taskLosses[t]}, {sharedWeight}, {},
                                                         /*retain_graph=*/true, /*create_graph=*/true,
                                                         /*allow_unused=*/true)[0];
        norms.push_back(grad.defined() ? grad.norm() : torch::zeros({}, weights.options()));
        ratios.push_back(initialLosses_[t] > 0.0 ? loss / initialLosses_[t] : 1.0);
    }
    if (norms.empty()) return (weights * 0.0).sum();
    double meanRatio = 0.0;
    for (double r : ratios) meanRatio += r / double(ratios.size());
    const torch::Tensor g = torch::stack(norms);
    const torch::Tensor meanNorm = g.mean().detach();
    std::vector<double> relative;
    for (double r : ratios) relative.push_back(meanRatio > 0.0 ? std::pow(r / meanRatio, alpha_) : 1.0);
    const torch::Tensor target = meanNorm * torch::tensor(relative, g.options());
    return (g - target).abs().sum();
}

void GradNormImpl::backward(const torch::Tensor& total, const std::vector<torch::Tensor>& taskLosses,
                            const std::vector<bool>& labelled, const torch::Tensor& sharedWeight) {
    const torch::Tensor balance = balanceLoss(taskLosses, labelled, sharedWeight);
    const torch::Tensor weightGrad = torch::autograd::grad({balance}, {weights}, {}, /*retain_graph=*/true,
                                                           /*create_graph=*/false, /*allow_unused=*/true)[0];
    total.backward();
    // Added to what earlier batches of the step left (gradient accumulation), like backward() does.
    torch::Tensor grad = weightGrad.defined() ? weightGrad : torch::zeros_like(weights);
    if (weights.grad().defined()) grad = weights.grad() + grad;
    weights.mutable_grad() = grad;
}

void GradNormImpl::renormalise() {
    torch::NoGradGuard noGrad;
    weights.clamp_(1e-3);
    weights.mul_(double(weights.numel()) / weights.sum().item<double>());
}

}  // namespace actionlens::model::internal
