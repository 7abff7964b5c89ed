#pragma once

// Where a training step's time goes (issue 20): the trainer adds each phase's time to a
// StepProfile when the request carries one, and train_bench --profile prints it as a table.
// Plain numbers only, so that the CLI or a benchmark can read them without LibTorch.

#include <array>
#include <cstdint>
#include <string>

namespace actionlens::train {

// The phases of a step on the training thread, in the order they happen, and the loader
// thread's preparation of the batches, which overlaps them.
enum class StepPhase {
    Wait,       // the training thread waits for the loader's next batch
    Upload,     // the batch's values and labels into tensors on the training device
    Forward,    // the network's forward pass
    Loss,       // the objective (task losses, weighting, hierarchy terms)
    ReadBack,   // losses read back to the host (the NaN check, the epoch's task losses)
    Backward,   // gradients (with PCGrad or GradNorm when configured)
    Optimiser,  // learning rate, zeroing, gradient averaging, clipping, AdamW's step
    Other,      // callbacks and bookkeeping between the phases
    Prepare,    // loader thread: resampling, normalisation, augmentation, batch assembly
};
constexpr int kStepPhaseCount = 9;

const char* stepPhaseName(StepPhase phase);

struct StepProfile {
    std::array<double, kStepPhaseCount> seconds{};  // per phase, summed over the timed steps
    std::int64_t steps = 0;    // optimiser steps timed
    std::int64_t batches = 0;  // batches they trained on
    // On CUDA each phase ends with a device synchronisation, so that a phase is charged with its
    // own kernels rather than with whichever later call waits for them; timing then costs speed.
    bool synchronised = false;

    double& operator[](StepPhase phase) { return seconds[size_t(phase)]; }
    double operator[](StepPhase phase) const { return seconds[size_t(phase)]; }
};

// A Markdown table: each phase in ms per step and as a share of the training thread's step
// (the loader's preparation as a share too, though it runs beside the step, not inside it).
std::string stepProfileTable(const StepProfile& profile);

}  // namespace actionlens::train
