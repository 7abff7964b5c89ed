#include "core/model/internal/task_head.h"

#include <numeric>

namespace actionlens::model::internal {

namespace nn = torch::nn;

TaskHeadImpl::TaskHeadImpl(const std::vector<int>& streamChannels, int attentionHidden, int classCount) {
    for (size_t s = 0; s < streamChannels.size(); ++s) {
        // The first stream keeps the names of single-trunk heads, so skeleton models saved before
        // fusion existed still load.
        const std::string suffix = s == 0 ? std::string() : "_" + std::to_string(s);
        attentionHidden_.push_back(register_module(
            "attention_hidden" + suffix, nn::Conv2d(nn::Conv2dOptions(streamChannels[s], attentionHidden, 1))));
        attentionScore_.push_back(
            register_module("attention_score" + suffix, nn::Conv2d(nn::Conv2dOptions(attentionHidden, 1, 1))));
    }
    const int pooled = std::accumulate(streamChannels.begin(), streamChannels.end(), 0);
    classifier = register_module("classifier", nn::Linear(pooled, classCount));
}

TaskHeadOutput TaskHeadImpl::forward(const std::vector<torch::Tensor>& streams) {
    TORCH_CHECK(streams.size() == attentionHidden_.size(), "task head reads ", attentionHidden_.size(),
                " streams, got ", streams.size());
    TaskHeadOutput out;
    std::vector<torch::Tensor> pooled;
    for (size_t s = 0; s < streams.size(); ++s) {
        const torch::Tensor& features = streams[s];
        const int64_t n = features.size(0), t = features.size(2), v = features.size(3);
        const torch::Tensor hidden = torch::tanh(attentionHidden_[s](features));
        torch::nn::Conv2d& score = attentionScore_[s];
        // On the CPU the one-channel score as a weighted sum over the hidden channels rather
        // than a 1x1 convolution: oneDNN's weight gradient of a convolution this narrow cost
        // 0.8 ms a call on one thread and 8 ms on two (its threads wait on each other; profile
        // of 2026-12-08), for a sum the elementwise kernels do in a fraction of that.
        const torch::Tensor scores =
            (features.is_cpu() ? (hidden * score->weight.view({1, -1, 1, 1})).sum(1) + score->bias : score(hidden)).view({n, t * v});
        const torch::Tensor attention = torch::softmax(scores, 1).view({n, t, v});
        // On the CPU as a product and a sum rather than einsum, whose batched matrix-vector
        // products go to the system BLAS (Debian's reference BLAS): about 3x faster forward and
        // backward at training sizes; the same sum up to summation order.
        pooled.push_back(features.is_cpu() ? (features * attention.unsqueeze(1)).sum({2, 3})
                                           : torch::einsum("nctv,ntv->nc", {features, attention}));
        out.attention.push_back(attention);
    }
    out.logits = classifier(pooled.size() == 1 ? pooled.front() : torch::cat(pooled, 1));
    return out;
}

}  // namespace actionlens::model::internal
