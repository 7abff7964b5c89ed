#pragma once

// What a trained model needs besides its weights to be used on a project: the network's
// configuration, its tasks with their class names (the taxonomy as it was when training
// started, so a later change of the taxonomy is noticed instead of silently mislabelling), the
// hierarchy, the skeleton layout it reads and the time scale of its input.

#include "core/common/result.h"
#include "core/model/model_config.h"
#include "core/model/task_hierarchy.h"
#include "core/train/json_text.h"
#include "core/train/labelled_dataset.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace actionlens::train {

struct ModelSnapshot {
    std::string taxonomyName;
    model::ModelConfig model;           // its tasks are the model's, in head order
    std::vector<DatasetTask> tasks;     // same order as model.tasks, with class names
    std::optional<model::TaskHierarchy> hierarchy;
    std::string layoutName;
    std::vector<std::pair<int, int>> mirrorPairs;
    int frames = 0;        // clip length the network was trained on
    int windowFrames = 0;  // median training segment length in source frames (prediction window)
    // Evaluation and prediction also ask about each clip's mirror image (mirror_inference.h).
    bool testTimeMirror = false;
    // Per model task: prior_data / prior_trained per class when training mirrored its labels
    // (mirror_inference.h); empty for a task (or all) without a correction.
    std::vector<std::vector<double>> priorCorrection;
};

nlohmann::ordered_json modelSnapshotToJson(const ModelSnapshot& snapshot);
Result<ModelSnapshot> modelSnapshotFromJson(const nlohmann::ordered_json& json);

// For each model task, the dataset task of the same name (-1 when the dataset lacks it). Fails
// when a task exists in both with different classes: the model's class 3 would not be the
// project's class 3.
Result<std::vector<int>> matchDatasetTasks(const ModelSnapshot& snapshot, const LabelledDataset& dataset);

}  // namespace actionlens::train
