#pragma once

// INTERNAL (includes LibTorch): core/train's own sources and tests only.
//
// The collectives of a ProcessGroup on tensors. A failure (a rank died, the timeout passed)
// comes back as an error naming the operation and this rank, never as an exception or a hang.

#include "core/common/result.h"
#include "core/train/process_group.h"

#include <torch/types.h>

#include <string>
#include <vector>

namespace actionlens::train::internal {

// Sums every tensor over the ranks, in place (all launched, then awaited).
Status allReduceSum(ProcessGroup& group, std::vector<torch::Tensor>& tensors, const std::string& what);
// Gives every rank rank 0's values, in place.
Status broadcastFromRankZero(ProcessGroup& group, std::vector<torch::Tensor>& tensors, const std::string& what);

}  // namespace actionlens::train::internal

namespace actionlens::train::internal {

// The device the group's collectives run on: the CPU for Gloo, this rank's GPU for NCCL.
torch::Device collectiveDevice(ProcessGroup& group);

}  // namespace actionlens::train::internal
