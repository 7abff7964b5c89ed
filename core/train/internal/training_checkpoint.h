#pragma once

// INTERNAL (includes LibTorch): core/train's own sources and tests only.
//
// Writing and reading the training state of a checkpoint (see core/train/checkpoint.h).

#include "core/model/internal/multi_task_network.h"
#include "core/model/internal/multi_task_objective.h"
#include "core/train/checkpoint.h"

#include <torch/optim/adamw.h>

#include <cstdint>
#include <string>

namespace actionlens::train::internal {

struct TrainingCounters {
    int epochsDone = 0;
    std::int64_t stepsDone = 0;
    int bestEpoch = 0;
    double bestScore = 0.0;
    int epochsWithoutGain = 0;
    bool finished = false;
};

// Writes the whole state atomically (temporary file, fsync, rename).
Status writeCheckpoint(const std::string& path, const CheckpointInfo& info, const TrainingCounters& counters,
                       model::internal::MultiTaskNetworkImpl& best, model::internal::MultiTaskNetworkImpl& current,
                       torch::optim::AdamW& optimiser, model::internal::MultiTaskObjectiveImpl& objective);

// Restores the latest state into modules and an optimiser built from the checkpoint's own
// snapshot and config (same parameter order). Tensors land on `device`.
Status readTrainingState(const std::string& path, const torch::Device& device, TrainingCounters& counters,
                         model::internal::MultiTaskNetworkImpl& best, model::internal::MultiTaskNetworkImpl& current,
                         torch::optim::AdamW& optimiser, model::internal::MultiTaskObjectiveImpl& objective);

}  // namespace actionlens::train::internal
