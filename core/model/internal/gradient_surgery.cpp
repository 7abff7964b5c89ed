#include "core/model/internal/gradient_surgery.h"

#include <torch/autograd.h>

#include <algorithm>
#include <numeric>
#include <random>

namespace actionlens::model::internal {

namespace {

// One task's gradient over all shared parameters as one flat vector (zeros where unused).
torch::Tensor flatGradient(const torch::Tensor& loss, const std::vector<torch::Tensor>& shared) {
    const std::vector<torch::Tensor> grads =
        torch::autograd::grad({loss}, shared, {}, /*retain_graph=*/true, /*create_graph=*/false,
                              /*allow_unused=*/true);
    std::vector<torch::Tensor> flat;
    for (size_t i = 0; i < shared.size(); ++i)
        flat.push_back(grads[i].defined() ? grads[i].reshape({-1}) : torch::zeros({shared[i].numel()}, shared[i].options()));
    return torch::cat(flat);
}

}  // namespace

void pcGradBackward(const std::vector<torch::Tensor>& taskLosses, const std::vector<torch::Tensor>& sharedParameters,
                    uint64_t seed) {
    torch::NoGradGuard noGradForTheArithmetic;
    std::vector<torch::Tensor> original;
    {
        torch::AutoGradMode enabled(true);
        for (const torch::Tensor& loss : taskLosses)
            original.push_back(loss.requires_grad() ? flatGradient(loss, sharedParameters)
                                                    : torch::zeros({0}));
    }
    std::vector<torch::Tensor> active;
    for (const torch::Tensor& g : original)
        if (g.numel() > 0 && g.abs().sum().item<double>() > 0.0) active.push_back(g);

    std::mt19937_64 random(seed);
    torch::Tensor combined;
    for (size_t t = 0; t < active.size(); ++t) {
        torch::Tensor g = active[t].clone();
        std::vector<size_t> order(active.size());
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), random);
        for (size_t other : order) {
            if (other == t) continue;
            // Projected against the others' original gradients, as in the paper.
            const torch::Tensor& h = active[other];
            const double dot = (g * h).sum().item<double>();
            if (dot < 0.0) g -= dot / (h * h).sum().item<double>() * h;
        }
        combined = combined.defined() ? combined + g : g;
    }

    // Plain backward for everything (heads, and anything the caller did not list as shared),
    // then the shared parameters' part of it is swapped for the combined gradient.
    std::vector<torch::Tensor> sharedBefore;
    for (const torch::Tensor& p : sharedParameters)
        sharedBefore.push_back(p.grad().defined() ? p.grad().clone() : torch::zeros_like(p));
    {
        torch::AutoGradMode enabled(true);
        torch::Tensor total;
        for (const torch::Tensor& loss : taskLosses)
            if (loss.requires_grad()) total = total.defined() ? total + loss : loss;
        if (total.defined()) total.backward();
    }
    int64_t offset = 0;
    for (size_t i = 0; i < sharedParameters.size(); ++i) {
        torch::Tensor p = sharedParameters[i];
        const int64_t n = p.numel();
        torch::Tensor grad = sharedBefore[i];
        if (combined.defined()) grad = grad + combined.slice(0, offset, offset + n).view_as(p);
        p.mutable_grad() = grad;
        offset += n;
    }
}

}  // namespace actionlens::model::internal
