#include "core/model/multi_task_model.h"

#include "core/model/compute_device.h"
#include "core/model/internal/multi_task_network.h"

#include <torch/serialize.h>
#include <torch/cuda.h>

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <optional>
#include <random>

namespace actionlens::model {

namespace {

// Marks our weight files, so that loading some other archive fails with a clear message.
constexpr const char* kFormatKey = "actionlens_format";
constexpr const char* kFormat = "actionlens-multitask-weights-1";

std::vector<float> toVector(const torch::Tensor& t) {
    const torch::Tensor c = t.detach().to(torch::kCPU, torch::kFloat32).contiguous();
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

std::string temporaryPathBeside(const std::string& path) {
    std::random_device random;
    return path + ".tmp-" + std::to_string(random()) + std::to_string(::getpid());
}

// Flushes the file to disk before the rename, so the rename cannot outlive the data.
bool syncFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

}  // namespace

struct MultiTaskModel::Impl {
    ModelConfig config;
    std::optional<SkeletonGraph> graph;  // none for a video-only trunk
    internal::MultiTaskNetwork network;
    const SkeletonGraph* graphPointer() const { return graph ? &*graph : nullptr; }
};

struct ModelAccess {
    static internal::MultiTaskNetwork& network(MultiTaskModel& model) { return model.impl_->network; }
};

internal::MultiTaskNetwork& internal::networkOf(MultiTaskModel& model) { return ModelAccess::network(model); }

Result<MultiTaskModel> MultiTaskModel::create(const ModelConfig& config) {
    if (Status s = validateModelConfig(config); !s) return s.takeError();
    std::optional<SkeletonGraph> graph;
    if (readsSkeleton(config.trunkKind)) {
        Result<SkeletonGraph> built = SkeletonGraph::build(config.layout);
        if (!built) return built.takeError();
        graph = std::move(built).value();
    }
    internal::MultiTaskNetwork network(config, graph ? &*graph : nullptr);
    return MultiTaskModel(std::make_unique<Impl>(Impl{config, std::move(graph), std::move(network)}));
}

MultiTaskModel::MultiTaskModel(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
MultiTaskModel::MultiTaskModel(MultiTaskModel&&) noexcept = default;
MultiTaskModel& MultiTaskModel::operator=(MultiTaskModel&&) noexcept = default;
MultiTaskModel::~MultiTaskModel() = default;

const ModelConfig& MultiTaskModel::config() const { return impl_->config; }

Result<MultiTaskPrediction> MultiTaskModel::forward(const SkeletonBatch& batch) {
    return forward(ModelInput{&batch, nullptr});
}

namespace {

Status checkSkeletonBatch(const ModelConfig& config, const SkeletonBatch& batch) {
    if (batch.joints != config.layout.jointCount)
        return makeError("batch has " + std::to_string(batch.joints) + " joints, the model expects " +
                         std::to_string(config.layout.jointCount));
    if (batch.clips <= 0 || batch.frames <= 0)
        return makeError("batch has " + std::to_string(batch.clips) + " clips of " + std::to_string(batch.frames) +
                         " frames, expected at least one of each");
    const size_t expected = size_t(batch.clips) * config.inputChannels * batch.frames * batch.joints;
    if (batch.values.size() != expected)
        return makeError("batch has " + std::to_string(batch.values.size()) + " values, expected " +
                         std::to_string(expected));
    return Status::success();
}

Status checkVideoBatch(const ModelConfig& config, const VideoBatch& batch) {
    if (batch.clips <= 0 || batch.frames <= 0 || batch.height <= 0 || batch.width <= 0)
        return makeError("video batch has " + std::to_string(batch.clips) + " clips of " + std::to_string(batch.frames) +
                         " frames of " + std::to_string(batch.width) + "x" + std::to_string(batch.height) +
                         ", expected at least one of each");
    if (batch.frames != config.video.frames || batch.height != config.video.size || batch.width != config.video.size)
        return makeError("video batch holds clips of " + std::to_string(batch.frames) + " frames of " +
                         std::to_string(batch.width) + "x" + std::to_string(batch.height) + ", the model reads " +
                         std::to_string(config.video.frames) + " frames of " + std::to_string(config.video.size) + "x" +
                         std::to_string(config.video.size));
    const size_t expected = size_t(batch.clips) * kVideoChannels * batch.frames * batch.height * batch.width;
    if (batch.values.size() != expected)
        return makeError("video batch has " + std::to_string(batch.values.size()) + " values, expected " +
                         std::to_string(expected));
    return Status::success();
}

}  // namespace

Result<MultiTaskPrediction> MultiTaskModel::forward(const ModelInput& input) {
    const ModelConfig& config = impl_->config;
    const bool skeleton = readsSkeleton(config.trunkKind), video = readsVideo(config.trunkKind);
    if (skeleton && !input.skeleton)
        return makeError(std::string("the ") + trunkKindName(config.trunkKind) + " model reads skeletons, but none were given");
    if (video && !input.video)
        return makeError(std::string("the ") + trunkKindName(config.trunkKind) + " model reads video frames, but none were given");
    if (skeleton)
        if (Status s = checkSkeletonBatch(config, *input.skeleton); !s) return s.takeError();
    if (video)
        if (Status s = checkVideoBatch(config, *input.video); !s) return s.takeError();
    if (skeleton && video && input.skeleton->clips != input.video->clips)
        return makeError("the skeleton batch has " + std::to_string(input.skeleton->clips) + " clips, the video batch " +
                         std::to_string(input.video->clips));
    const int clips = skeleton ? input.skeleton->clips : input.video->clips;

    torch::NoGradGuard noGrad;
    internal::MultiTaskNetwork& network = impl_->network;
    network->eval();
    const torch::Device device = network->parameters().front().device();
    torch::Tensor x, v;
    if (skeleton) {
        const SkeletonBatch& b = *input.skeleton;
        x = internal::batchTensor(b.clips, config.inputChannels, b.frames, b.joints, b.values).to(device);
    }
    if (video) {
        const VideoBatch& b = *input.video;
        v = internal::videoTensor(b.clips, b.frames, b.height, b.width, b.values).to(device);
    }
    const internal::NetworkOutput out = network->forward(x, v);
    std::array<int64_t, 3> grid{0, 0, 0};
    if (video) grid = network->videoTrunk()->outputGrid(config.video.frames, config.video.size, config.video.size);

    MultiTaskPrediction prediction;
    prediction.clips = clips;
    for (size_t t = 0; t < config.tasks.size(); ++t) {
        TaskPrediction task;
        task.task = config.tasks[t].name;
        task.classCount = config.tasks[t].classCount;
        task.logits = toVector(out.logits[t]);
        task.probabilities = toVector(torch::softmax(out.logits[t], 1));
        if (skeleton) {
            task.attentionFrames = int(out.attention[t].size(1));
            task.attention = toVector(out.attention[t]);
        }
        if (video) {
            task.videoAttentionFrames = int(grid[0]);
            task.videoAttentionHeight = int(grid[1]);
            task.videoAttentionWidth = int(grid[2]);
            task.videoAttention = toVector(out.videoAttention[t]);
        }
        prediction.tasks.push_back(std::move(task));
    }
    return prediction;
}

Status MultiTaskModel::moveTo(const std::string& device) {
    try {
        const torch::Device target(device);
        if (target.is_cuda() && !torch::cuda::is_available())
            return makeError("device '" + device + "': LibTorch finds no CUDA device (a CPU-only LibTorch, or no GPU)");
        impl_->network->to(target);
    } catch (const c10::Error& e) {
        return makeError("cannot move the model to '" + device + "': " + e.what_without_backtrace());
    }
    return Status::success();
}

std::string MultiTaskModel::device() const {
    return impl_->network->parameters().front().device().str();
}

int64_t MultiTaskModel::parameterCount() const {
    int64_t count = 0;
    for (const torch::Tensor& p : impl_->network->parameters()) count += p.numel();
    return count;
}

Status MultiTaskModel::save(const std::string& path) const {
    const std::string temporary = temporaryPathBeside(path);
    try {
        torch::serialize::OutputArchive archive;
        archive.write(kFormatKey, c10::IValue(std::string(kFormat)));
        impl_->network->save(archive);
        archive.save_to(temporary);
    } catch (const std::exception& e) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        return makeError("cannot write weights to '" + path + "': " + e.what());
    }
    if (!syncFile(temporary)) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        return makeError("cannot write weights to '" + path + "': flushing to disk failed");
    }
    std::error_code error;
    std::filesystem::rename(temporary, path, error);
    if (error) {
        std::error_code ignored;
        std::filesystem::remove(temporary, ignored);
        return makeError("cannot write weights to '" + path + "': " + error.message());
    }
    return Status::success();
}

Status MultiTaskModel::load(const std::string& path) {
    // Loaded into a fresh network first: torch's loading replaces tensors even when their
    // shapes differ, which would leave this model broken if the file belonged to another config.
    internal::MultiTaskNetwork fresh(impl_->config, impl_->graphPointer());
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(path);
        c10::IValue format;
        if (!archive.try_read(kFormatKey, format) || !format.isString() || format.toStringRef() != kFormat)
            return makeError("'" + path + "' is not an ActionLens multi-task weights file");
        fresh->load(archive);
    } catch (const std::exception& e) {
        return makeError("cannot read weights from '" + path + "': " + e.what());
    }

    const internal::MultiTaskNetwork reference(impl_->config, impl_->graphPointer());
    const auto referenceParameters = reference->named_parameters();
    const auto referenceBuffers = reference->named_buffers();
    for (const auto& loaded : {fresh->named_parameters(), fresh->named_buffers()}) {
        for (const auto& item : loaded) {
            const torch::Tensor* expected = referenceParameters.find(item.key());
            if (!expected) expected = referenceBuffers.find(item.key());
            if (expected && expected->sizes() != item.value().sizes())
                return makeError("weights in '" + path + "' belong to a different model: '" + item.key() +
                                 "' has shape " + c10::str(item.value().sizes()) + ", expected " +
                                 c10::str(expected->sizes()));
        }
    }
    fresh->to(impl_->network->parameters().front().device());
    impl_->network = fresh;
    return Status::success();
}

Result<std::string> placeModel(MultiTaskModel& model, const std::string& requested) {
    Result<std::string> device = resolveComputeDevice(requested);
    if (!device) return device.takeError();
    if (Status moved = model.moveTo(device.value()); !moved) return moved.takeError();
    return device;
}

}  // namespace actionlens::model
