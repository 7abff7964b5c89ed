#pragma once

// GraphStep: one TFLite operator prepared for LibTorch: weights already in LibTorch's layout
// on the target device, padding resolved from the static shapes, options checked. Internal to
// core/pose (includes LibTorch).

#include "core/pose/tflite_model.h"

#include <torch/torch.h>

#include <array>
#include <functional>
#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::pose::internal {

enum class StepKind { Conv, Add, Pad, MaxPool, ResizeBilinear, Logistic, Reshape, Concatenation, DepthToSpace };

struct GraphStep {
    StepKind kind = StepKind::Conv;
    std::string label;                // "operator 12 (CONV_2D)" for messages
    std::vector<std::int32_t> inputs;  // tensor indices of the data operands
    std::int32_t output = -1;

    int activation = 0;  // TfliteActivation code, checked supported
    // Conv / MaxPool
    torch::Tensor weight, bias;
    std::int64_t strideH = 1, strideW = 1, dilationH = 1, dilationW = 1, groups = 1, kernelH = 1, kernelW = 1;
    // Explicit padding (left, right, top, bottom) in pixels; symmetric SAME goes to the op itself.
    std::array<std::int64_t, 4> padding{0, 0, 0, 0};
    bool explicitPad = false;
    // Pad: constant_pad_nd's list (last dimension first) in the runtime layout.
    std::vector<std::int64_t> padList;
    // Resize / Reshape: output size; Concatenation: axis in the runtime layout.
    std::vector<std::int64_t> outputShape;  // TFLite (NHWC) order
    bool alignCorners = false;
    std::int64_t axis = 0;
    std::int64_t blockSize = 0;
};

// Rank-4 activations run with NCHW sizes (LibTorch's convolution API) over channels-last
// memory; everything else keeps TFLite's layout. These convert between the two.
torch::Tensor toRuntimeLayout(const torch::Tensor& nhwcOrOther);
torch::Tensor toTfliteLayout(const torch::Tensor& runtime);

// Checks the operator and prepares it; throws std::runtime_error naming what is unsupported.
// `constantOf(i)` gives constant tensor i as float (undefined tensor when not constant).
GraphStep prepareStep(const TfliteModel& model, std::size_t operatorIndex,
                      const std::function<torch::Tensor(std::int32_t)>& constantOf, const torch::Device& device);

torch::Tensor executeStep(const GraphStep& step, const std::vector<torch::Tensor>& operands);

// While set, convolutions on the CPU round their inputs and weights to TensorFloat-32 (10-bit
// mantissa, round to nearest) before a float32 convolution, as CUDA's TF32 tensor cores do: shows
// on any machine how far TF32 alone moves a model's outputs (pose::setEmulatedTensorFloat32).
void setEmulatedTensorFloat32(bool on);
bool emulatedTensorFloat32();

}  // namespace actionlens::pose::internal
