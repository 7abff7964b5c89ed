#include "core/pose/tflite_graph.h"

#include "core/pose/internal/graph_step.h"

#include <torch/torch.h>

#include <map>
#include <stdexcept>

namespace actionlens::pose {

using internal::GraphStep;

namespace {

std::vector<std::int64_t> shapeOf(const TfliteTensor& t) { return {t.shape.begin(), t.shape.end()}; }

std::int64_t elementCount(const std::vector<std::int64_t>& shape) {
    std::int64_t n = 1;
    for (std::int64_t d : shape) n *= d;
    return n;
}

std::string shapeText(const std::vector<std::int64_t>& shape) {
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? "," : "") + std::to_string(shape[i]);
    return s + "]";
}

// A constant's bytes as a float (or int64 for INT32/INT64 index tensors) LibTorch tensor in
// TFLite's layout; undefined for types the graph cannot use.
torch::Tensor constantTensor(const TfliteTensor& t) {
    auto bytes = const_cast<std::uint8_t*>(t.data.data());
    const auto shape = shapeOf(t);
    switch (static_cast<TfliteType>(t.type)) {
    case TfliteType::Float32: return torch::from_blob(bytes, shape, torch::kFloat).clone();
    case TfliteType::Float16: return torch::from_blob(bytes, shape, torch::kHalf).to(torch::kFloat);
    case TfliteType::Int32: return torch::from_blob(bytes, shape, torch::kInt).to(torch::kLong);
    case TfliteType::Int64: return torch::from_blob(bytes, shape, torch::kLong).clone();
    default: return {};
    }
}

// Which steps the wanted outputs need, and after which step each tensor is last read.
struct Plan {
    std::vector<std::size_t> steps;
    std::vector<std::vector<std::int32_t>> releaseAfter;  // per entry of steps
};

}  // namespace

struct TfliteGraph::Impl {
    torch::Device device{torch::kCPU};
    std::vector<GraphStep> steps;
    std::map<std::int32_t, torch::Tensor> constants;  // runtime layout, on device
    std::vector<std::int32_t> inputIds, outputIds;
    std::vector<GraphTensorInfo> inputs, outputs;
    std::size_t tensorCount = 0;
    std::map<std::vector<bool>, Plan> plans;

    const Plan& plan(const std::vector<bool>& wanted) {
        auto it = plans.find(wanted);
        if (it != plans.end()) return it->second;
        std::vector<std::int32_t> producer(tensorCount, -1);
        for (std::size_t s = 0; s < steps.size(); ++s) producer[steps[s].output] = static_cast<std::int32_t>(s);
        std::vector<bool> needed(steps.size(), false);
        std::vector<std::int32_t> stack;
        for (std::size_t o = 0; o < outputIds.size(); ++o) {
            if (wanted[o]) stack.push_back(outputIds[o]);
        }
        std::vector<bool> seen(tensorCount, false);
        while (!stack.empty()) {
            const std::int32_t t = stack.back();
            stack.pop_back();
            if (seen[t]) continue;
            seen[t] = true;
            const std::int32_t s = producer[t];
            if (s < 0) continue;
            needed[s] = true;
            for (std::int32_t in : steps[s].inputs) stack.push_back(in);
        }
        Plan p;
        std::vector<std::int32_t> lastUse(tensorCount, -1);
        for (std::size_t s = 0; s < steps.size(); ++s) {
            if (!needed[s]) continue;
            for (std::int32_t in : steps[s].inputs) lastUse[in] = static_cast<std::int32_t>(p.steps.size());
            p.steps.push_back(s);
        }
        p.releaseAfter.resize(p.steps.size());
        std::vector<bool> isOutput(tensorCount, false);
        for (std::int32_t o : outputIds) isOutput[o] = true;
        for (std::size_t t = 0; t < tensorCount; ++t) {
            if (lastUse[t] >= 0 && !isOutput[t] && !constants.count(static_cast<std::int32_t>(t))) p.releaseAfter[lastUse[t]].push_back(static_cast<std::int32_t>(t));
        }
        return plans.emplace(wanted, std::move(p)).first->second;
    }
};

