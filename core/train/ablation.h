#pragma once

// Does multi-task learning help each task on this data? Single-task models (one per task)
// against the multi-task model with the same training budget (config, epochs, data), over S
// seeds x K grouped folds (no video or subject in two folds). Per task: mean +- standard
// deviation of the test accuracy of both, and the paired difference (multi - single, same seed
// and fold) with a 95 % Student-t confidence interval: the single-task vs multi-task table of the
// literature, measured on the user's own data.

#include "core/common/result.h"
#include "core/train/json_text.h"
#include "core/train/labelled_dataset.h"
#include "core/train/process_group.h"
#include "core/train/rgb_clip.h"
#include "core/train/train_config.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace actionlens::train {

struct AblationRequest {
    const LabelledDataset* dataset = nullptr;
    std::vector<int> items;          // clips to cross-validate over
    TrainConfig config;              // shared by every model; config.tasks chooses the tasks
    int seeds = 3;
    int folds = 5;
    // Run only these folds (1-based; empty: all), so the folds of one ablation can run in
    // parallel on several processes or machines and merge afterwards.
    std::vector<int> onlyFolds;
    GroupBy groupBy = GroupBy::Video;
    RgbClipDecoder* videoClips = nullptr;  // video and fusion trunks: one cache serves every run
    // Data-parallel: every model is trained by all ranks together (trainer.h); every rank then
    // evaluates it and ends with the same report.
    ProcessGroup* processGroup = nullptr;
};

struct AblationRun {
    int seed = 0;
    int fold = 0;
    std::string model;  // "multi-task" or the single task's name
    std::vector<std::string> tasks;
    std::vector<double> accuracy;  // per task of `tasks`
    std::vector<double> macroF1;
    // Per task of `tasks`: the fold's test clips, confusion[truth][prediction] (empty in reports
    // written before it was kept), so that which classes a task confuses (left vs right) can be
    // read off a whole cross-validation.
    std::vector<std::vector<std::vector<int>>> confusion;
    int bestEpoch = 0;
    double seconds = 0.0;
    std::optional<double> inconsistentRate;  // multi-task runs with a hierarchy
};

struct TaskAblation {
    std::string task;
    int pairs = 0;
    std::vector<double> single;  // per (seed, fold)
    std::vector<double> multi;
    double singleMean = 0, singleStd = 0, multiMean = 0, multiStd = 0;
    double differenceMean = 0, differenceLow = 0, differenceHigh = 0;  // 95 % CI of multi - single
};

struct AblationReport {
    int seeds = 0;
    int folds = 0;
    int clips = 0;
    std::vector<TaskAblation> tasks;
    std::vector<AblationRun> runs;
    std::optional<double> multiInconsistentRate;  // mean over the multi-task runs, with a hierarchy
};

struct AblationCallbacks {
    // (runs done, runs in total, what runs now, e.g. "seed 2 fold 3: action").
    std::function<void(int, int, const std::string&)> progress;
    std::function<bool()> shouldCancel;
};

Result<AblationReport> runAblation(const AblationRequest& request, const AblationCallbacks& callbacks = {});

// The per-task table from runs: pairs a single-task run with the multi-task run of the same
// seed and fold. runAblation uses it; so does merging the reports of ablations run in parallel
// (one seed each, on several processes or machines).
AblationReport summariseAblation(std::vector<AblationRun> runs, int folds, int clips);

// The runs of an ablation JSON report (ablationToJson's "runs"); errors name the run.
Result<std::vector<AblationRun>> ablationRunsFromJson(const nlohmann::ordered_json& report);

// A report as ablationToJson wrote it (e.g. a project's ablation run), summarised again from
// its runs; errors name what is missing.
Result<AblationReport> ablationReportFromJson(const std::string& text);

// One report from the JSON reports of ablations over the same clips and folds (e.g. run in
// parallel, one seed each); errors name the file.
Result<AblationReport> mergeAblationReportFiles(const std::vector<std::string>& paths);

nlohmann::ordered_json ablationToJson(const AblationReport& report);
// A Markdown table: task | single-task | multi-task | difference [95 % CI].
std::string ablationToMarkdown(const AblationReport& report);
// The same per task as CSV (RFC 4180, full precision, empty CI cells below two pairs):
// task,pairs,single_mean,single_std,multi_mean,multi_std,difference,ci_low,ci_high
std::string ablationToCsv(const AblationReport& report);

// Two-sided 95 % quantile of Student's t with `df` degrees of freedom (exact table to 30, then
// an approximation within 0.001).
double studentT975(int df);

}  // namespace actionlens::train
