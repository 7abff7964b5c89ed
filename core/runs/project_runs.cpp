#include "core/runs/project_runs.h"

#include "core/annotation/project_store.h"
#include "core/runs/run_record.h"

#include <filesystem>

namespace actionlens::runs {

namespace {

// The file a path names, for comparing paths written differently ("./m.alm", "a/../m.alm").
std::filesystem::path fileIdentity(const std::string& path) {
    std::error_code error;
    std::filesystem::path canonical = std::filesystem::weakly_canonical(path, error);
    if (error) return std::filesystem::path(path).lexically_normal();
    return canonical;
}

}  // namespace

Status recordRun(const std::string& projectPath, annotation::TrainingRun& run) {
    auto store = annotation::ProjectStore::open(projectPath);
    if (!store) return store.takeError();
    if (run.id != 0) {
        if (auto updated = store.value()->updateRun(run); !updated) return updated.takeError();
        return Status::success();
    }
    annotation::TrainingRun named = run;
    if (named.name.empty()) {
        auto existing = store.value()->runs();
        if (!existing) return existing.takeError();
        named.name = nextRunName(existing.value());
    }
    auto id = store.value()->insertRun(named);
    if (!id) return id.takeError();
    run = named;
    run.id = id.value();
    return Status::success();
}

std::int64_t trainingRunOfCheckpoint(const std::vector<annotation::TrainingRun>& runs, const std::string& checkpointPath) {
    if (checkpointPath.empty()) return 0;
    const std::filesystem::path wanted = fileIdentity(checkpointPath);
    std::int64_t found = 0;
    for (const annotation::TrainingRun& run : runs)
        if (run.kind == annotation::RunKind::Training && !run.checkpointPath.empty() && fileIdentity(run.checkpointPath) == wanted)
            found = std::max(found, run.id);
    return found;
}

}  // namespace actionlens::runs
