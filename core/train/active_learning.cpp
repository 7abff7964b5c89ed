#include "core/train/active_learning.h"

#include "core/model/multi_task_model.h"
#include "core/train/data_splits.h"
#include "core/train/evaluation.h"
#include "core/train/trainer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <random>

namespace actionlens::train {

const char* uncertaintyMeasureName(UncertaintyMeasure measure) { return measure == UncertaintyMeasure::Margin ? "margin" : "entropy"; }

bool uncertaintyMeasureFromName(const std::string& name, UncertaintyMeasure* measure) {
    if (name == "entropy") *measure = UncertaintyMeasure::Entropy;
    else if (name == "margin") *measure = UncertaintyMeasure::Margin;
    else return false;
    return true;
}

double answerUncertainty(const std::vector<float>& p, UncertaintyMeasure measure) {
    if (p.size() < 2) return 0.0;
    if (measure == UncertaintyMeasure::Entropy) {
        double h = 0.0;
        for (float v : p)
            if (v > 0.0f) h -= double(v) * std::log(double(v));
        return std::clamp(h / std::log(double(p.size())), 0.0, 1.0);
    }
    std::vector<float> sorted = p;
    std::partial_sort(sorted.begin(), sorted.begin() + 2, sorted.end(), std::greater<float>());
    return std::clamp(1.0 - double(sorted[0] - sorted[1]), 0.0, 1.0);
}

std::vector<int> chooseForLabelling(const std::vector<int>& candidates, const std::vector<double>& uncertainty, int count,
                                    const std::vector<std::string>& groups) {
    std::vector<size_t> order(candidates.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return uncertainty[a] > uncertainty[b]; });
    std::vector<int> out;
    std::vector<bool> taken(candidates.size(), false);
    // Round by round: each group's most uncertain clip not taken yet, until enough.
    while (int(out.size()) < count && out.size() < candidates.size()) {
        std::map<std::string, bool> usedThisRound;
        for (size_t i : order) {
            if (int(out.size()) >= count) break;
            if (taken[i]) continue;
            if (!groups.empty()) {
                if (usedThisRound[groups[i]]) continue;
                usedThisRound[groups[i]] = true;
            }
            taken[i] = true;
            out.push_back(candidates[i]);
        }
        if (groups.empty()) break;
    }
    return out;
}

namespace {

// Accuracy per dataset task on `items` (NaN where the model lacks the task or nothing is labelled).
Result<std::vector<double>> accuracies(model::MultiTaskModel& model, const ModelSnapshot& snapshot, const LabelledDataset& dataset,
                                       const std::vector<int>& items) {
    Result<EvaluationReport> report = evaluateModel(model, snapshot, dataset, items);
    if (!report) return report.takeError();
    std::vector<double> out(dataset.tasks.size(), std::nan(""));
    for (const TaskEvaluation& t : report->tasks) {
        const int column = dataset.taskIndex(t.task);
        if (column >= 0) out[size_t(column)] = t.metrics.accuracy;
    }
    return out;
}

// Each pool clip's uncertainty under the model (the options' task, or the mean over tasks).
Result<std::vector<double>> poolUncertainty(model::MultiTaskModel& model, const ModelSnapshot& snapshot, const LabelledDataset& dataset,
                                            const std::vector<int>& pool, const ActiveLearningOptions& options) {
    Result<EvaluationReport> report = evaluateModel(model, snapshot, dataset, pool);
    if (!report) return report.takeError();
    std::vector<double> out(pool.size(), 0.0);
    int used = 0;
    for (const TaskEvaluation& t : report->tasks) {
        if (options.task >= 0 && dataset.taskIndex(t.task) != options.task) continue;
        ++used;
        const size_t classes = t.classNames.size();
        for (size_t i = 0; i < pool.size(); ++i) {
            const std::vector<float> p(t.probabilities.begin() + long(i * classes), t.probabilities.begin() + long((i + 1) * classes));
            out[i] += answerUncertainty(p, options.measure);
        }
    }
    if (used == 0) return makeError("the model has no task " + std::to_string(options.task) + " to rank clips by");
    for (double& v : out) v /= used;
    return out;
}

}  // namespace

