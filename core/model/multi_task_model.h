#pragma once

// MultiTaskModel: the shared-trunk multi-task network behind a torch-free API, so that the UI
// and the CLI can run, save and load it without including LibTorch (whose headers clash with
// Qt's keywords). Training code reaches the network through core/model/internal/.

#include "core/common/result.h"
#include "core/model/model_config.h"
#include "core/model/skeleton_batch.h"
#include "core/model/video_batch.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace actionlens::model {

struct TaskPrediction {
    std::string task;
    int classCount = 0;
    std::vector<float> logits;         // (clips, classCount)
    std::vector<float> probabilities;  // (clips, classCount), softmax of logits
    int attentionFrames = 0;           // T' (the trunk's output frame count)
    std::vector<float> attention;      // (clips, attentionFrames, joints), sums to 1 per clip; empty without a skeleton trunk
    // Over the video trunk's (time, place) grid; zero / empty without a video trunk.
    int videoAttentionFrames = 0;
    int videoAttentionHeight = 0;  // rows of the grid, top to bottom over the frame
    int videoAttentionWidth = 0;
    std::vector<float> videoAttention;  // (clips, frames, height, width), sums to 1 per clip
};

struct MultiTaskPrediction {
    int clips = 0;
    std::vector<TaskPrediction> tasks;  // in the config's task order
};

class MultiTaskModel {
public:
    // Validates the config and builds the network with freshly initialised weights.
    static Result<MultiTaskModel> create(const ModelConfig& config);

    MultiTaskModel(MultiTaskModel&&) noexcept;
    MultiTaskModel& operator=(MultiTaskModel&&) noexcept;
    ~MultiTaskModel();

    const ModelConfig& config() const;

    // Inference: evaluation mode, no gradients; the batch's joints and channels must match the
    // config. Leaves the network in evaluation mode.
    Result<MultiTaskPrediction> forward(const SkeletonBatch& batch);
    // The same for any trunk: the skeleton batch, the video batch or both, as the config reads.
    Result<MultiTaskPrediction> forward(const ModelInput& input);

    int64_t parameterCount() const;  // learnt scalars (buffers such as batch-norm statistics excluded)

    // Moves the weights to "cpu", "cuda" or "cuda:N"; forward() then runs there (its inputs and
    // outputs stay host arrays). A model is created, loaded and trained-out on the CPU.
    Status moveTo(const std::string& device);
    std::string device() const;

    // Weights only (the config is the caller's): written to a temporary file beside `path`,
    // then renamed over it, so a crash never leaves a truncated weights file.
    Status save(const std::string& path) const;
    // Loads weights saved from a model of the same config. On failure the model is unchanged.
    Status load(const std::string& path);

private:
    struct Impl;
    explicit MultiTaskModel(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
    friend struct ModelAccess;
};

// Moves `model` to the device `requested` names ("auto": CUDA when LibTorch has it, else the
// CPU; "cpu", "cuda", "cuda:N"): the device it now runs on, or why not.
Result<std::string> placeModel(MultiTaskModel& model, const std::string& requested);

}  // namespace actionlens::model
