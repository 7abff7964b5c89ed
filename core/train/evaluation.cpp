#include "core/train/evaluation.h"

#include "core/train/batch_loader.h"
#include "core/train/mirror_inference.h"

#include <algorithm>

namespace actionlens::train {

Result<EvaluationReport> evaluateModel(model::MultiTaskModel& model, const ModelSnapshot& snapshot,
                                       const LabelledDataset& dataset, const std::vector<int>& items, int batchSize,
                                       RgbClipDecoder* videoClips) {
    if (items.empty()) return makeError("no clips to evaluate");
    for (int i : items)
        if (i < 0 || size_t(i) >= dataset.clips.size())
            return makeError("item " + std::to_string(i) + " is not a clip of the dataset (" +
                             std::to_string(dataset.clips.size()) + " clips)");
    Result<std::vector<int>> matched = matchDatasetTasks(snapshot, dataset);
    if (!matched) return matched.takeError();
    const std::vector<int>& columns = matched.value();
    const bool readsVideo = model::readsVideo(snapshot.model.trunkKind);
    if (readsVideo && !videoClips)
        return makeError(std::string("the ") + model::trunkKindName(snapshot.model.trunkKind) +
                         " model reads video frames, but no video decoder was given");
    const VideoViews frames{videoClips, snapshot.model.video.frames, snapshot.model.video.size, nullptr, false};
    if (model::readsSkeleton(snapshot.model.trunkKind) && dataset.layout.jointCount != snapshot.model.layout.jointCount)
        return makeError("the project's skeletons have " + std::to_string(dataset.layout.jointCount) +
                         " joints (" + dataset.layoutName + "), the model reads " +
                         std::to_string(snapshot.model.layout.jointCount) + " (" + snapshot.layoutName + ")");

    EvaluationReport report;
    report.clips = int(items.size());
    std::vector<int> present;  // model task index of each evaluated task
    for (size_t t = 0; t < columns.size(); ++t) {
        if (columns[t] < 0) continue;
        present.push_back(int(t));
        report.tasks.push_back(TaskEvaluation{snapshot.tasks[t].name, snapshot.tasks[t].classNames, {}, {}, {}});
    }
    if (present.empty()) return makeError("the project has none of the model's tasks");
    std::vector<int> presentColumns;
    for (int t : present) presentColumns.push_back(columns[size_t(t)]);

    std::vector<std::vector<float>> allProbabilities(columns.size());
    for (size_t start = 0; start < items.size(); start += size_t(batchSize)) {
        const std::vector<int> slice(items.begin() + long(start),
                                     items.begin() + long(std::min(items.size(), start + size_t(batchSize))));
        const PreparedBatch batch =
            assembleBatch(dataset, slice, snapshot.frames, presentColumns, nullptr, 0, readsVideo ? &frames : nullptr);
        if (!batch.error.empty()) return makeError(batch.error);
        Result<model::MultiTaskPrediction> prediction = inferBatch(model, snapshot, model::ModelInput{&batch.batch, &batch.video});
        if (!prediction) return prediction.takeError();
        for (size_t t = 0; t < columns.size(); ++t) {
            const std::vector<float>& p = prediction->tasks[t].probabilities;
            allProbabilities[t].insert(allProbabilities[t].end(), p.begin(), p.end());
        }
        for (size_t k = 0; k < present.size(); ++k)
            for (std::int64_t label : batch.labels[k]) report.tasks[k].labels.push_back(int(label));
    }
    for (size_t k = 0; k < present.size(); ++k) {
        TaskEvaluation& task = report.tasks[k];
        task.probabilities = allProbabilities[size_t(present[k])];
        Result<TaskMetrics> metrics = computeTaskMetrics(task.labels, task.probabilities, int(task.classNames.size()));
        if (!metrics) return makeError("task '" + task.task + "': " + metrics.error());
        task.metrics = metrics.value();
    }

    if (snapshot.hierarchy) {
        int action = -1, group = -1;
        for (size_t t = 0; t < snapshot.tasks.size(); ++t) {
            if (snapshot.tasks[t].name == snapshot.hierarchy->actionTask) action = int(t);
            if (snapshot.tasks[t].name == snapshot.hierarchy->groupTask) group = int(t);
        }
        if (action >= 0 && group >= 0) {
            report.inconsistentRate = model::inconsistentPredictionRate(
                allProbabilities[size_t(action)], allProbabilities[size_t(group)], std::int64_t(items.size()),
                *snapshot.hierarchy);
            // Accuracy of the group read off the action, against the project's group labels.
            const int groupColumn = columns[size_t(group)];
            if (groupColumn >= 0) {
                const auto decoded = model::decodeConsistently(allProbabilities[size_t(action)],
                                                               std::int64_t(items.size()), *snapshot.hierarchy);
                int labelled = 0, correct = 0;
                for (size_t i = 0; i < items.size(); ++i) {
                    const int truth = dataset.clips[size_t(items[i])].labels[size_t(groupColumn)];
                    if (truth < 0) continue;
                    ++labelled;
                    correct += decoded[i].group == truth;
                }
                if (labelled) report.consistentGroupAccuracy = double(correct) / labelled;
            }
        }
    }
    return report;
}

nlohmann::ordered_json evaluationToJson(const EvaluationReport& report) {
    using Json = nlohmann::ordered_json;
    Json root = Json::object();
    root["clips"] = report.clips;
    root["inconsistent_rate"] = report.inconsistentRate ? Json(*report.inconsistentRate) : Json();
    root["consistent_group_accuracy"] = report.consistentGroupAccuracy ? Json(*report.consistentGroupAccuracy) : Json();
    Json tasks = Json::object();
    for (const TaskEvaluation& task : report.tasks) {
        Result<Json> parsed = parseJson(taskMetricsToJson(task.metrics, task.task, task.classNames));
        tasks[task.task] = parsed ? parsed.value() : Json();
    }
    root["tasks"] = tasks;
    return root;
}

}  // namespace actionlens::train
