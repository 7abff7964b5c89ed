#include "core/train/internal/phase_clock.h"

#include <torch/cuda.h>

namespace actionlens::train::internal {

PhaseClock::PhaseClock(StepProfile* profile, const torch::Device& device)
    : profile_(profile), synchronise_(profile && device.is_cuda()) {
    if (profile_) profile_->synchronised = synchronise_;
    restart();
}

std::chrono::steady_clock::time_point PhaseClock::now() const {
    if (synchronise_) torch::cuda::synchronize();
    return std::chrono::steady_clock::now();
}

void PhaseClock::restart() {
    if (profile_) mark_ = now();
}

void PhaseClock::charge(StepPhase phase) {
    if (!profile_) return;
    const auto at = now();
    (*profile_)[phase] += std::chrono::duration<double>(at - mark_).count();
    mark_ = at;
}

}  // namespace actionlens::train::internal
