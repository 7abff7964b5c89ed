#include "core/train/ablation.h"

#include "core/common/csv_field.h"
#include "core/train/data_splits.h"
#include "core/train/evaluation.h"
#include "core/train/trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

namespace actionlens::train {

using Json = nlohmann::ordered_json;

double studentT975(int df) {
    static const double table[] = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                                   2.201,  2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                                   2.080,  2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
    if (df < 1) return std::nan("");
    if (df <= 30) return table[df - 1];
    // Cornish-Fisher expansion around the normal quantile.
    const double z = 1.959964, g1 = (z * z * z + z) / 4.0, g2 = (5 * std::pow(z, 5) + 16 * z * z * z + 3 * z) / 96.0;
    return z + g1 / df + g2 / (double(df) * df);
}

namespace {

void meanStd(const std::vector<double>& v, double& mean, double& stdev) {
    mean = 0.0;
    for (double x : v) mean += x / double(v.size());
    double ss = 0.0;
    for (double x : v) ss += (x - mean) * (x - mean);
    stdev = v.size() > 1 ? std::sqrt(ss / double(v.size() - 1)) : 0.0;
}

std::string fixed3(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", v);
    return buffer;
}

std::string signed3(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%+.3f", v);
    return buffer;
}

std::string full(double v) {
    if (!std::isfinite(v)) return "";
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.10g", v);
    return buffer;
}

}  // namespace

Result<AblationReport> runAblation(const AblationRequest& request, const AblationCallbacks& callbacks) {
    if (!request.dataset) return makeError("no dataset for the ablation");
    const LabelledDataset& data = *request.dataset;
    if (request.seeds < 1) return makeError("the ablation needs at least one seed");
    if (request.folds < 2) return makeError("the ablation needs at least two folds");
    if (request.items.empty()) return makeError("no clips for the ablation");
    for (int i : request.items)
        if (i < 0 || size_t(i) >= data.clips.size())
            return makeError("item " + std::to_string(i) + " is not a clip of the dataset (" +
                             std::to_string(data.clips.size()) + " clips)");
    Result<ModelSnapshot> all = snapshotFor(data, request.items, request.config);
    if (!all) return all.takeError();
    std::vector<std::string> tasks;
    for (const DatasetTask& t : all->tasks) tasks.push_back(t.name);
    if (tasks.size() < 2) return makeError("the ablation compares single-task and multi-task models: it needs two tasks or more");

    std::vector<std::string> keys;
    const std::vector<std::string> allKeys = groupKeys(data, request.groupBy);
    for (int i : request.items) keys.push_back(allKeys[size_t(i)]);

    AblationReport report;
    report.seeds = request.seeds;
    report.folds = request.folds;
    report.clips = int(request.items.size());
    for (int k : request.onlyFolds)
        if (k < 1 || k > request.folds)
            return makeError("fold " + std::to_string(k) + " is not one of the " + std::to_string(request.folds) + " folds");
    const auto runsFold = [&](int k) {
        return request.onlyFolds.empty() || std::find(request.onlyFolds.begin(), request.onlyFolds.end(), k) != request.onlyFolds.end();
    };
    int foldsRun = 0;
    for (int k = 1; k <= request.folds; ++k) foldsRun += runsFold(k) ? 1 : 0;
    const int total = request.seeds * foldsRun * int(tasks.size() + 1);
    int done = 0;
    for (int s = 0; s < request.seeds; ++s) {
        const std::uint32_t seed = request.config.seed + std::uint32_t(s);
        Result<std::vector<Fold>> folds = groupedKFold(keys, request.folds, seed);
        if (!folds) return folds.takeError();
        for (int k = 0; k < request.folds; ++k) {
            if (!runsFold(k + 1)) continue;
            const Fold& fold = folds.value()[size_t(k)];
            std::vector<int> trainItems, testItems;
            for (int i : fold.train) trainItems.push_back(request.items[size_t(i)]);
            for (int i : fold.test) testItems.push_back(request.items[size_t(i)]);
            // Validation from the fold's training part: stratified by the first task, or by
            // whole groups where a group holds several clips.
            std::vector<int> validation;
            if (request.config.validationFraction > 0.0) {
                std::vector<int> labels;
                std::vector<std::string> groups;
                for (int i : trainItems) {
                    labels.push_back(data.clips[size_t(i)].labels[size_t(data.taskIndex(tasks[0]))]);
                    groups.push_back(allKeys[size_t(i)]);
                }
                Result<TrainValidationSplit> split = validationSplit(labels, groups, request.config.validationFraction, seed);
                if (split) {
                    std::vector<int> kept;
                    for (int i : split->train) kept.push_back(trainItems[size_t(i)]);
                    for (int i : split->validation) validation.push_back(trainItems[size_t(i)]);
                    trainItems = kept;
                }
            }
            for (size_t m = 0; m <= tasks.size(); ++m) {
                if (callbacks.shouldCancel && callbacks.shouldCancel()) return makeError("the ablation was cancelled");
                const bool isMulti = m == tasks.size();
                AblationRun run;
                run.seed = int(seed);
                run.fold = k + 1;
                run.model = isMulti ? "multi-task" : tasks[m];
                run.tasks = isMulti ? tasks : std::vector<std::string>{tasks[m]};
                if (callbacks.progress)
                    callbacks.progress(done, total, "seed " + std::to_string(seed) + " fold " + std::to_string(k + 1) + ": " + run.model);
                TrainConfig config = request.config;
                config.seed = seed;
                config.tasks = run.tasks;
                const auto start = std::chrono::steady_clock::now();
                TrainingCallbacks trainingCallbacks;
                trainingCallbacks.shouldCancel = callbacks.shouldCancel;
                Result<TrainingOutcome> trained = trainModel(TrainingRequest{&data, trainItems, validation, config, "", "", 0, request.videoClips, request.processGroup},
                                                             trainingCallbacks);
                if (!trained) return makeError(run.model + ", seed " + std::to_string(seed) + ", fold " +
                                               std::to_string(k + 1) + ": " + trained.error());
                if (trained->cancelled) return makeError("the ablation was cancelled");
                // The trainer hands its model out on the CPU: test it where it trained.
                if (Status moved = trained->model->moveTo(trained->device); !moved) return moved.takeError();
                Result<EvaluationReport> evaluated = evaluateModel(*trained->model, trained->snapshot, data, testItems, 64,
                                                                   request.videoClips);
                if (!evaluated) return evaluated.takeError();
                for (const TaskEvaluation& t : evaluated->tasks) {
                    run.accuracy.push_back(t.metrics.accuracy);
                    run.macroF1.push_back(t.metrics.macroF1);
                    run.confusion.push_back(t.metrics.confusion);
                }
                if (isMulti) run.inconsistentRate = evaluated->inconsistentRate;
                run.bestEpoch = trained->bestEpoch;
                run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
                report.runs.push_back(run);
                ++done;
            }
        }
    }
    if (callbacks.progress) callbacks.progress(done, total, "done");
    return summariseAblation(std::move(report.runs), request.folds, report.clips);
}

AblationReport summariseAblation(std::vector<AblationRun> runs, int folds, int clips) {
    AblationReport report;
    report.folds = folds;
    report.clips = clips;
    std::stable_sort(runs.begin(), runs.end(), [](const AblationRun& a, const AblationRun& b) {
        return std::tie(a.seed, a.fold) < std::tie(b.seed, b.fold);
    });
    std::vector<std::string> tasks;  // in the multi-task runs' order
    std::set<int> seeds;
    double inconsistentSum = 0.0;
    int inconsistentCount = 0;
    for (const AblationRun& r : runs) {
        seeds.insert(r.seed);
        if (r.model == "multi-task") {
            for (const std::string& t : r.tasks)
                if (std::find(tasks.begin(), tasks.end(), t) == tasks.end()) tasks.push_back(t);
            if (r.inconsistentRate) inconsistentSum += *r.inconsistentRate, ++inconsistentCount;
        }
    }
    report.seeds = int(seeds.size());
    for (const std::string& task : tasks) {
        TaskAblation t;
        t.task = task;
        // Pairs: the multi-task run and this task's single-task run of one seed and fold.
        for (const AblationRun& m : runs) {
            if (m.model != "multi-task") continue;
            const auto column = std::find(m.tasks.begin(), m.tasks.end(), task);
            if (column == m.tasks.end() || size_t(column - m.tasks.begin()) >= m.accuracy.size()) continue;
            for (const AblationRun& s : runs)
                if (s.model == task && s.seed == m.seed && s.fold == m.fold && !s.accuracy.empty()) {
                    t.single.push_back(s.accuracy[0]);
                    t.multi.push_back(m.accuracy[size_t(column - m.tasks.begin())]);
                    break;
                }
        }
        t.pairs = int(t.single.size());
        meanStd(t.single, t.singleMean, t.singleStd);
        meanStd(t.multi, t.multiMean, t.multiStd);
        std::vector<double> differences;
        for (int i = 0; i < t.pairs; ++i) differences.push_back(t.multi[size_t(i)] - t.single[size_t(i)]);
        double sd = 0.0;
        meanStd(differences, t.differenceMean, sd);
        const double half = t.pairs > 1 ? studentT975(t.pairs - 1) * sd / std::sqrt(double(t.pairs)) : std::nan("");
        t.differenceLow = t.differenceMean - half;
        t.differenceHigh = t.differenceMean + half;
        report.tasks.push_back(t);
    }
    if (inconsistentCount) report.multiInconsistentRate = inconsistentSum / inconsistentCount;
    report.runs = std::move(runs);
    return report;
}

Result<std::vector<AblationRun>> ablationRunsFromJson(const Json& report) {
    const Json* runs = findMember(report, "runs");
    if (!runs || !runs->is_array()) return makeError("the ablation report has no 'runs' array");
    std::vector<AblationRun> out;
    for (size_t i = 0; i < runs->size(); ++i) {
        const Json& r = (*runs)[i];
        const std::string at = "run " + std::to_string(i) + ": ";
        const Json *seed = findMember(r, "seed"), *fold = findMember(r, "fold"), *model = findMember(r, "model"),
                   *accuracy = findMember(r, "accuracy"), *f1 = findMember(r, "macro_f1");
        if (!seed || !seed->is_number() || !fold || !fold->is_number() || !model || !model->is_string() || !accuracy ||
            !accuracy->is_object())
            return makeError(at + "needs seed, fold, model and accuracy");
        AblationRun run;
        run.seed = int(seed->get<double>());
        run.fold = int(fold->get<double>());
        run.model = model->get<std::string>();
        for (const auto& [task, value] : accuracy->items()) {
            if (!value.is_number()) return makeError(at + "the accuracy of '" + task + "' is not a number");
            run.tasks.push_back(task);
            run.accuracy.push_back(value.get<double>());
            const Json* taskF1 = f1 ? findMember(*f1, task) : nullptr;
            run.macroF1.push_back(taskF1 && taskF1->is_number() ? taskF1->get<double>() : std::nan(""));
        }
        if (const Json* confusion = findMember(r, "confusion"); confusion && confusion->is_object()) {
            for (const std::string& task : run.tasks) {
                std::vector<std::vector<int>> matrix;
                const Json* m = findMember(*confusion, task);
                if (m) {
                    if (!m->is_array()) return makeError(at + "the confusion of '" + task + "' is not a list of rows");
                    for (const Json& row : *m) {
                        if (!row.is_array()) return makeError(at + "the confusion of '" + task + "' is not a list of rows");
                        std::vector<int> counts;
                        for (const Json& c : row) {
                            if (!c.is_number_integer() || c.get<std::int64_t>() < 0)
                                return makeError(at + "the confusion of '" + task + "' holds " + writeJson(c, -1) +
                                                 ", not a count");
                            counts.push_back(int(c.get<std::int64_t>()));
                        }
                        matrix.push_back(std::move(counts));
                    }
                }
                run.confusion.push_back(std::move(matrix));
            }
        }
        if (const Json* v = findMember(r, "best_epoch"); v && v->is_number()) run.bestEpoch = int(v->get<double>());
        if (const Json* v = findMember(r, "seconds"); v && v->is_number()) run.seconds = v->get<double>();
        if (const Json* v = findMember(r, "inconsistent_rate"); v && v->is_number()) run.inconsistentRate = v->get<double>();
        out.push_back(std::move(run));
    }
    return out;
}

namespace {

// One report's runs, folds and clips.
struct ReportParts {
    std::vector<AblationRun> runs;
    int folds = 0;
    int clips = 0;
};

Result<ReportParts> reportParts(const Json& json) {
    Result<std::vector<AblationRun>> runs = ablationRunsFromJson(json);
    if (!runs) return runs.takeError();
    const Json* folds = findMember(json, "folds");
    const Json* clips = findMember(json, "clips");
    if (!folds || !folds->is_number() || !clips || !clips->is_number()) return makeError("the report says no folds or clips");
    return ReportParts{std::move(runs).value(), int(folds->get<double>()), int(clips->get<double>())};
}

}  // namespace

Result<AblationReport> ablationReportFromJson(const std::string& text) {
    Result<Json> json = parseJson(text);
    if (!json) return json.takeError();
    Result<ReportParts> parts = reportParts(json.value());
    if (!parts) return parts.takeError();
    return summariseAblation(std::move(parts->runs), parts->folds, parts->clips);
}

Result<AblationReport> mergeAblationReportFiles(const std::vector<std::string>& paths) {
    if (paths.empty()) return makeError("no ablation reports to merge");
    std::vector<AblationRun> runs;
    int folds = 0, clips = 0;
    for (const std::string& path : paths) {
        Result<Json> json = readJsonFile(path);
        if (!json) return json.takeError();
        Result<ReportParts> part = reportParts(json.value());
        if (!part) return makeError("'" + path + "': " + part.error());
        if (!runs.empty() && (folds != part->folds || clips != part->clips))
            return makeError("'" + path + "': its folds or clips differ from '" + paths.front() + "': not the same ablation");
        for (const AblationRun& r : part->runs)
            for (const AblationRun& seen : runs)
                if (seen.seed == r.seed && seen.fold == r.fold && seen.model == r.model)
                    return makeError("'" + path + "': seed " + std::to_string(r.seed) + ", fold " + std::to_string(r.fold) + ", " +
                                     r.model + " is in an earlier report too");
        folds = part->folds;
        clips = part->clips;
        runs.insert(runs.end(), part->runs.begin(), part->runs.end());
    }
    return summariseAblation(std::move(runs), folds, clips);
}

Json ablationToJson(const AblationReport& report) {
    Json root = Json::object();
    root["seeds"] = report.seeds;
    root["folds"] = report.folds;
    root["clips"] = report.clips;
    root["multi_task_inconsistent_rate"] = report.multiInconsistentRate ? Json(*report.multiInconsistentRate) : Json();
    Json tasks = Json::object();
    for (const TaskAblation& t : report.tasks) {
        Json task = Json::object();
        task["pairs"] = t.pairs;
        task["single_task_accuracy_mean"] = t.singleMean;
        task["single_task_accuracy_std"] = t.singleStd;
        task["multi_task_accuracy_mean"] = t.multiMean;
        task["multi_task_accuracy_std"] = t.multiStd;
        task["difference_mean"] = t.differenceMean;
        task["difference_ci95"] = Json::array({t.differenceLow, t.differenceHigh});
        task["single_task_accuracy"] = t.single;
        task["multi_task_accuracy"] = t.multi;
        tasks[t.task] = task;
    }
    root["tasks"] = tasks;
    Json runs = Json::array();
    for (const AblationRun& r : report.runs) {
        Json run = Json::object();
        run["seed"] = r.seed;
        run["fold"] = r.fold;
        run["model"] = r.model;
        Json accuracy = Json::object(), f1 = Json::object();
        for (size_t i = 0; i < r.tasks.size() && i < r.accuracy.size(); ++i) {
            accuracy[r.tasks[i]] = r.accuracy[i];
            f1[r.tasks[i]] = r.macroF1[i];
        }
        run["accuracy"] = accuracy;
        run["macro_f1"] = f1;
        if (!r.confusion.empty()) {
            Json confusion = Json::object();
            for (size_t i = 0; i < r.tasks.size() && i < r.confusion.size(); ++i) confusion[r.tasks[i]] = r.confusion[i];
            run["confusion"] = confusion;
        }
        run["best_epoch"] = r.bestEpoch;
        run["seconds"] = r.seconds;
        if (r.inconsistentRate) run["inconsistent_rate"] = *r.inconsistentRate;
        runs.push_back(run);
    }
    root["runs"] = runs;
    return root;
}

std::string ablationToMarkdown(const AblationReport& report) {
    std::string out = "Test accuracy, " + std::to_string(report.seeds) + " seed(s) x " + std::to_string(report.folds) +
                      " grouped folds, " + std::to_string(report.clips) + " clips (mean +- std; difference = multi - single, paired, 95 % CI)\n\n";
    out += "| task | single-task | multi-task | difference [95 % CI] |\n|---|---|---|---|\n";
    for (const TaskAblation& t : report.tasks) {
        out += "| " + t.task + " | " + fixed3(t.singleMean) + " +- " + fixed3(t.singleStd) + " | " + fixed3(t.multiMean) +
               " +- " + fixed3(t.multiStd) + " | " + signed3(t.differenceMean);
        if (std::isfinite(t.differenceLow))
            out += " [" + signed3(t.differenceLow) + ", " + signed3(t.differenceHigh) + "]";
        out += " |\n";
    }
    if (report.multiInconsistentRate)
        out += "\nMulti-task inconsistent action/group predictions: " + fixed3(*report.multiInconsistentRate) + "\n";
    return out;
}

std::string ablationToCsv(const AblationReport& report) {
    std::string out = "task,pairs,single_mean,single_std,multi_mean,multi_std,difference,ci_low,ci_high\r\n";
    for (const TaskAblation& t : report.tasks) {
        out += csvField(t.task) + "," + std::to_string(t.pairs);
        for (double v : {t.singleMean, t.singleStd, t.multiMean, t.multiStd, t.differenceMean, t.differenceLow, t.differenceHigh})
            out += "," + full(v);
        out += "\r\n";
    }
    return out;
}

}  // namespace actionlens::train
