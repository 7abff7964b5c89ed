#include "core/train/step_profile.h"

#include <cstdio>

namespace actionlens::train {

const char* stepPhaseName(StepPhase phase) {
    switch (phase) {
    case StepPhase::Wait: return "wait for the loader's batch";
    case StepPhase::Upload: return "batch to tensors on the device";
    case StepPhase::Forward: return "forward";
    case StepPhase::Loss: return "loss";
    case StepPhase::ReadBack: return "loss read-back (host sync)";
    case StepPhase::Backward: return "backward";
    case StepPhase::Optimiser: return "optimiser (zero, clip, AdamW)";
    case StepPhase::Other: return "other (callbacks, bookkeeping)";
    case StepPhase::Prepare: return "loader thread: resample, augment, assemble";
    }
    return "?";
}

std::string stepProfileTable(const StepProfile& p) {
    const double steps = p.steps > 0 ? double(p.steps) : 1.0;
    double step = 0.0;
    for (int i = 0; i < kStepPhaseCount; ++i)
        if (StepPhase(i) != StepPhase::Prepare) step += p.seconds[size_t(i)];
    std::string out = "| phase | ms per step | share of the step |\n|---|---|---|\n";
    char line[160];
    auto row = [&](const char* name, double seconds, const char* note) {
        std::snprintf(line, sizeof line, "| %s | %.2f | %.1f %%%s |\n", name, 1e3 * seconds / steps,
                      step > 0.0 ? 100.0 * seconds / step : 0.0, note);
        out += line;
    };
    for (int i = 0; i < kStepPhaseCount; ++i)
        if (StepPhase(i) != StepPhase::Prepare) row(stepPhaseName(StepPhase(i)), p.seconds[size_t(i)], "");
    row("whole step (training thread)", step, "");
    row(stepPhaseName(StepPhase::Prepare), p[StepPhase::Prepare], " (beside the step)");
    std::snprintf(line, sizeof line, "(%lld steps, %lld batches%s)\n", (long long)p.steps, (long long)p.batches,
                  p.synchronised ? ", device synchronised after each phase" : "");
    out += line;
    return out;
}

}  // namespace actionlens::train
