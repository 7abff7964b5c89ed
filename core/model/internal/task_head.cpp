#include "core/model/internal/task_head.h"

namespace actionlens::model::internal {

namespace nn = torch::nn;

TaskHeadImpl::TaskHeadImpl(int featureChannels, int attentionHidden, int classCount) {
    attentionHidden_ =
        register_module("attention_hidden", nn::Conv2d(nn::Conv2dOptions(featureChannels, attentionHidden, 1)));
    attentionScore_ = register_module("attention_score", nn::Conv2d(nn::Conv2dOptions(attentionHidden, 1, 1)));
    classifier = register_module("classifier", nn::Linear(featureChannels, classCount));
}

TaskHeadOutput TaskHeadImpl::forward(const torch::Tensor& features) {
    const int64_t n = features.size(0), t = features.size(2), v = features.size(3);
    const torch::Tensor scores = attentionScore_(torch::tanh(attentionHidden_(features))).view({n, t * v});
    const torch::Tensor attention = torch::softmax(scores, 1).view({n, t, v});
    const torch::Tensor pooled = torch::einsum("nctv,ntv->nc", {features, attention});
    return {classifier(pooled), attention};
}

}  // namespace actionlens::model::internal
