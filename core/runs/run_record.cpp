#include "core/runs/run_record.h"

#include "core/train/checkpoint.h"

#include <chrono>
#include <cmath>
#include <filesystem>

namespace actionlens::runs {

namespace {

using Json = nlohmann::ordered_json;
using annotation::RunKind;
using annotation::RunStatus;
using annotation::TrainingRun;

std::string compact(const Json& json) { return train::writeJson(json, -1); }

// The record's history, or an empty one where it holds none (a record written by hand).
Json historyOf(const TrainingRun& run) {
    Result<Json> parsed = train::parseJson(run.historyJson);
    return parsed && parsed->is_array() ? std::move(parsed).value() : Json::array();
}

Json trainingMetrics(int bestEpoch, int epochsDone) {
    Json metrics = Json::object();
    metrics["best_epoch"] = bestEpoch;
    metrics["epochs_done"] = epochsDone;
    return metrics;
}

std::int64_t lastWriteMs(const std::filesystem::path& path) {
    std::error_code error;
    const auto written = std::filesystem::last_write_time(path, error);
    if (error) return 0;
    // C++17 has no clock_cast: carry the file clock's distance from now over to the system clock.
    const auto now = std::chrono::system_clock::now() + (written - std::filesystem::file_time_type::clock::now());
    return std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
}

}  // namespace

std::string nextRunName(const std::vector<TrainingRun>& runs) {
    long long highest = 0;
    const std::string prefix = "run ";
    for (const TrainingRun& run : runs) {
        if (run.name.size() <= prefix.size() || run.name.compare(0, prefix.size(), prefix) != 0) continue;
        const std::string digits = run.name.substr(prefix.size());
        if (digits.size() > 15 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
        highest = std::max(highest, std::stoll(digits));
    }
    return prefix + std::to_string(highest + 1);
}

TrainingRun startedTrainingRun(const std::string& name, const std::string& origin, const train::TrainConfig& config,
                               const std::string& split, const train::TrainingItems& items, const std::string& checkpointPath,
                               std::int64_t startedMs) {
    TrainingRun run;
    run.name = name;
    run.kind = RunKind::Training;
    run.status = RunStatus::Running;
    run.origin = origin;
    run.configJson = compact(train::trainConfigToJson(config));
    run.historyJson = "[]";
    Json data = Json::object();
    data["split"] = split;
    data["train_clips"] = items.train.size();
    data["validation_clips"] = items.validation.size();
    run.dataJson = compact(data);
    run.checkpointPath = checkpointPath;
    run.startedMs = startedMs;
    return run;
}

void appendEpoch(TrainingRun& run, const train::EpochReport& report, const std::vector<std::string>& taskNames) {
    Json history = historyOf(run);
    history.push_back(train::epochReportToJson(report, taskNames));
    run.historyJson = compact(history);
}

void finishTrainingRun(TrainingRun& run, const train::TrainingOutcome& outcome, const std::vector<std::string>& taskNames,
                       bool stopRequested, std::int64_t endedMs) {
    run.status = outcome.finished ? RunStatus::Finished : stopRequested ? RunStatus::Stopped : RunStatus::Cancelled;
    run.device = outcome.device;
    run.endedMs = endedMs;
    // trainModel reports the epochs of its own call; a resumed run's earlier ones are the record's.
    const int firstEpoch = outcome.history.empty() ? 0 : outcome.history.front().epoch;
    Json history = Json::array();
    if (firstEpoch > 0)
        for (const Json& epoch : historyOf(run)) {
            const Json* number = train::findMember(epoch, "epoch");
            if (number && number->is_number() && number->get<double>() < firstEpoch) history.push_back(epoch);
        }
    else
        history = historyOf(run);
    for (const train::EpochReport& report : outcome.history) history.push_back(train::epochReportToJson(report, taskNames));
    run.historyJson = compact(history);
    run.metricsJson = compact(trainingMetrics(outcome.bestEpoch, outcome.epochsDone));
}

void endRun(TrainingRun& run, RunStatus status, const std::string& message, std::int64_t endedMs) {
    run.status = status;
    run.message = message;
    run.endedMs = endedMs;
}

void failTrainingRun(TrainingRun& run, const std::string& message, std::int64_t endedMs) {
    endRun(run, RunStatus::Failed, message, endedMs);
}

Result<TrainingRun> trainingRunFromCheckpoint(const std::string& checkpointPath) {
    Result<train::CheckpointInfo> info = train::readCheckpointInfo(checkpointPath);
    if (!info) return info.takeError();
    std::error_code error;
    std::filesystem::path path = std::filesystem::absolute(checkpointPath, error);
    if (error) path = checkpointPath;
    path = path.lexically_normal();

    TrainingRun run;
    run.name = path.stem().string();
    run.kind = RunKind::Training;
    run.status = info->finished ? RunStatus::Finished : RunStatus::Stopped;
    run.origin = "file";
    run.configJson = compact(train::trainConfigToJson(info->config));
    run.historyJson = compact(info->history.is_array() ? info->history : Json::array());
    run.metricsJson = compact(trainingMetrics(info->bestEpoch, info->epochsDone));
    run.dataJson = "{}";
    run.checkpointPath = path.string();
    // The file is rewritten after every epoch: its last write is the end of the last one.
    run.endedMs = lastWriteMs(path);
    double seconds = 0.0;
    if (info->history.is_array())
        for (const Json& epoch : info->history)
            if (const Json* s = train::findMember(epoch, "seconds"); s && s->is_number()) seconds += s->get<double>();
    run.startedMs = run.endedMs - std::int64_t(std::llround(seconds * 1000.0));
    return run;
}

TrainingRun evaluationRun(const std::string& name, const std::string& origin, std::int64_t parentId,
                          const std::string& checkpointPath, const std::string& split, const nlohmann::ordered_json& metrics,
                          const std::string& device, std::int64_t startedMs, std::int64_t endedMs) {
    TrainingRun run;
    run.name = name;
    run.kind = RunKind::Evaluation;
    run.status = RunStatus::Finished;
    run.origin = origin;
    run.parentId = parentId;
    run.configJson = "{}";
    run.historyJson = "[]";
    run.metricsJson = compact(metrics);
    Json data = Json::object();
    data["split"] = split;
    if (const Json* clips = train::findMember(metrics, "clips")) data["clips"] = *clips;
    run.dataJson = compact(data);
    run.checkpointPath = checkpointPath;
    run.device = device;
    run.startedMs = startedMs;
    run.endedMs = endedMs;
    return run;
}

TrainingRun startedAblationRun(const std::string& name, const std::string& origin, const train::AblationRequest& request,
                               const std::string& split, std::int64_t startedMs) {
    TrainingRun run;
    run.name = name;
    run.kind = RunKind::Ablation;
    run.status = RunStatus::Running;
    run.origin = origin;
    run.configJson = compact(train::trainConfigToJson(request.config));
    run.historyJson = "[]";
    Json data = Json::object();
    data["split"] = split;
    data["clips"] = request.items.size();
    data["seeds"] = request.seeds;
    data["folds"] = request.folds;
    if (!request.onlyFolds.empty()) data["only_folds"] = request.onlyFolds;
    data["group_by"] = request.groupBy == train::GroupBy::Subject ? "subject" : "video";
    run.dataJson = compact(data);
    run.startedMs = startedMs;
    return run;
}

void finishAblationRun(TrainingRun& run, const train::AblationReport& report, std::int64_t endedMs) {
    run.status = RunStatus::Finished;
    run.metricsJson = compact(train::ablationToJson(report));
    run.endedMs = endedMs;
}

}  // namespace actionlens::runs
