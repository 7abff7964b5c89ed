#pragma once

// INTERNAL (includes LibTorch): for core/model's .cpp files, core/train and tests only.
//
// Loss terms of multi-task learning on partly labelled data. In a multi-task dataset most clips
// lack some labels (a clip has an action but nobody recorded the viewpoint), so every supervised
// term takes a mask instead of assuming complete labels.

#include <torch/types.h>

#include <vector>

namespace actionlens::model::internal {

inline constexpr int64_t kMissingLabel = -1;

// Mean cross-entropy over the clips whose label is not kMissingLabel. With no labelled clip it
// is exactly 0, with an exactly zero gradient (never NaN from 0 / 0).
// logits (N, K) float; labels (N) int64 in 0..K-1 or -1.
torch::Tensor maskedCrossEntropy(const torch::Tensor& logits, const torch::Tensor& labels);

// Mean over clips of KL(q || p), where q is the action head's distribution summed into groups
// and p the group head's distribution. Needs no labels, so it also teaches on unlabelled clips
// that the two heads must agree. groupOfAction[a] in 0..G-1 for every action a.
torch::Tensor hierarchyConsistencyLoss(const torch::Tensor& actionLogits, const torch::Tensor& groupLogits,
                                       const std::vector<int>& groupOfAction);

// Evgeniou et al. 2005, graph-regularised multi-task learning: sum over actions a of
// ||actionWeights[a] - groupWeights[groupOfAction[a]]||^2, over the final layers' weight rows
// (both (classes, D)).
torch::Tensor graphRegularisation(const torch::Tensor& actionWeights, const torch::Tensor& groupWeights,
                                  const std::vector<int>& groupOfAction);

}  // namespace actionlens::model::internal