Result<ActiveLearningReport> simulateActiveLearning(const LabelledDataset& dataset, const std::vector<int>& items,
                                                    const ActiveLearningOptions& options, const ActiveLearningCallbacks& callbacks) {
    if (options.startClips < 1 || options.batchClips < 1 || options.rounds < 1)
        return makeError("the start, the batch and the rounds must each be at least 1");
    if (options.task >= int(dataset.tasks.size())) return makeError("the dataset has no task " + std::to_string(options.task));
    // The held-out part, stratified by the first task, never labelled.
    std::vector<int> labels;
    for (int i : items) labels.push_back(dataset.clips[size_t(i)].labels.empty() ? -1 : dataset.clips[size_t(i)].labels[0]);
    Result<TrainValidationSplit> split = stratifiedSplit(labels, options.heldOutFraction, options.seed);
    if (!split) return makeError("cannot hold out " + std::to_string(options.heldOutFraction) + " of " + std::to_string(items.size()) +
                                 " clips: " + split.error());
    std::vector<int> pool, heldOut;
    for (int i : split->train) pool.push_back(items[size_t(i)]);
    for (int i : split->validation) heldOut.push_back(items[size_t(i)]);
    const int needed = options.startClips + options.batchClips * options.rounds;
    if (int(pool.size()) < needed)
        return makeError("the pool has " + std::to_string(pool.size()) + " clips, the start and " + std::to_string(options.rounds) +
                         " rounds need " + std::to_string(needed));

    std::mt19937 rng(options.seed ^ 0xa11ce5u);
    std::vector<int> shuffled = pool;
    shuffleItems(shuffled, rng);
    const std::vector<int> start(shuffled.begin(), shuffled.begin() + options.startClips);

    ActiveLearningReport report;
    for (const DatasetTask& t : dataset.tasks) report.tasks.push_back(t.name);
    report.heldOutClips = int(heldOut.size());
    report.poolClips = int(pool.size());
    const int models = 2 * (options.rounds + 1);
    int trained = 0;
    for (const char* strategy : {"uncertainty", "random"}) {
        ActiveLearningCurve curve;
        curve.strategy = strategy;
        std::vector<int> labelled = start;
        std::mt19937 pick(options.seed * 7919u + 3u);
        for (int round = 0; round <= options.rounds; ++round) {
            if (callbacks.shouldCancel && callbacks.shouldCancel()) {
                report.cancelled = true;
                report.curves.push_back(curve);
                return report;
            }
            TrainingCallbacks trainingCallbacks;
            trainingCallbacks.shouldCancel = callbacks.shouldCancel;
            TrainConfig config = options.config;
            Result<TrainingOutcome> outcome = trainModel(TrainingRequest{&dataset, labelled, {}, config, "", "", 0, nullptr}, trainingCallbacks);
            if (!outcome) return makeError(std::string(strategy) + " round " + std::to_string(round) + ": " + outcome.error());
            if (outcome->cancelled) {
                report.cancelled = true;
                report.curves.push_back(curve);
                return report;
            }
            Result<std::vector<double>> accuracy = accuracies(*outcome->model, outcome->snapshot, dataset, heldOut);
            if (!accuracy) return accuracy.takeError();
            curve.points.push_back(ActiveLearningPoint{int(labelled.size()), accuracy.value()});
            if (callbacks.progress) callbacks.progress(++trained, models);
            if (round == options.rounds) break;
            // The next batch from the clips not labelled yet.
            std::vector<int> candidates;
            for (int i : pool)
                if (std::find(labelled.begin(), labelled.end(), i) == labelled.end()) candidates.push_back(i);
            std::vector<int> chosen;
            if (curve.strategy == "random") {
                shuffleItems(candidates, pick);
                chosen.assign(candidates.begin(), candidates.begin() + std::min<long>(options.batchClips, long(candidates.size())));
            } else {
                Result<std::vector<double>> uncertainty = poolUncertainty(*outcome->model, outcome->snapshot, dataset, candidates, options);
                if (!uncertainty) return uncertainty.takeError();
                std::vector<std::string> groups;
                if (options.diversity)
                    for (int i : candidates) groups.push_back("video " + std::to_string(dataset.clips[size_t(i)].videoId));
                const int randomPart = int(std::lround(std::clamp(options.randomShare, 0.0, 1.0) * options.batchClips));
                chosen = chooseForLabelling(candidates, uncertainty.value(), options.batchClips - randomPart, groups);
                // The random share from the rest.
                std::vector<int> rest;
                for (int i : candidates)
                    if (std::find(chosen.begin(), chosen.end(), i) == chosen.end()) rest.push_back(i);
                shuffleItems(rest, pick);
                chosen.insert(chosen.end(), rest.begin(), rest.begin() + std::min<long>(randomPart, long(rest.size())));
            }
            labelled.insert(labelled.end(), chosen.begin(), chosen.end());
        }
        report.curves.push_back(curve);
    }
    return report;
}

nlohmann::ordered_json activeLearningToJson(const ActiveLearningReport& report, const ActiveLearningOptions& options) {
    using json = nlohmann::ordered_json;
    json out = json::object();
    out["measure"] = uncertaintyMeasureName(options.measure);
    out["task"] = options.task >= 0 && size_t(options.task) < report.tasks.size() ? report.tasks[size_t(options.task)] : "all";
    out["diversity"] = options.diversity;
    out["random_share"] = options.randomShare;
    out["start_clips"] = options.startClips;
    out["batch_clips"] = options.batchClips;
    out["rounds"] = options.rounds;
    out["held_out_clips"] = report.heldOutClips;
    out["pool_clips"] = report.poolClips;
    out["seed"] = options.seed;
    out["cancelled"] = report.cancelled;
    json curves = json::object();
    for (const ActiveLearningCurve& c : report.curves) {
        json points = json::array();
        for (const ActiveLearningPoint& p : c.points) {
            json accuracy = json::object();
            for (size_t t = 0; t < report.tasks.size() && t < p.accuracy.size(); ++t) accuracy[report.tasks[t]] = p.accuracy[t];
            points.push_back(json{{"labelled_clips", p.labelledClips}, {"accuracy", accuracy}});
        }
        curves[c.strategy] = points;
    }
    out["curves"] = curves;
    return out;
}

}  // namespace actionlens::train
