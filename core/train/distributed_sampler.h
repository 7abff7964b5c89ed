#pragma once

// Which of an epoch's batches each process trains on, and which go into one optimiser step.
//
// An epoch's batches are the ones a single process would make (epochOrder cut into batch_size
// slices, batch b augmented from the stream seeded by (seed, epoch, b); batch_loader.h): the
// class-balanced draw and the augmentation are the same whatever the number of processes. A
// step takes the next group of ranks x accumulate batches; within it, position p goes to rank
// p mod ranks. So the ranks' shards are disjoint and seeded, a run of N processes takes exactly
// the steps that one process with accumulate_batches = N takes, and because a checkpoint is
// written at an epoch's end, a run resumes exactly with any number of processes.

#include <cstdint>
#include <vector>

namespace actionlens::train {

struct BatchShard {
    int ranks = 1;       // processes in the group
    int rank = 0;        // this process, 0-based
    int accumulate = 1;  // batches per process and step (TrainConfig::accumulateBatches)

    int batchesPerStep() const { return ranks * accumulate; }
};

// Optimiser steps of an epoch of `batches` batches (the last step may hold fewer).
std::int64_t stepsPerEpoch(std::int64_t batches, const BatchShard& shard);

// How many batches step `step` (0-based) holds over all ranks: what its gradients are averaged over.
int batchesInStep(std::int64_t step, std::int64_t batches, const BatchShard& shard);

// The batches this rank trains on in step `step`, in order (may be empty in the last step).
std::vector<int> batchesOfStep(std::int64_t step, std::int64_t batches, const BatchShard& shard);

// Every batch this rank trains on in the epoch, step by step: what its loader prepares.
std::vector<int> batchesOfRank(std::int64_t batches, const BatchShard& shard);

// Validation: the rank's disjoint share of `count` slices (slice s goes to rank s mod ranks).
std::vector<int> slicesOfRank(int count, const BatchShard& shard);

}  // namespace actionlens::train
