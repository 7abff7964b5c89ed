#pragma once

// A run as one JSON object for `actionlens-cli runs` and exports: every field, with the run's
// config, history, metrics and data embedded as JSON rather than as the text the store keeps.

#include "core/annotation/training_run.h"
#include "core/train/json_text.h"

#include <vector>

namespace actionlens::runs {

// {"id", "name", "kind", "status", "origin", "parent_id", "config", "history", "metrics", "data",
//  "checkpoint", "device", "started_ms", "ended_ms", "message"}. An empty JSON document is null; one
// that does not parse stays a string, so nothing the store holds is lost.
nlohmann::ordered_json runToJson(const annotation::TrainingRun& run);
nlohmann::ordered_json runsToJson(const std::vector<annotation::TrainingRun>& runs);

}  // namespace actionlens::runs
