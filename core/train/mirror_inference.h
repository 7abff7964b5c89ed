#pragma once

// How a trained model answers a batch, mirror-aware. Evaluation and prediction run every batch
// through here.
//
// Training with label-aware mirroring shows each class as often as its mirror image: a demo with
// 83 % right-handers trains on about 50 % right-handed clips. The model's answers then carry that
// balanced prior, not the data's; the class-prior correction (the snapshot's, computed at
// training from the training labels and the mirror chance) turns them back into the data's
// (p(c) proportional to p_trained(c) x prior_data(c) / prior_trained(c)).
//
// Test-time mirror (config `test_time_mirror`): the model is also asked about each clip's mirror
// image, and the two answers averaged, each class of the mirrored answer read as its mirror
// image ("left" seen mirrored is "right").

#include "core/common/result.h"
#include "core/model/multi_task_model.h"
#include "core/train/model_snapshot.h"

#include <utility>
#include <vector>

namespace actionlens::train {

// `model` on `input` (probabilities mirror-aware as above; logits and attention the clip's own).
// A task without a declared mirror map keeps the clip's own answer.
Result<model::MultiTaskPrediction> inferBatch(model::MultiTaskModel& model, const ModelSnapshot& snapshot,
                                              const model::ModelInput& input);

// The batch mirrored left to right (each skeleton's x negated about its normalised centre and
// its left/right joints swapped; the frames flipped).
model::SkeletonBatch mirroredSkeletonBatch(const model::SkeletonBatch& batch, const std::vector<std::pair<int, int>>& mirrorPairs);
model::VideoBatch mirroredVideoBatch(const model::VideoBatch& batch);

// prior_data(c) / prior_trained(c) for each class of `task`, from the training labels (-1
// ignored; one pseudo-count per class) when a clip is mirrored with chance `mirrorChance`; empty
// when they are the same (no mirroring, no declared map, or no class changes when mirrored).
std::vector<double> mirroredPriorCorrection(const DatasetTask& task, const std::vector<int>& labels, double mirrorChance);

}  // namespace actionlens::train
