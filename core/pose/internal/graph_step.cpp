#include "core/pose/internal/graph_step.h"

#include <atomic>
#include <limits>
#include <stdexcept>

namespace actionlens::pose::internal {

namespace {

[[noreturn]] void refuse(const std::string& label, const std::string& what) {
    throw std::runtime_error(label + ": " + what);
}

std::vector<std::int64_t> shapeOf(const TfliteTensor& t) { return {t.shape.begin(), t.shape.end()}; }

// TensorFlow's SAME padding: output = ceil(input / stride); when the total is odd the extra
// pixel goes after (bottom/right), which LibTorch's symmetric padding cannot express.
std::pair<std::int64_t, std::int64_t> samePadding(std::int64_t input, std::int64_t kernel, std::int64_t stride, std::int64_t dilation) {
    const std::int64_t output = (input + stride - 1) / stride;
    const std::int64_t total = std::max<std::int64_t>((output - 1) * stride + (kernel - 1) * dilation + 1 - input, 0);
    return {total / 2, total - total / 2};
}

void checkActivation(const std::string& label, int activation) {
    switch (static_cast<TfliteActivation>(activation)) {
    case TfliteActivation::None:
    case TfliteActivation::Relu:
    case TfliteActivation::ReluMinus1To1:
    case TfliteActivation::Relu6:
    case TfliteActivation::Tanh: return;
    default: refuse(label, "fused activation " + tfliteActivationName(activation) + " is not supported");
    }
}

torch::Tensor applyActivation(torch::Tensor x, int activation) {
    switch (static_cast<TfliteActivation>(activation)) {
    case TfliteActivation::Relu: return x.clamp_min_(0);
    case TfliteActivation::ReluMinus1To1: return x.clamp_(-1, 1);
    case TfliteActivation::Relu6: return x.clamp_(0, 6);
    case TfliteActivation::Tanh: return x.tanh_();
    default: return x;
    }
}

void resolvePadding(GraphStep& step, TflitePadding padding, const std::vector<std::int32_t>& inputShape) {
    if (padding == TflitePadding::Valid) return;
    if (padding != TflitePadding::Same) refuse(step.label, "padding mode " + std::to_string(static_cast<int>(padding)) + " is not supported");
    const auto [top, bottom] = samePadding(inputShape[1], step.kernelH, step.strideH, step.dilationH);
    const auto [left, right] = samePadding(inputShape[2], step.kernelW, step.strideW, step.dilationW);
    step.padding = {left, right, top, bottom};
    step.explicitPad = true;
}

void prepareConv(GraphStep& step, const TfliteModel& model, const TfliteOperator& op,
                 const std::function<torch::Tensor(std::int32_t)>& constantOf, const torch::Device& device) {
    const bool depthwise = op.builtinCode == tflite_op::kDepthwiseConv2d;
    if (op.inputs.size() < 2) refuse(step.label, "needs an input and a filter");
    const TfliteTensor& input = model.tensors[op.inputs[0]];
    if (input.shape.size() != 4) refuse(step.label, "input must have rank 4, has " + std::to_string(input.shape.size()));
    torch::Tensor filter = constantOf(op.inputs[1]);
    if (!filter.defined()) refuse(step.label, "filter computed at run time is not supported (it must be a constant)");
    if (filter.dim() != 4) refuse(step.label, "filter must have rank 4");
    const std::int64_t inChannels = input.shape[3];
    if (depthwise) {
        // 1 x H x W x (C*m) -> (C*m) x 1 x H x W; output channel c*m+k reads input channel c.
        if (filter.size(0) != 1) refuse(step.label, "depthwise filter must start with 1");
        if (filter.size(3) != inChannels * op.options.depthMultiplier) refuse(step.label, "filter channels do not match input channels x depth multiplier");
        step.weight = filter.permute({3, 0, 1, 2});
        step.groups = inChannels;
    } else {
        // O x H x W x I -> O x I x H x W; I < input channels means grouped convolution.
        const std::int64_t perGroup = filter.size(3);
        if (perGroup <= 0 || inChannels % perGroup != 0) refuse(step.label, "filter input channels do not divide the input's");
        step.weight = filter.permute({0, 3, 1, 2});
        step.groups = inChannels / perGroup;
    }
    if (op.inputs.size() > 2 && op.inputs[2] >= 0) {
        step.bias = constantOf(op.inputs[2]);
        if (!step.bias.defined()) refuse(step.label, "bias computed at run time is not supported");
        if (step.bias.numel() != step.weight.size(0)) refuse(step.label, "bias size does not match the output channels");
        step.bias = step.bias.reshape({-1}).to(device);
    }
    step.weight = step.weight.contiguous(at::MemoryFormat::ChannelsLast).to(device);
    step.kernelH = step.weight.size(2);
    step.kernelW = step.weight.size(3);
    step.strideH = op.options.strideH;
    step.strideW = op.options.strideW;
    step.dilationH = op.options.dilationH;
    step.dilationW = op.options.dilationW;
    if (step.strideH < 1 || step.strideW < 1 || step.dilationH < 1 || step.dilationW < 1) refuse(step.label, "stride and dilation must be positive");
    step.activation = op.options.activation;
    resolvePadding(step, op.options.padding, input.shape);
    step.inputs = {op.inputs[0]};
}

// SAME padding: symmetric goes to the operator's own padding argument (*symmetric), an
// asymmetric one is applied here with `value` (0 for convolution, -inf for max pooling).
torch::Tensor padForSame(const GraphStep& step, const torch::Tensor& x, double value, std::vector<std::int64_t>* symmetric) {
    *symmetric = {0, 0};
    if (!step.explicitPad) return x;
    const auto& p = step.padding;  // left, right, top, bottom
    if (p[0] == p[1] && p[2] == p[3]) {
        *symmetric = {p[2], p[0]};
        return x;
    }
    return torch::constant_pad_nd(x, {p[0], p[1], p[2], p[3]}, value).contiguous(at::MemoryFormat::ChannelsLast);
}

}  // namespace

// NCHW sizes over NHWC memory (LibTorch's channels-last): TFLite's own memory order, and for
// these networks (depthwise 5x5 convolutions) oneDNN's faster one: the detector ran 2-3x faster
// than on NCHW memory on the development machine.
torch::Tensor toRuntimeLayout(const torch::Tensor& t) {
    return t.dim() == 4 ? t.permute({0, 3, 1, 2}).contiguous(at::MemoryFormat::ChannelsLast) : t;
}
torch::Tensor toTfliteLayout(const torch::Tensor& t) { return t.dim() == 4 ? t.permute({0, 2, 3, 1}).contiguous() : t; }

GraphStep prepareStep(const TfliteModel& model, std::size_t operatorIndex,
                      const std::function<torch::Tensor(std::int32_t)>& constantOf, const torch::Device& device) {
    const TfliteOperator& op = model.operators[operatorIndex];
    GraphStep step;
    step.label = "operator " + std::to_string(operatorIndex) + " (" + op.name + ")";
    if (op.outputs.size() != 1) refuse(step.label, "has " + std::to_string(op.outputs.size()) + " outputs, expected 1");
    step.output = op.outputs[0];
    const TfliteTensor& out = model.tensors[step.output];
    if (out.type != static_cast<int>(TfliteType::Float32)) refuse(step.label, "output of type " + tfliteTypeName(out.type) + " (only FLOAT32 graphs run)");
    step.outputShape = shapeOf(out);
    auto needInputs = [&](std::size_t n) {
        if (op.inputs.size() < n) refuse(step.label, "has " + std::to_string(op.inputs.size()) + " inputs, needs " + std::to_string(n));
        for (std::size_t i = 0; i < n; ++i) {
            if (op.inputs[i] < 0) refuse(step.label, "input " + std::to_string(i) + " is missing");
        }
    };
    using namespace tflite_op;
    switch (op.builtinCode) {
    case kConv2d:
    case kDepthwiseConv2d:
        step.kind = StepKind::Conv;
        prepareConv(step, model, op, constantOf, device);
        break;
    case kAdd:
        step.kind = StepKind::Add;
        needInputs(2);
        step.inputs = {op.inputs[0], op.inputs[1]};
        step.activation = op.options.activation;
        break;
    case kPad: {
        step.kind = StepKind::Pad;
        needInputs(2);
        const torch::Tensor paddings = constantOf(op.inputs[1]);
        const auto rank = static_cast<std::int64_t>(model.tensors[op.inputs[0]].shape.size());
        if (!paddings.defined() || paddings.numel() != 2 * rank) refuse(step.label, "paddings must be a constant [rank, 2]");
        const auto p = paddings.to(torch::kLong).reshape({rank, 2});
        // constant_pad_nd lists the last dimension first; rank 4 runs as NCHW (W, H, C, N).
        std::vector<std::int64_t> order;
        if (rank == 4) {
            order = {2, 1, 3, 0};
        } else {
            for (std::int64_t d = rank - 1; d >= 0; --d) order.push_back(d);
        }
        for (std::int64_t d : order) {
            const std::int64_t before = p[d][0].item<std::int64_t>(), after = p[d][1].item<std::int64_t>();
            if (before < 0 || after < 0) refuse(step.label, "negative padding");
            step.padList.push_back(before);
            step.padList.push_back(after);
        }
        step.inputs = {op.inputs[0]};
        break;
    }
    case kMaxPool2d: {
        step.kind = StepKind::MaxPool;
        needInputs(1);
        const TfliteTensor& input = model.tensors[op.inputs[0]];
        if (input.shape.size() != 4) refuse(step.label, "input must have rank 4");
        step.kernelH = op.options.filterH;
        step.kernelW = op.options.filterW;
        step.strideH = op.options.strideH;
        step.strideW = op.options.strideW;
        if (step.kernelH < 1 || step.kernelW < 1 || step.strideH < 1 || step.strideW < 1) refuse(step.label, "filter and stride must be positive");
        step.activation = op.options.activation;
        resolvePadding(step, op.options.padding, input.shape);
        step.inputs = {op.inputs[0]};
        break;
    }
    case kResizeBilinear:
        step.kind = StepKind::ResizeBilinear;
        needInputs(1);
        if (step.outputShape.size() != 4) refuse(step.label, "output must have rank 4");
        if (op.options.alignCorners && op.options.halfPixelCenters) refuse(step.label, "align_corners together with half_pixel_centers is not supported");
        if (!op.options.alignCorners && !op.options.halfPixelCenters) {
            // TensorFlow's legacy mapping (src = dst * scale) has no LibTorch equivalent.
            refuse(step.label, "the legacy mapping (neither half_pixel_centers nor align_corners) is not supported");
        }
        step.alignCorners = op.options.alignCorners;
        step.inputs = {op.inputs[0]};
        break;
    case kLogistic:
        step.kind = StepKind::Logistic;
        needInputs(1);
        step.inputs = {op.inputs[0]};
        break;
    case kReshape:
        step.kind = StepKind::Reshape;
        needInputs(1);
        if (model.tensors[op.inputs[0]].elementCount() != out.elementCount()) refuse(step.label, "changes the number of elements");
        step.inputs = {op.inputs[0]};
        break;
    case kConcatenation: {
        step.kind = StepKind::Concatenation;
        needInputs(1);
        const auto rank = static_cast<std::int64_t>(step.outputShape.size());
        std::int64_t axis = op.options.axis < 0 ? op.options.axis + rank : op.options.axis;
        if (axis < 0 || axis >= rank) refuse(step.label, "axis " + std::to_string(op.options.axis) + " outside rank " + std::to_string(rank));
        static const std::int64_t nhwcToNchw[4] = {0, 2, 3, 1};
        step.axis = rank == 4 ? nhwcToNchw[axis] : axis;
        step.activation = op.options.activation;
        step.inputs = op.inputs;
        break;
    }
    case kDepthToSpace: {
        step.kind = StepKind::DepthToSpace;
        needInputs(1);
        const TfliteTensor& input = model.tensors[op.inputs[0]];
        step.blockSize = op.options.blockSize;
        if (input.shape.size() != 4 || step.blockSize < 1 || input.shape[3] % (step.blockSize * step.blockSize) != 0) {
            refuse(step.label, "needs a rank-4 input whose channels divide by block size squared");
        }
        step.inputs = {op.inputs[0]};
        break;
    }
    default:
        refuse(step.label, "operator " + op.name + " is not supported by this executor");
    }
    checkActivation(step.label, step.activation);
    return step;
}

namespace {

std::atomic<bool> emulateTensorFloat32{false};

// float32 -> the nearest TF32 value (sign, 8-bit exponent, 10-bit mantissa), kept as float32:
// add half of the dropped 13 bits' unit, then clear them (ties round away from zero, as the
// GPU's conversion does). Finite inputs only, which a model's activations are.
torch::Tensor roundedToTensorFloat32(const torch::Tensor& x) {
    const torch::Tensor bits = x.contiguous().view(torch::kInt32);
    return ((bits + 0x1000).bitwise_and(~std::int32_t(0x1FFF))).view(torch::kFloat32).view(x.sizes());
}

}  // namespace

void setEmulatedTensorFloat32(bool on) { emulateTensorFloat32 = on; }
bool emulatedTensorFloat32() { return emulateTensorFloat32; }

torch::Tensor executeStep(const GraphStep& step, const std::vector<torch::Tensor>& x) {
    switch (step.kind) {
    case StepKind::Conv: {
        std::vector<std::int64_t> pad;
        torch::Tensor in = padForSame(step, x[0], 0.0, &pad);
        torch::Tensor weight = step.weight;
        if (emulateTensorFloat32 && in.device().is_cpu()) {
            in = roundedToTensorFloat32(in).contiguous(at::MemoryFormat::ChannelsLast);
            weight = roundedToTensorFloat32(weight).contiguous(at::MemoryFormat::ChannelsLast);
        }
        torch::Tensor y = torch::conv2d(in, weight, step.bias, {step.strideH, step.strideW}, pad,
                                        {step.dilationH, step.dilationW}, step.groups);
        return applyActivation(y, step.activation);
    }
    case StepKind::Add: {
        torch::Tensor a = x[0], b = x[1];
        // A lower-rank operand broadcasts against NHWC's trailing axes: bring it to NCHW too.
        if (a.dim() == 4 && b.dim() < 4) b = toRuntimeLayout(b.reshape({1, 1, 1, -1}).expand({1, 1, 1, b.numel()}));
        if (b.dim() == 4 && a.dim() < 4) a = toRuntimeLayout(a.reshape({1, 1, 1, -1}).expand({1, 1, 1, a.numel()}));
        return applyActivation(a + b, step.activation);
    }
    case StepKind::Pad: {
        torch::Tensor y = torch::constant_pad_nd(x[0], step.padList, 0);
        return y.dim() == 4 ? y.contiguous(at::MemoryFormat::ChannelsLast) : y;
    }
    case StepKind::MaxPool: {
        std::vector<std::int64_t> pad;
        const torch::Tensor in = padForSame(step, x[0], -std::numeric_limits<double>::infinity(), &pad);
        return applyActivation(torch::max_pool2d(in, {step.kernelH, step.kernelW}, {step.strideH, step.strideW}, pad), step.activation);
    }
    case StepKind::ResizeBilinear:
        return torch::upsample_bilinear2d(x[0], {step.outputShape[1], step.outputShape[2]}, step.alignCorners);
    case StepKind::Logistic: return torch::sigmoid(x[0]);
    case StepKind::Reshape: {
        torch::Tensor y = toTfliteLayout(x[0]).reshape(step.outputShape);
        return toRuntimeLayout(y);
    }
    case StepKind::Concatenation: return applyActivation(torch::cat(x, step.axis), step.activation);
    case StepKind::DepthToSpace: {
        // TFLite: out[n, h*b+i, w*b+j, c] = in[n, h, w, (i*b+j)*C + c] (pixel_shuffle orders c first).
        const torch::Tensor& in = x[0];
        const std::int64_t n = in.size(0), c = in.size(1), h = in.size(2), w = in.size(3), b = step.blockSize;
        return in.reshape({n, b, b, c / (b * b), h, w})
            .permute({0, 3, 4, 1, 5, 2})
            .reshape({n, c / (b * b), h * b, w * b})
            .contiguous(at::MemoryFormat::ChannelsLast);
    }
    }
    throw std::runtime_error(step.label + ": unknown step");
}

}  // namespace actionlens::pose::internal
