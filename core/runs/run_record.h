#pragma once

// The project's record of a model run (annotation::TrainingRun) built from what the learning
// engine reports: a training run when it starts, its epochs as they end, how it ended; an
// evaluation and an ablation; and a run rebuilt from a model file for a process that could not
// record itself (the window held the project). The window and `actionlens-cli` fill their
// records here, so a run reads the same whoever started it. No LibTorch in this header.

#include "core/annotation/training_run.h"
#include "core/common/result.h"
#include "core/train/ablation.h"
#include "core/train/json_text.h"
#include "core/train/train_config.h"
#include "core/train/trainer.h"
#include "core/train/training_items.h"

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::runs {

// "run N" with N one more than the highest "run N" among `runs` (1 when none).
std::string nextRunName(const std::vector<annotation::TrainingRun>& runs);

// A training run as the project records it when it starts (status Running, kind Training;
// configJson = trainConfigToJson(config) written compactly; historyJson "[]"; dataJson =
// {"split": split, "train_clips": N, "validation_clips": M}). A resumed run's earlier epochs go
// into historyJson before it continues (the model file's history: CheckpointInfo::history).
annotation::TrainingRun startedTrainingRun(const std::string& name, const std::string& origin, const train::TrainConfig& config,
                                           const std::string& split, const train::TrainingItems& items,
                                           const std::string& checkpointPath, std::int64_t startedMs);

// Appends epochReportToJson(report, taskNames) to the run's historyJson array.
void appendEpoch(annotation::TrainingRun& run, const train::EpochReport& report, const std::vector<std::string>& taskNames);

// Ends the run: status Finished (ran to the end or stopped early by early stopping), Stopped
// (stopRequested: the user stopped it after an epoch), or Cancelled (outcome.cancelled and not
// stopRequested); device; endedMs; historyJson rewritten from outcome.history, which holds the
// epochs of this call only: the record's epochs before the first of them (a resumed run's) stay;
// metricsJson {"best_epoch": .., "epochs_done": ..}. The message stays as it was.
void finishTrainingRun(annotation::TrainingRun& run, const train::TrainingOutcome& outcome, const std::vector<std::string>& taskNames,
                       bool stopRequested, std::int64_t endedMs);
// Status Failed with `message`, and endedMs.
void failTrainingRun(annotation::TrainingRun& run, const std::string& message, std::int64_t endedMs);
// Any run ended with `status` (e.g. Cancelled) and `message`.
void endRun(annotation::TrainingRun& run, annotation::RunStatus status, const std::string& message, std::int64_t endedMs);

// A run rebuilt from a model file's own record (config, history, snapshot in the .alm:
// train::readCheckpointInfo), for runs whose process could not record themselves; origin "file".
// Named after the file ("m" for m.alm); Finished when its training ended, else Stopped (it can be
// resumed); endedMs the file's last write (after its last epoch), startedMs that less the epochs'
// time; the absolute path; dataJson "{}" and no device (the file keeps neither). Errors name the file.
Result<annotation::TrainingRun> trainingRunFromCheckpoint(const std::string& checkpointPath);

// An evaluation of the model file `checkpointPath`, recorded when it has ended (status Finished,
// kind Evaluation): parentId the training run of that file (0: none, see trainingRunOfCheckpoint),
// metricsJson `metrics` (evaluationToJson), dataJson {"split": split, "clips": metrics' "clips"}.
annotation::TrainingRun evaluationRun(const std::string& name, const std::string& origin, std::int64_t parentId,
                                      const std::string& checkpointPath, const std::string& split,
                                      const nlohmann::ordered_json& metrics, const std::string& device, std::int64_t startedMs,
                                      std::int64_t endedMs);

// An ablation when it starts (status Running, kind Ablation): configJson the config every model
// shares; dataJson {"split", "clips", "seeds", "folds", "group_by"} of the request.
annotation::TrainingRun startedAblationRun(const std::string& name, const std::string& origin, const train::AblationRequest& request,
                                           const std::string& split, std::int64_t startedMs);
// Finished, with ablationToJson(report) as metricsJson.
void finishAblationRun(annotation::TrainingRun& run, const train::AblationReport& report, std::int64_t endedMs);

}  // namespace actionlens::runs
