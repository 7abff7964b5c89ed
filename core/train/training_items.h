#pragma once

// Which clips a training run learns from and which it validates on: the dataset's own split,
// then a seeded validation part of it. `actionlens-cli train` and the window's training choose
// them here, so the same project, split and config give the same clips from either.

#include "core/common/result.h"
#include "core/train/labelled_dataset.h"
#include "core/train/train_config.h"

#include <string>
#include <vector>

namespace actionlens::train {

// Clips of the dataset's own split `split`, or every clip for "all".
Result<std::vector<int>> itemsOfSplit(const LabelledDataset& dataset, const std::string& split);

struct TrainingItems {
    std::vector<int> train;
    std::vector<int> validation;
    std::string warning;  // why there is no validation part although config.validationFraction > 0; else empty
};

// The clips of `split` divided into training and validation as `actionlens-cli train` does
// (config.validationFraction, seeded by config.seed, stratified by the first task's labels, whole
// videos kept together where a video holds several clips: validationSplit). A split too small to
// divide trains on all its clips and says why in `warning` (the best epoch is then the one with
// the lowest training loss); an unknown or empty split is an error naming the splits there are.
Result<TrainingItems> chooseTrainingItems(const LabelledDataset& dataset, const std::string& split, const TrainConfig& config);

}  // namespace actionlens::train
