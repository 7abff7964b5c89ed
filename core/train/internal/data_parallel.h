#pragma once

// INTERNAL (includes LibTorch): core/train's own sources and tests only.
//
// What keeps the processes of a data-parallel run in step: the same starting weights (rank 0's),
// gradients averaged over every batch of a step on every rank (flattened into a few buckets, each
// one all-reduce, all launched before any is awaited), the batch-norm statistics averaged at an
// epoch's end, and sums of numbers (losses, validation counts) over the ranks. Without a process
// group (one process) it only averages gradients accumulated over several batches.

#include "core/train/process_group.h"

#include <torch/nn/module.h>
#include <torch/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::train::internal {

class DataParallel {
public:
    explicit DataParallel(ProcessGroup* group, std::int64_t bucketBytes = 16 << 20);

    bool distributed() const { return group_ != nullptr; }
    int rank() const;
    int ranks() const;

    // Every rank takes rank 0's parameters and buffers of each module.
    Status broadcastModules(const std::vector<torch::nn::Module*>& modules);
    // Gradients of `parameters` summed over the ranks and divided by `batches` (the step's batches
    // over all ranks). A parameter whose gradient no rank has stays without one (the optimiser
    // skips it, as it would in one process); one that some rank lacks counts as zero there.
    // `control` rides along in the same all-reduce and comes back summed (stop flags).
    Status averageGradients(const std::vector<torch::Tensor>& parameters, int batches, std::vector<double>& control);
    // Floating-point buffers (batch-norm running statistics) averaged over the ranks; the others
    // (batch counters) taken from rank 0. An average of exponential moving averages with one
    // momentum is the moving average of the averaged batch statistics.
    Status averageBuffers(torch::nn::Module& module);
    // Sums over the ranks, in place.
    Status sum(std::vector<double>& values, const std::string& what);
    // Rank 0's values everywhere (values must have the same length on every rank).
    Status broadcast(std::vector<double>& values, const std::string& what);

private:
    ProcessGroup* group_;
    std::int64_t bucketBytes_;
};

}  // namespace actionlens::train::internal
