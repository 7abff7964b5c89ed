#pragma once

// The training loop of the multi-task skeleton model, behind plain types: the CLI, the GUI's
// worker thread and the ablation all drive this one function. Progress, per-epoch metrics and
// cancellation go through callbacks; no Qt, no LibTorch in this header.

#include "core/common/result.h"
#include "core/model/multi_task_model.h"
#include "core/train/json_text.h"
#include "core/train/labelled_dataset.h"
#include "core/train/model_snapshot.h"
#include "core/train/process_group.h"
#include "core/train/rgb_clip.h"
#include "core/train/step_profile.h"
#include "core/train/train_config.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace actionlens::train {

struct TrainingProgress {
    int epoch = 0;  // 1-based
    int epochs = 0;
    int step = 0;  // 1-based within the epoch
    int stepsPerEpoch = 0;
    double loss = 0.0;  // this step's total loss
};

struct EpochReport {
    int epoch = 0;  // 1-based
    double learningRate = 0.0;  // at the epoch's last step
    double trainLoss = 0.0;     // mean total loss over the epoch's steps
    std::vector<double> trainTaskLoss;        // per model task, mean unweighted loss
    std::vector<double> taskWeights;          // per model task, the weighting's factors after the epoch
    double validationLoss = 0.0;              // mean unweighted task-loss sum; 0 without validation items
    std::vector<double> validationAccuracy;   // per model task; NaN where no validation item is labelled
    double score = 0.0;  // what early stopping maximises: mean validation accuracy (or -train loss)
    bool best = false;   // this epoch's weights became the best ones
    double seconds = 0.0;
    double clipsPerSecond = 0.0;  // training clips over the epoch's training time
};

nlohmann::ordered_json epochReportToJson(const EpochReport& report, const std::vector<std::string>& taskNames);

struct TrainingCallbacks {
    std::function<void(const TrainingProgress&)> progress;
    std::function<void(const EpochReport&)> epochEnd;
    std::function<bool()> shouldCancel;  // checked before every step
};

struct TrainingRequest {
    const LabelledDataset* dataset = nullptr;
    std::vector<int> trainItems;
    std::vector<int> validationItems;  // may be empty: then the best epoch is the lowest train loss
    TrainConfig config;
    std::string checkpointPath;  // written after every epoch when not empty
    std::string resumeFrom;      // a checkpoint to continue (its config and snapshot win over `config`)
    int stopAfterEpochs = 0;     // > 0: stop like a cancel after this many epochs of this call
    // The clips' RGB frames, for video and fusion trunks (the caller's; a DecodedClipCache so
    // that epochs after the first decode nothing). Not needed by skeleton models.
    RgbClipDecoder* videoClips = nullptr;
    // Data-parallel training (process_group.h): this process trains on its share of every step's
    // batches (distributed_sampler.h), gradients are averaged over all of them, and every rank
    // ends with the same weights, reports and outcome. Only rank 0 writes checkpointPath; every
    // rank reads resumeFrom. Null: one process.
    ProcessGroup* processGroup = nullptr;
    // When given, each training step's phases are timed into it (step_profile.h), summed over the
    // epochs of this call. On CUDA the timing synchronises the device after every phase.
    StepProfile* profile = nullptr;
};

struct TrainingOutcome {
    ModelSnapshot snapshot;
    std::unique_ptr<model::MultiTaskModel> model;  // the best weights, on the CPU
    std::vector<EpochReport> history;              // this call's epochs (a resumed run's earlier ones: the checkpoint's history)
    int epochsDone = 0;
    int bestEpoch = 0;
    bool finished = false;      // ran to the end or stopped early
    bool stoppedEarly = false;
    bool cancelled = false;
    std::string device;         // "cpu" or "cuda"
};

// Builds the model for the request's dataset and config (the tasks the training items label,
// or config.tasks), trains it and keeps the best epoch's weights. A NaN or infinite loss stops
// with an error naming the epoch, step and task losses; the checkpoint then still holds the
// last good epoch. Cancelling returns the outcome so far (cancelled = true), checkpointed.
Result<TrainingOutcome> trainModel(const TrainingRequest& request, const TrainingCallbacks& callbacks = {});

// The snapshot trainModel would build (tasks chosen, hierarchy, layout), without training.
Result<ModelSnapshot> snapshotFor(const LabelledDataset& dataset, const std::vector<int>& trainItems,
                                  const TrainConfig& config);

}  // namespace actionlens::train
