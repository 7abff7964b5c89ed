#include "core/runs/run_json.h"

namespace actionlens::runs {

namespace {

nlohmann::ordered_json embedded(const std::string& text) {
    if (text.empty()) return nullptr;
    Result<nlohmann::ordered_json> parsed = train::parseJson(text);
    if (!parsed) return text;
    return std::move(parsed).value();
}

}  // namespace

nlohmann::ordered_json runToJson(const annotation::TrainingRun& run) {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    out["id"] = run.id;
    out["name"] = run.name;
    out["kind"] = annotation::runKindName(run.kind);
    out["status"] = annotation::runStatusName(run.status);
    out["origin"] = run.origin;
    out["parent_id"] = run.parentId;
    out["config"] = embedded(run.configJson);
    out["history"] = embedded(run.historyJson);
    out["metrics"] = embedded(run.metricsJson);
    out["data"] = embedded(run.dataJson);
    out["checkpoint"] = run.checkpointPath;
    out["device"] = run.device;
    out["started_ms"] = run.startedMs;
    out["ended_ms"] = run.endedMs;
    out["message"] = run.message;
    return out;
}

nlohmann::ordered_json runsToJson(const std::vector<annotation::TrainingRun>& runs) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const annotation::TrainingRun& run : runs) out.push_back(runToJson(run));
    return out;
}

}  // namespace actionlens::runs
