#pragma once

// INTERNAL (includes LibTorch): for core/train's .cpp files and tests only.
//
// Charges the time between two calls to a StepProfile's phase. Free when no profile is asked
// for. On CUDA it synchronises the device before reading the clock: kernels run asynchronously,
// so without it a phase would look free and the next call that waits (a read-back) would be
// charged with all of them.

#include "core/train/step_profile.h"

#include <torch/types.h>

#include <chrono>

namespace actionlens::train::internal {

class PhaseClock {
public:
    PhaseClock(StepProfile* profile, const torch::Device& device);
    void restart();              // a phase starts now; the time since the last mark is not charged
    void charge(StepPhase phase);  // the time since the last mark goes to `phase`; a new one starts
    bool active() const { return profile_ != nullptr; }

private:
    std::chrono::steady_clock::time_point now() const;

    StepProfile* profile_;
    bool synchronise_;
    std::chrono::steady_clock::time_point mark_;
};

}  // namespace actionlens::train::internal
