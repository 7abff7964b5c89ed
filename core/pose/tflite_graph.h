#pragma once

// TfliteGraph: runs a float TFLite graph (BlazePose's detector and landmark models) with
// LibTorch operators, on CPU or CUDA. Loading folds the constant parts of the graph once
// (FP16 DEQUANTIZE, sparse DENSIFY), converts weight layouts to LibTorch's and checks every
// operator and option it will run; anything it cannot run exactly is refused at load with the
// operator's name, never approximated. LibTorch stays behind the pimpl.

#include "core/common/result.h"
#include "core/pose/tflite_model.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace actionlens::pose {

// A dense float tensor in TFLite's own layout (NHWC for images), row-major.
struct FloatTensor {
    std::vector<std::int64_t> shape;
    std::vector<float> values;
};

struct GraphTensorInfo {
    std::string name;
    std::vector<std::int64_t> shape;
};

struct GraphOptions {
    std::string device = "cpu";  // "cpu", "cuda", "cuda:1" ...
};

class TfliteGraph {
public:
    static Result<TfliteGraph> load(const std::string& path, const GraphOptions& options = {});
    static Result<TfliteGraph> fromModel(const TfliteModel& model, const GraphOptions& options = {});

    TfliteGraph(TfliteGraph&&) noexcept;
    TfliteGraph& operator=(TfliteGraph&&) noexcept;
    ~TfliteGraph();

    const std::vector<GraphTensorInfo>& inputs() const;
    const std::vector<GraphTensorInfo>& outputs() const;
    int outputIndex(const std::string& name) const;  // -1 if absent
    int operatorCount() const;                        // after folding constants

    // Runs the graph. `wanted` names the outputs to compute (indices into outputs(); empty:
    // all); operators that feed none of them are skipped. The result has one tensor per
    // output, empty (no shape) for those not wanted.
    Result<std::vector<FloatTensor>> run(const std::vector<FloatTensor>& inputs, const std::vector<int>& wanted = {});

    struct Impl;

private:
    explicit TfliteGraph(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// LibTorch's intra-op thread count for every graph of the process.
void setInferenceThreads(int threads);
int inferenceThreads();
// Whether LibTorch here can run on CUDA.
bool cudaAvailable();
// Whether CUDA convolutions may use TensorFloat-32 (10-bit mantissa inputs, float32 sums) on GPUs
// that have it: LibTorch's default, several times faster, and about 1e-3 relative error per layer.
// Process-wide (LibTorch keeps one switch), so it also affects training in the same process.
void setCudaTensorFloat32(bool allowed);
bool cudaTensorFloat32();
// A diagnostic: while on, CPU convolutions round their inputs and weights to TF32 first, so any
// machine shows how far CUDA's TF32 alone moves the outputs (pose_graph_bench). Off by default.
void setEmulatedTensorFloat32(bool on);

}  // namespace actionlens::pose
