#pragma once

// A process that is not the window records its run in the project through a short-lived
// writer: it takes the project's lock for one insert or update and lets go at once, so a long
// training holds nothing. While the window has the project open the lock is its, and recording
// fails with the lock's message; the run's model file keeps its record (trainingRunFromCheckpoint).

#include "core/annotation/training_run.h"
#include "core/common/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::runs {

// Inserts `run` (id 0; an empty name becomes nextRunName of the project's runs, chosen under the
// lock) or updates the record with its id; sets run.id and run.name. Fails, changing nothing, when
// another process holds the project ("'p.alproj' is open in another ActionLens process (pid N)").
Status recordRun(const std::string& projectPath, annotation::TrainingRun& run);

// The id of the latest training run whose model file is `checkpointPath` (the same file, however
// the path is written), or 0.
std::int64_t trainingRunOfCheckpoint(const std::vector<annotation::TrainingRun>& runs, const std::string& checkpointPath);

}  // namespace actionlens::runs
