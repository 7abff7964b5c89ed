#pragma once

// Where a model runs. Requests name "auto" (CUDA when LibTorch finds a GPU, else the CPU),
// "cpu", "cuda" or "cuda:N"; the answer names the device that will be used, or says why the
// request cannot be met (a CPU-only LibTorch, no GPU, no such GPU, an unknown name).

#include "core/common/result.h"

#include <string>

namespace actionlens::model {

bool cudaDeviceAvailable();
int cudaDeviceCount();

// "cpu", "cuda" or "cuda:N" for a request that can be met here.
Result<std::string> resolveComputeDevice(const std::string& requested);

}  // namespace actionlens::model
