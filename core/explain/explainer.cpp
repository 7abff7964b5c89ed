#include "core/explain/explainer.h"

#include "core/model/internal/multi_task_network.h"
#include "core/train/mirror_inference.h"

#include <torch/torch.h>

#include <algorithm>

namespace actionlens::explain {

namespace F = torch::nn::functional;
using model::internal::MultiTaskNetwork;
using model::internal::NetworkOutput;

const char* streamName(Stream stream) { return stream == Stream::Video ? "video" : "skeleton"; }

const StreamExplanation* HeadExplanation::stream(Stream s) const {
    for (const StreamExplanation& e : streams)
        if (e.stream == s) return &e;
    return nullptr;
}

namespace {

// Masked copies are run through the network this many at a time.
constexpr int kMaskedBatch = 32;

int blocksOf(int wanted, int frames) { return std::max(1, std::min(wanted, frames)); }

// The one rule of which cell an input element belongs to, for hiding cells (maskedProbabilities)
// and for averaging a map over them (cellImportance): clip frame t of T is in time block
// t * blocks / T, row y of H in band y * side / H (likewise columns). Nearest-neighbour
// upsampling of a cell grid (occlusion's maps) follows the same rule.
size_t skeletonCell(int64_t t, int64_t joint, int64_t frames, int64_t blocks, int64_t joints) {
    return size_t(t * blocks / frames) * size_t(joints) + size_t(joint);
}
size_t videoCell(int64_t t, int64_t y, int64_t x, int64_t frames, int64_t height, int64_t width, int64_t blocks, int64_t side) {
    return (size_t(t * blocks / frames) * size_t(side) + size_t(y * side / height)) * size_t(side) + size_t(x * side / width);
}

ExplanationMap mapOf(const torch::Tensor& grid) {  // (F, R, C)
    const torch::Tensor c = grid.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    ExplanationMap out(int(c.size(0)), int(c.size(1)), int(c.size(2)));
    std::copy(c.data_ptr<float>(), c.data_ptr<float>() + c.numel(), out.values.begin());
    return out;
}

// A CAM from features A and gradients g, both (C, K): (K).
torch::Tensor camOf(ExplanationMethod method, const torch::Tensor& a, const torch::Tensor& g) {
    switch (method) {
    case ExplanationMethod::GradCam: return torch::relu((g.mean(1, true) * a).sum(0));
    case ExplanationMethod::GradCamPlusPlus: {
        const torch::Tensor g2 = g * g, g3 = g2 * g;
        torch::Tensor denominator = 2.0 * g2 + a.sum(1, true) * g3;
        denominator = torch::where(denominator != 0, denominator, torch::ones_like(denominator));
        const torch::Tensor weights = (g2 / denominator * torch::relu(g)).sum(1, true);
        return torch::relu((weights * a).sum(0));
    }
    case ExplanationMethod::HiResCam: return torch::relu((g * a).sum(0));
    case ExplanationMethod::LayerCam: return (torch::relu(g) * a).sum(0);
    default: break;
    }
    return torch::zeros({a.size(1)}, a.options());
}

}  // namespace

struct Explainer::Impl {
    model::MultiTaskModel& model;
    MultiTaskNetwork& network;
    torch::Device device;

    Impl(model::MultiTaskModel& m)
        : model(m), network(model::internal::networkOf(m)), device(network->parameters().front().device()) {}

