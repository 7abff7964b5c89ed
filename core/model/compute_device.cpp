#include "core/model/compute_device.h"

#include <torch/cuda.h>
#include <torch/types.h>

namespace actionlens::model {

bool cudaDeviceAvailable() { return torch::cuda::is_available(); }

int cudaDeviceCount() { return cudaDeviceAvailable() ? int(torch::cuda::device_count()) : 0; }

Result<std::string> resolveComputeDevice(const std::string& requested) {
    if (requested == "auto") return std::string(cudaDeviceAvailable() ? "cuda" : "cpu");
    torch::Device device(torch::kCPU);
    try {
        device = torch::Device(requested);
    } catch (const c10::Error&) {
        return makeError("device '" + requested + "' is not one of auto, cpu, cuda or cuda:N");
    }
    if (device.is_cpu()) return std::string("cpu");
    if (!device.is_cuda()) return makeError("device '" + requested + "' is not one of auto, cpu, cuda or cuda:N");
    if (!cudaDeviceAvailable())
        return makeError("device '" + requested + "' was asked for, but LibTorch finds no CUDA device (a CPU-only LibTorch, or no GPU)");
    if (device.has_index() && device.index() >= cudaDeviceCount())
        return makeError("device '" + requested + "' does not exist: LibTorch finds " + std::to_string(cudaDeviceCount()) +
                         " CUDA device(s), numbered from 0");
    return requested;
}

}  // namespace actionlens::model
