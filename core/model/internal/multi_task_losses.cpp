#include "core/model/internal/multi_task_losses.h"

#include <torch/torch.h>

namespace actionlens::model::internal {

torch::Tensor maskedCrossEntropy(const torch::Tensor& logits, const torch::Tensor& labels) {
    const torch::Tensor labelled = labels.ne(kMissingLabel);
    // Missing labels index class 0 only to keep gather in range; the mask zeroes their terms,
    // and multiplying (rather than selecting rows) keeps the shapes static.
    const torch::Tensor safeLabels = labels.clamp_min(0).unsqueeze(1);
    const torch::Tensor nll = -torch::log_softmax(logits, 1).gather(1, safeLabels).squeeze(1);
    const torch::Tensor weights = labelled.to(logits.scalar_type());
    return (nll * weights).sum() / weights.sum().clamp_min(1.0);
}

torch::Tensor hierarchyConsistencyLoss(const torch::Tensor& actionLogits, const torch::Tensor& groupLogits,
                                       const std::vector<int>& groupOfAction) {
    const int64_t actions = actionLogits.size(1), groups = groupLogits.size(1);
    // membership[g][a] = 0 where a belongs to g, a large negative number elsewhere: log q_g is
    // then a logsumexp over the group's actions, stable where summing probabilities and taking
    // the log would underflow. Not -inf, so that an empty group gives 0 * finite, not NaN.
    std::vector<float> membership(size_t(groups * actions), -1e9f);
    for (int64_t a = 0; a < actions; ++a) membership[size_t(groupOfAction[size_t(a)] * actions + a)] = 0.0f;
    const torch::Tensor mask =
        torch::tensor(membership, actionLogits.options().dtype(torch::kFloat32)).view({1, groups, actions});
    const torch::Tensor logQ = torch::logsumexp(torch::log_softmax(actionLogits, 1).unsqueeze(1) + mask, 2);
    const torch::Tensor logP = torch::log_softmax(groupLogits, 1);
    return (logQ.exp() * (logQ - logP)).sum(1).mean();
}

torch::Tensor graphRegularisation(const torch::Tensor& actionWeights, const torch::Tensor& groupWeights,
                                  const std::vector<int>& groupOfAction) {
    std::vector<int64_t> groupRows(groupOfAction.begin(), groupOfAction.end());
    const torch::Tensor index = torch::tensor(groupRows, torch::dtype(torch::kInt64).device(groupWeights.device()));
    return (actionWeights - groupWeights.index_select(0, index)).pow(2).sum();
}

}  // namespace actionlens::model::internal
