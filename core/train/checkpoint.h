#pragma once

// A trained model file (.alm): one file holding everything a run needs to be used or
// continued: the best weights (what evaluation and prediction use), the latest weights with
// the optimiser's and the objective's state (what a resumed run continues from), the training
// config, the model snapshot (tasks and class names, hierarchy, layout), the per-epoch metrics,
// and where the random streams stand (a function of the seed and the epoch: every batch draws
// from its own stream seeded by (seed, epoch, batch), so the epoch is the whole RNG state).
// Written to a temporary file and renamed over the old one: a crash leaves the previous
// checkpoint, never a truncated one.

#include "core/common/result.h"
#include "core/model/multi_task_model.h"
#include "core/train/json_text.h"
#include "core/train/model_snapshot.h"
#include "core/train/train_config.h"

#include <memory>
#include <string>

namespace actionlens::train {

struct CheckpointInfo {
    ModelSnapshot snapshot;
    TrainConfig config;
    int epochsDone = 0;  // completed epochs of the latest state
    int bestEpoch = 0;   // 1-based epoch whose weights are the file's best weights
    double bestScore = 0.0;
    bool finished = false;  // training ended (all epochs, early stop); false: it can be resumed
    nlohmann::ordered_json history;  // array of per-epoch reports (see epochReportToJson)
};

// Reads the file's description without building a network.
Result<CheckpointInfo> readCheckpointInfo(const std::string& path);

// Whether a restarted attempt of a launcher (torchrun's TORCHELASTIC_RESTART_COUNT > 0) should
// continue the run in `path`: it exists and holds an unfinished run. A first attempt, or one whose
// predecessor finished no epoch (no file), starts afresh.
bool resumesAfterRestart(const std::string& path, int restartCount);

// The best weights as a ready model (on the CPU).
Result<std::unique_ptr<model::MultiTaskModel>> loadTrainedModel(const std::string& path, CheckpointInfo* info = nullptr);

}  // namespace actionlens::train