TfliteGraph::TfliteGraph(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TfliteGraph::TfliteGraph(TfliteGraph&&) noexcept = default;
TfliteGraph& TfliteGraph::operator=(TfliteGraph&&) noexcept = default;
TfliteGraph::~TfliteGraph() = default;

const std::vector<GraphTensorInfo>& TfliteGraph::inputs() const { return impl_->inputs; }
const std::vector<GraphTensorInfo>& TfliteGraph::outputs() const { return impl_->outputs; }
int TfliteGraph::operatorCount() const { return static_cast<int>(impl_->steps.size()); }

int TfliteGraph::outputIndex(const std::string& name) const {
    for (std::size_t i = 0; i < impl_->outputs.size(); ++i) {
        if (impl_->outputs[i].name == name) return static_cast<int>(i);
    }
    return -1;
}

Result<TfliteGraph> TfliteGraph::load(const std::string& path, const GraphOptions& options) {
    auto model = readTfliteModel(path);
    if (!model.ok()) return model.takeError();
    return fromModel(model.value(), options);
}

Result<TfliteGraph> TfliteGraph::fromModel(const TfliteModel& model, const GraphOptions& options) {
    auto impl = std::make_unique<Impl>();
    try {
        impl->device = torch::Device(options.device);
    } catch (const std::exception&) {
        return makeError("unknown device '" + options.device + "' (use cpu or cuda)");
    }
    if (impl->device.is_cuda() && !torch::cuda::is_available()) {
        return makeError("device '" + options.device + "' requested but this LibTorch has no usable CUDA");
    }
    if (model.subgraphCount != 1) return makeError(model.source + ": " + std::to_string(model.subgraphCount) + " subgraphs (only single-graph models run)");
    if (model.inputs.size() != 1) return makeError(model.source + ": " + std::to_string(model.inputs.size()) + " graph inputs (expected 1)");
    torch::InferenceMode inference;
    impl->tensorCount = model.tensors.size();
    // Constants as float (TFLite layout), folded through DEQUANTIZE and DENSIFY below.
    std::map<std::int32_t, torch::Tensor> folded;
    auto constantOf = [&](std::int32_t index) -> torch::Tensor {
        auto it = folded.find(index);
        if (it != folded.end()) return it->second;
        const TfliteTensor& t = model.tensors[index];
        if (!t.isConstant()) return {};
        torch::Tensor c = constantTensor(t);
        if (c.defined()) folded.emplace(index, c);
        return c;
    };
    try {
        for (std::size_t i = 0; i < model.operators.size(); ++i) {
            const TfliteOperator& op = model.operators[i];
            const std::string label = "operator " + std::to_string(i) + " (" + op.name + ")";
            if (op.builtinCode == tflite_op::kDequantize || op.builtinCode == tflite_op::kDensify) {
                if (op.inputs.size() != 1 || op.outputs.size() != 1 || op.inputs[0] < 0) throw std::runtime_error(label + ": needs one input and one output");
                const TfliteTensor& in = model.tensors[op.inputs[0]];
                if (op.builtinCode == tflite_op::kDequantize && in.type != static_cast<int>(TfliteType::Float16)) {
                    throw std::runtime_error(label + ": dequantizing " + tfliteTypeName(in.type) + " is not supported (only FLOAT16 weights)");
                }
                torch::Tensor value = constantOf(op.inputs[0]);
                if (!value.defined()) throw std::runtime_error(label + ": its input is computed at run time; only constant weights are folded");
                folded[op.outputs[0]] = value.to(torch::kFloat).reshape(shapeOf(model.tensors[op.outputs[0]]));
                continue;
            }
            impl->steps.push_back(internal::prepareStep(model, i, constantOf, impl->device));
        }
        // Constants that are data operands (not weights) are stored in the runtime layout.
        for (const GraphStep& step : impl->steps) {
            for (std::int32_t in : step.inputs) {
                torch::Tensor c = constantOf(in);
                if (c.defined() && !impl->constants.count(in)) impl->constants.emplace(in, internal::toRuntimeLayout(c.to(torch::kFloat)).to(impl->device));
            }
        }
    } catch (const std::exception& e) {
        return makeError(model.source + ": " + e.what());
    }
    // Every operand must come from the input, a constant or an earlier step.
    std::vector<bool> available(model.tensors.size(), false);
    available[model.inputs[0]] = true;
    for (const auto& c : impl->constants) available[c.first] = true;
    for (const GraphStep& step : impl->steps) {
        for (std::int32_t in : step.inputs) {
            if (!available[in]) return makeError(model.source + ": " + step.label + " reads tensor '" + model.tensors[in].name + "' before anything writes it");
        }
        available[step.output] = true;
    }
    for (std::int32_t o : model.outputs) {
        if (!available[o]) return makeError(model.source + ": output '" + model.tensors[o].name + "' is never computed");
    }
    impl->inputIds = model.inputs;
    impl->outputIds = model.outputs;
    for (std::int32_t i : model.inputs) {
        if (model.tensors[i].type != static_cast<int>(TfliteType::Float32)) return makeError(model.source + ": input of type " + tfliteTypeName(model.tensors[i].type) + " (only FLOAT32)");
        impl->inputs.push_back({model.tensors[i].name, shapeOf(model.tensors[i])});
    }
    for (std::int32_t o : model.outputs) impl->outputs.push_back({model.tensors[o].name, shapeOf(model.tensors[o])});
    return TfliteGraph(std::move(impl));
}

Result<std::vector<FloatTensor>> TfliteGraph::run(const std::vector<FloatTensor>& inputs, const std::vector<int>& wanted) {
    Impl& g = *impl_;
    if (inputs.size() != g.inputs.size()) return makeError("the graph takes " + std::to_string(g.inputs.size()) + " input(s), got " + std::to_string(inputs.size()));
    const FloatTensor& input = inputs[0];
    if (input.shape != g.inputs[0].shape) return makeError("input '" + g.inputs[0].name + "' must have shape " + shapeText(g.inputs[0].shape) + ", got " + shapeText(input.shape));
    if (static_cast<std::int64_t>(input.values.size()) != elementCount(input.shape)) return makeError("input holds " + std::to_string(input.values.size()) + " values for shape " + shapeText(input.shape));
    std::vector<bool> mask(g.outputs.size(), wanted.empty());
    for (int w : wanted) {
        if (w < 0 || w >= static_cast<int>(mask.size())) return makeError("output " + std::to_string(w) + " does not exist");
        mask[w] = true;
    }
    try {
        torch::InferenceMode inference;
        const Plan& plan = g.plan(mask);
        std::vector<torch::Tensor> env(g.tensorCount);
        for (const auto& c : g.constants) env[c.first] = c.second;
        torch::Tensor x = torch::from_blob(const_cast<float*>(input.values.data()), input.shape, torch::kFloat);
        env[g.inputIds[0]] = internal::toRuntimeLayout(x).to(g.device);
        std::vector<torch::Tensor> operands;
        for (std::size_t k = 0; k < plan.steps.size(); ++k) {
            const GraphStep& step = g.steps[plan.steps[k]];
            operands.clear();
            for (std::int32_t in : step.inputs) operands.push_back(env[in]);
            env[step.output] = internal::executeStep(step, operands);
            for (std::int32_t t : plan.releaseAfter[k]) env[t].reset();
        }
        std::vector<FloatTensor> out(g.outputs.size());
        for (std::size_t o = 0; o < g.outputs.size(); ++o) {
            if (!mask[o]) continue;
            torch::Tensor y = internal::toTfliteLayout(env[g.outputIds[o]]).to(torch::kCPU).contiguous();
            out[o].shape = g.outputs[o].shape;
            if (y.numel() != elementCount(out[o].shape)) {
                return makeError("output '" + g.outputs[o].name + "' came out with " + std::to_string(y.numel()) + " values for shape " + shapeText(out[o].shape));
            }
            out[o].values.assign(y.data_ptr<float>(), y.data_ptr<float>() + y.numel());
        }
        return out;
    } catch (const std::exception& e) {
        return makeError(std::string("running the graph failed: ") + e.what());
    }
}

void setInferenceThreads(int threads) { torch::set_num_threads(std::max(1, threads)); }
int inferenceThreads() { return torch::get_num_threads(); }
bool cudaAvailable() { return torch::cuda::is_available(); }
void setCudaTensorFloat32(bool allowed) { at::globalContext().setAllowTF32CuDNN(allowed); }
bool cudaTensorFloat32() { return at::globalContext().allowTF32CuDNN(); }
void setEmulatedTensorFloat32(bool on) { internal::setEmulatedTensorFloat32(on); }

}  // namespace actionlens::pose
