#pragma once

// Evaluation of a trained model on labelled clips: per-task metrics (classification_metrics)
// and, for a model with the action -> group hierarchy, how often its raw action and group
// heads disagree and how accurate the group is when read off the action instead.

#include "core/common/result.h"
#include "core/model/multi_task_model.h"
#include "core/train/classification_metrics.h"
#include "core/train/json_text.h"
#include "core/train/labelled_dataset.h"
#include "core/train/model_snapshot.h"
#include "core/train/rgb_clip.h"

#include <optional>
#include <string>
#include <vector>

namespace actionlens::train {

struct TaskEvaluation {
    std::string task;
    std::vector<std::string> classNames;
    TaskMetrics metrics;
    std::vector<int> labels;           // per evaluated clip, -1 missing
    std::vector<float> probabilities;  // per evaluated clip, classNames.size() each
};

struct EvaluationReport {
    int clips = 0;
    std::vector<TaskEvaluation> tasks;  // the model's tasks the dataset has, in model order
    std::optional<double> inconsistentRate;         // raw arg-max action outside the raw group
    std::optional<double> consistentGroupAccuracy;  // group read off the predicted action
};

// Runs the model on the evaluation views of `items` (batches of batchSize). Fails when the
// dataset's classes of a task differ from the model's (matchDatasetTasks) or no item is given.
// Video and fusion models read the clips' frames through `videoClips`.
Result<EvaluationReport> evaluateModel(model::MultiTaskModel& model, const ModelSnapshot& snapshot,
                                       const LabelledDataset& dataset, const std::vector<int>& items,
                                       int batchSize = 64, RgbClipDecoder* videoClips = nullptr);

// {"clips": N, "inconsistent_rate": ..., "tasks": {"action": {accuracy, macro_f1, ...}, ...}}
nlohmann::ordered_json evaluationToJson(const EvaluationReport& report);

}  // namespace actionlens::train
