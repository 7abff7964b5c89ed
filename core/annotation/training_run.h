#pragma once

// TrainingRun: one model run recorded in the project (a training started from the window or by
// `actionlens-cli train -p`, an evaluation, an ablation), so any run can be listed, compared,
// resumed, evaluated or used for prediction later. The store keeps the learning engine's JSON
// documents (config, per-epoch history, metrics) as text it does not interpret: core/annotation
// stays free of core/train, and each side reads them with its own JSON library.

#include <cstdint>
#include <string>

namespace actionlens::annotation {

enum class RunKind { Training, Evaluation, Ablation };
enum class RunStatus { Running, Finished, Stopped, Cancelled, Failed };

const char* runKindName(RunKind kind);        // "training", "evaluation", "ablation"
const char* runStatusName(RunStatus status);  // "running", "finished", "stopped", "cancelled", "failed"
bool parseRunKind(const std::string& name, RunKind* kind);
bool parseRunStatus(const std::string& name, RunStatus* status);

struct TrainingRun {
    std::int64_t id = 0;
    std::string name;                 // shown in the Runs view ("run 3", or the user's)
    RunKind kind = RunKind::Training;
    RunStatus status = RunStatus::Running;
    std::string origin;               // "window" or "cli"
    std::int64_t parentId = 0;        // an evaluation's trained run; 0: none
    std::string configJson;           // core/train's TrainConfig as JSON
    std::string historyJson;          // array of per-epoch reports (core/train's epochReportToJson)
    std::string metricsJson;          // final metrics (evaluation), or the ablation report
    std::string dataJson;             // what the run saw: {"split": ..., "train_clips": ..., ...}
    std::string checkpointPath;       // the .alm file; relative to the project folder when inside it
    std::string device;               // "cpu", "cuda:0", ...
    std::int64_t startedMs = 0;       // ms since the epoch
    std::int64_t endedMs = 0;         // 0 while running
    std::string message;              // why it failed, else empty

    bool operator==(const TrainingRun& other) const;
};

}  // namespace actionlens::annotation
