#pragma once

// INTERNAL (includes LibTorch): for core/model's .cpp files, core/train and tests only.
//
// PCGrad (Yu et al. 2020, "Gradient Surgery for Multi-Task Learning"). When two tasks' gradients
// on the shared trunk point against each other, their sum cancels where both matter and the
// trunk drifts towards whichever task has the larger gradient. PCGrad removes from each task's
// gradient its component along any task gradient it conflicts with (negative dot product),
// then sums. Heads are not shared, so they get their plain gradients.

#include <torch/types.h>

#include <cstdint>
#include <vector>

namespace actionlens::model::internal {

// Replaces `sum(taskLosses).backward()`: accumulates into .grad of every parameter reached by
// the losses as backward() would, except that the shared parameters' gradients are the PCGrad
// combination of the per-task gradients. Tasks are projected in a random order drawn from
// `seed` (the paper's order; with two tasks it does not matter). A task whose gradient on the
// shared parameters is zero (no labels in the batch) neither projects nor is projected.
void pcGradBackward(const std::vector<torch::Tensor>& taskLosses, const std::vector<torch::Tensor>& sharedParameters,
                    uint64_t seed);

}  // namespace actionlens::model::internal