    torch::Tensor skeletonTensor(const ClipInput& clip) const {
        if (!clip.skeleton.clips) return {};
        const model::SkeletonBatch& b = clip.skeleton;
        return model::internal::batchTensor(b.clips, model::kSkeletonChannels, b.frames, b.joints, b.values).to(device);
    }
    torch::Tensor videoTensor(const ClipInput& clip) const {
        if (!clip.video.clips) return {};
        const model::VideoBatch& b = clip.video;
        return model::internal::videoTensor(b.clips, b.frames, b.height, b.width, b.values).to(device);
    }
    // (H'', W'') of the video trunk's output for the clip.
    std::array<int64_t, 3> videoGrid(const ClipInput& clip) {
        return network->videoTrunk()->outputGrid(clip.video.frames, clip.video.height, clip.video.width);
    }
};

Explainer::Explainer(model::MultiTaskModel& model, const train::ModelSnapshot& snapshot)
    : impl_(std::make_unique<Impl>(model)), snapshot_(snapshot) {}

Explainer::~Explainer() = default;

int Explainer::cellCount(Stream stream, const OcclusionGrid& grid) const {
    if (stream == Stream::Skeleton) return blocksOf(grid.skeletonBlocks, snapshot_.frames) * snapshot_.model.layout.jointCount;
    const int cells = std::max(1, std::min(grid.videoCells, snapshot_.model.video.size));
    return blocksOf(grid.videoBlocks, snapshot_.model.video.frames) * cells * cells;
}

std::vector<float> Explainer::cellImportance(const StreamExplanation& e, const OcclusionGrid& grid) const {
    const ExplanationMap& m = e.map;
    std::vector<double> sum, count;
    if (e.stream == Stream::Skeleton) {
        const int blocks = blocksOf(grid.skeletonBlocks, m.frames);
        sum.assign(size_t(blocks) * m.columns, 0.0);
        count = sum;
        for (int t = 0; t < m.frames; ++t)
            for (int j = 0; j < m.columns; ++j) {
                const size_t cell = skeletonCell(t, j, m.frames, blocks, m.columns);
                sum[cell] += m.at(t, 0, j);
                count[cell] += 1.0;
            }
    } else {
        const int blocks = blocksOf(grid.videoBlocks, m.frames);
        const int cells = std::max(1, std::min(grid.videoCells, m.rows));
        sum.assign(size_t(blocks) * cells * cells, 0.0);
        count = sum;
        for (int t = 0; t < m.frames; ++t)
            for (int y = 0; y < m.rows; ++y)
                for (int x = 0; x < m.columns; ++x) {
                    const size_t cell = videoCell(t, y, x, m.frames, m.rows, m.columns, blocks, cells);
                    sum[cell] += m.at(t, y, x);
                    count[cell] += 1.0;
                }
    }
    std::vector<float> out(sum.size(), 0.0f);
    for (size_t i = 0; i < sum.size(); ++i) out[i] = count[i] > 0 ? float(sum[i] / count[i]) : 0.0f;
    return out;
}

Result<std::vector<std::vector<float>>> Explainer::maskedProbabilities(const ClipInput& clip, Stream stream,
                                                                       const std::vector<ExplainTarget>& targets,
                                                                       const std::vector<std::vector<std::uint8_t>>& masks,
                                                                       const OcclusionGrid& grid) {
    for (const ExplainTarget& t : targets) {
        if (t.task < 0 || size_t(t.task) >= snapshot_.tasks.size()) return makeError("the model has no task " + std::to_string(t.task));
        if (t.targetClass < 0 || size_t(t.targetClass) >= snapshot_.tasks[size_t(t.task)].classNames.size())
            return makeError("task '" + snapshot_.tasks[size_t(t.task)].name + "' has no class " + std::to_string(t.targetClass));
    }
    const torch::Tensor x = impl_->skeletonTensor(clip), v = impl_->videoTensor(clip);
    const torch::Tensor& hiddenInput = stream == Stream::Skeleton ? x : v;
    if (!hiddenInput.defined())
        return makeError(std::string("the clip has no ") + streamName(stream) + " input for this model");
    const size_t cells = size_t(cellCount(stream, grid));
    for (const auto& mask : masks)
        if (mask.size() != cells)
            return makeError("a mask has " + std::to_string(mask.size()) + " cells, the grid " + std::to_string(cells));

    torch::NoGradGuard noGrad;
    impl_->network->eval();
    std::vector<std::vector<float>> out(targets.size());
    for (auto& o : out) o.reserve(masks.size());
    for (size_t start = 0; start < masks.size(); start += kMaskedBatch) {
        const size_t count = std::min(masks.size() - start, size_t(kMaskedBatch));
        // Which input elements each mask keeps, built on the CPU as one (count, ...) weight.
        torch::Tensor keep;
        if (stream == Stream::Skeleton) {
            const int64_t t = x.size(2), joints = x.size(3);
            const int blocks = blocksOf(grid.skeletonBlocks, int(t));
            keep = torch::ones({int64_t(count), 1, t, joints});
            auto k = keep.accessor<float, 4>();
            for (size_t m = 0; m < count; ++m)
                for (int64_t f = 0; f < t; ++f)
                    for (int64_t j = 0; j < joints; ++j)
                        if (masks[start + m][skeletonCell(f, j, t, blocks, joints)]) k[int64_t(m)][0][f][j] = 0.0f;
        } else {
            const int64_t frames = v.size(2), h = v.size(3), w = v.size(4);
            const int blocks = blocksOf(grid.videoBlocks, int(frames));
            const int side = std::max(1, std::min(grid.videoCells, int(h)));
            keep = torch::ones({int64_t(count), 1, frames, h, w});
            auto k = keep.accessor<float, 5>();
            for (size_t m = 0; m < count; ++m)
                for (int64_t f = 0; f < frames; ++f)
                    for (int64_t y = 0; y < h; ++y)
                        for (int64_t xx = 0; xx < w; ++xx)
                            if (masks[start + m][videoCell(f, y, xx, frames, h, w, blocks, side)]) k[int64_t(m)][0][f][y][xx] = 0.0f;
        }
        keep = keep.to(impl_->device);
        torch::Tensor xs = x.defined() ? x.expand({int64_t(count), -1, -1, -1}) : torch::Tensor();
        torch::Tensor vs = v.defined() ? v.expand({int64_t(count), -1, -1, -1, -1}) : torch::Tensor();
        if (stream == Stream::Skeleton) {
            // A hidden joint holds still at its mean position over the clip: its motion, the
            // evidence of an action, is gone, while the skeleton stays whole (a missing joint would
            // also erase the bones of its neighbours, and hiding the centre joint would erase them all).
            const torch::Tensor present = (x.slice(1, 2, 3) > 0).to(x.scalar_type());
            const torch::Tensor mean = (x.slice(1, 0, 2) * present).sum(2, true) / present.sum(2, true).clamp_min(1.0);
            const torch::Tensor xy = xs.slice(1, 0, 2) * keep + mean * (1.0 - keep) * present;
            xs = torch::cat({xy, xs.slice(1, 2, 3)}, 1);
        } else {
            vs = vs * keep;  // a hidden pixel: 0, the normalised mean colour
        }
        const NetworkOutput output = impl_->network->forward(xs, vs);
        for (size_t k = 0; k < targets.size(); ++k) {
            const torch::Tensor p = torch::softmax(output.logits[size_t(targets[k].task)], 1)
                                        .select(1, targets[k].targetClass)
                                        .to(torch::kCPU)
                                        .contiguous();
            out[k].insert(out[k].end(), p.data_ptr<float>(), p.data_ptr<float>() + p.numel());
        }
    }
    return out;
}

Result<std::vector<HeadExplanation>> Explainer::explain(const ClipInput& clip, const std::vector<ExplainTarget>& targets,
                                                        const ExplainOptions& options) {
    if (targets.empty()) return makeError("nothing to explain: no task head chosen");
    Result<model::MultiTaskPrediction> predicted = train::inferBatch(impl_->model, snapshot_, clip.input());
    if (!predicted) return predicted.takeError();
    if (predicted->clips != 1) return makeError("an explanation reads one clip, got " + std::to_string(predicted->clips));

    std::vector<HeadExplanation> out;
    for (const ExplainTarget& target : targets) {
        if (target.task < 0 || size_t(target.task) >= snapshot_.tasks.size())
            return makeError("the model has no task " + std::to_string(target.task));
        const train::DatasetTask& task = snapshot_.tasks[size_t(target.task)];
        const std::vector<float>& p = predicted->tasks[size_t(target.task)].probabilities;
        int cls = target.targetClass;
        if (cls >= int(task.classNames.size()))
            return makeError("task '" + task.name + "' has no class " + std::to_string(cls) + " (it has " +
                             std::to_string(task.classNames.size()) + ")");
        if (cls < 0) cls = int(std::max_element(p.begin(), p.end()) - p.begin());
        HeadExplanation e;
        e.task = target.task;
        e.taskName = task.name;
        e.targetClass = cls;
        e.className = task.classNames[size_t(cls)];
        e.probability = p[size_t(cls)];
        e.method = options.method;
        out.push_back(std::move(e));
    }

    const bool skeleton = clip.skeleton.clips > 0, video = clip.video.clips > 0;
    const torch::Tensor x = impl_->skeletonTensor(clip), v = impl_->videoTensor(clip);
    std::array<int64_t, 3> grid{0, 0, 0};
    if (video) grid = impl_->videoGrid(clip);
    // Raw grids per head and stream: skeleton (T', 1, V), video (T'', H'', W'').
    std::vector<std::vector<torch::Tensor>> raw(out.size());
    auto shapeStreams = [&](const std::vector<torch::Tensor>& perStream, size_t head) {
        size_t s = 0;
        if (skeleton) {
            const torch::Tensor m = perStream[s++];  // (T', V)
            raw[head].push_back(m.unsqueeze(1));
        }
        if (video) raw[head].push_back(perStream[s].view({grid[0], grid[1], grid[2]}));
    };

    impl_->network->eval();
    if (isGradientMethod(options.method)) {
        torch::AutoGradMode enable(true);
        const NetworkOutput output = impl_->network->forward(x, v);
        for (size_t h = 0; h < out.size(); ++h) {
            const torch::Tensor score = output.logits[size_t(out[h].task)].select(0, 0).select(0, out[h].targetClass);
            const std::vector<torch::Tensor> grads = torch::autograd::grad({score}, output.features, {},
                                                                           /*retain_graph=*/h + 1 < out.size(),
                                                                           /*create_graph=*/false, /*allow_unused=*/true);
            std::vector<torch::Tensor> maps;
            for (size_t s = 0; s < output.features.size(); ++s) {
                const torch::Tensor a = output.features[s].detach().select(0, 0);  // (C, T', K)
                const int64_t frames = a.size(1), k = a.size(2);
                const torch::Tensor g = grads[s].defined() ? grads[s].select(0, 0) : torch::zeros_like(a);
                maps.push_back(camOf(options.method, a.reshape({a.size(0), frames * k}), g.reshape({a.size(0), frames * k}))
                                   .view({frames, k}));
            }
            shapeStreams(maps, h);
        }
    } else if (options.method == ExplanationMethod::Attention) {
        // The heads' weights on the clip as it is: the prediction above has them already.
        for (size_t h = 0; h < out.size(); ++h) {
            const model::TaskPrediction& task = predicted->tasks[size_t(out[h].task)];
            std::vector<torch::Tensor> maps;
            if (skeleton)
                maps.push_back(torch::tensor(task.attention, torch::kFloat32).view({task.attentionFrames, clip.skeleton.joints}));
            if (video)
                maps.push_back(torch::tensor(task.videoAttention, torch::kFloat32)
                                   .view({task.videoAttentionFrames, task.videoAttentionHeight * task.videoAttentionWidth}));
            shapeStreams(maps, h);
        }
    } else {
        // Occlusion: one masked forward pass per cell serves every head.
        std::vector<ExplainTarget> explained;
        for (const HeadExplanation& e : out) explained.push_back(ExplainTarget{e.task, e.targetClass});
        for (Stream stream : {Stream::Skeleton, Stream::Video}) {
            if ((stream == Stream::Skeleton && !skeleton) || (stream == Stream::Video && !video)) continue;
            const int cells = cellCount(stream, options.occlusion);
            std::vector<std::vector<std::uint8_t>> masks(size_t(cells) + 1, std::vector<std::uint8_t>(size_t(cells), 0));
            for (int c = 0; c < cells; ++c) masks[size_t(c) + 1][size_t(c)] = 1;
            Result<std::vector<std::vector<float>>> p = maskedProbabilities(clip, stream, explained, masks, options.occlusion);
            if (!p) return p.takeError();
            for (size_t h = 0; h < out.size(); ++h) {
                const std::vector<float>& ph = p.value()[h];
                torch::Tensor drop = ph.front() - torch::tensor(std::vector<float>(ph.begin() + 1, ph.end()));
                if (stream == Stream::Skeleton) {
                    const int64_t blocks = blocksOf(options.occlusion.skeletonBlocks, clip.skeleton.frames);
                    raw[h].push_back(drop.view({blocks, 1, clip.skeleton.joints}));
                } else {
                    const int64_t blocks = blocksOf(options.occlusion.videoBlocks, clip.video.frames);
                    const int64_t side = std::max(1, std::min(options.occlusion.videoCells, clip.video.height));
                    raw[h].push_back(drop.view({blocks, side, side}));
                }
            }
        }
    }

    for (size_t h = 0; h < out.size(); ++h) {
        size_t s = 0;
        for (Stream stream : {Stream::Skeleton, Stream::Video}) {
            if ((stream == Stream::Skeleton && !skeleton) || (stream == Stream::Video && !video)) continue;
            const torch::Tensor r = raw[h][s++].detach().to(torch::kCPU, torch::kFloat32);
            torch::Tensor full;
            const bool cells = options.method == ExplanationMethod::Occlusion;
            if (stream == Stream::Skeleton) {
                const int64_t frames = clip.skeleton.frames, joints = clip.skeleton.joints;
                if (cells) {
                    // Each clip frame takes its block's value.
                    std::vector<int64_t> block(size_t(frames), 0);
                    for (int64_t t = 0; t < frames; ++t) block[size_t(t)] = t * r.size(0) / frames;
                    full = r.index_select(0, torch::tensor(block, torch::kInt64));
                } else {
                    // Linear in time: (1, V, T') -> (1, V, T).
                    full = F::interpolate(r.squeeze(1).t().unsqueeze(0),
                                          F::InterpolateFuncOptions().size(std::vector<int64_t>{frames}).mode(torch::kLinear).align_corners(false))
                               .squeeze(0)
                               .t()
                               .unsqueeze(1);
                }
                full = full.reshape({frames, 1, joints});
            } else {
                const std::vector<int64_t> size{clip.video.frames, clip.video.height, clip.video.width};
                full = F::interpolate(r.unsqueeze(0).unsqueeze(0),
                                      cells ? F::InterpolateFuncOptions().size(size).mode(torch::kNearest)
                                            : F::InterpolateFuncOptions().size(size).mode(torch::kTrilinear).align_corners(false))
                           .squeeze(0)
                           .squeeze(0);
            }
            StreamExplanation e;
            e.stream = stream;
            e.raw = mapOf(r);
            const ExplanationMap upsampled = mapOf(full);
            e.map = normaliseMap(upsampled, options.normalisation);
            e.temporal = temporalImportance(normaliseMap(upsampled, MapNormalisation::PerClip));
            out[h].streams.push_back(std::move(e));
        }
    }
    return out;
}

}  // namespace actionlens::explain
