#include "core/annotation/training_run.h"

#include <tuple>

namespace actionlens::annotation {

namespace {

constexpr const char* kKindNames[] = {"training", "evaluation", "ablation"};
constexpr const char* kStatusNames[] = {"running", "finished", "stopped", "cancelled", "failed"};

template <typename Enum, size_t N>
bool parseName(const char* const (&names)[N], const std::string& name, Enum* out) {
    for (size_t i = 0; i < N; ++i)
        if (name == names[i]) {
            *out = static_cast<Enum>(i);
            return true;
        }
    return false;
}

}  // namespace

const char* runKindName(RunKind kind) { return kKindNames[static_cast<int>(kind)]; }
const char* runStatusName(RunStatus status) { return kStatusNames[static_cast<int>(status)]; }
bool parseRunKind(const std::string& name, RunKind* kind) { return parseName(kKindNames, name, kind); }
bool parseRunStatus(const std::string& name, RunStatus* status) { return parseName(kStatusNames, name, status); }

bool TrainingRun::operator==(const TrainingRun& o) const {
    auto fields = [](const TrainingRun& r) {
        return std::tie(r.id, r.name, r.kind, r.status, r.origin, r.parentId, r.configJson, r.historyJson, r.metricsJson,
                        r.dataJson, r.checkpointPath, r.device, r.startedMs, r.endedMs, r.message);
    };
    return fields(*this) == fields(o);
}

}  // namespace actionlens::annotation
