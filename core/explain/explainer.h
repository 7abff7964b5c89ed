#pragma once

// Explains a trained model's task heads on one clip: which joints at which moments (skeleton
// trunk) and which places at which moments (video trunk) the head's decision rests on.
//
// LibTorch has no module hooks, so the network hands out the trunk features its heads read
// (NetworkOutput::features); the gradient methods take one backward pass per head and class
// (torch::autograd::grad of the class's logit with respect to those features). Attention reads
// the head's own pooling weights; occlusion hides cells of the input (a joint held still at its
// mean position over a block of frames; a space-time block of the frames greyed) and measures the
// class probability lost.
//
// Maps come on the trunk's grid (raw) and at the clip's input resolution (upsampled linearly in
// time for the skeleton, trilinearly for the video), scaled to [0, 1] for display.

#include "core/common/result.h"
#include "core/explain/clip_input.h"
#include "core/explain/explanation_map.h"
#include "core/explain/explanation_method.h"
#include "core/model/multi_task_model.h"
#include "core/train/model_snapshot.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace actionlens::explain {

enum class Stream { Skeleton, Video };
const char* streamName(Stream stream);  // "skeleton", "video"

// The cells occlusion (and the deletion / insertion curves) hide: the skeleton's clip frames in
// `skeletonBlocks` equal blocks, each joint of a block one cell; the video's frames in
// `videoBlocks` blocks and each frame in videoCells x videoCells squares.
struct OcclusionGrid {
    int skeletonBlocks = 8;
    int videoBlocks = 4;
    int videoCells = 4;
};

struct ExplainTarget {
    int task = 0;          // the model's task (head) index
    int targetClass = -1;  // -1: the class the model predicts
};

struct ExplainOptions {
    ExplanationMethod method = ExplanationMethod::GradCam;
    MapNormalisation normalisation = MapNormalisation::PerClip;
    OcclusionGrid occlusion;
};

struct StreamExplanation {
    Stream stream = Stream::Skeleton;
    // On the grid the method computed: the trunk's output (T' x 1 x joints; T'' x H'' x W''), or
    // for occlusion the cells (blocks x 1 x joints; blocks x cells x cells). Unscaled.
    ExplanationMap raw;
    // At the clip's input resolution (clip frames x 1 x joints; frames x size x size), scaled
    // by the options' normalisation.
    ExplanationMap map;
    std::vector<float> temporal;  // each clip frame's share (temporalImportance of the per-clip scaled map)
};

struct HeadExplanation {
    int task = 0;
    std::string taskName;
    int targetClass = 0;
    std::string className;
    // The model's probability of the target class for the clip (as evaluation gives it: prior
    // correction and test-time mirror when the model has them). The maps explain the network's
    // own answer on the clip as it is.
    float probability = 0.0f;
    ExplanationMethod method = ExplanationMethod::GradCam;
    std::vector<StreamExplanation> streams;  // skeleton first, then video, as the model reads them

    const StreamExplanation* stream(Stream s) const;
};

class Explainer {
public:
    // The model stays in evaluation mode and on its device; both must outlive the explainer.
    Explainer(model::MultiTaskModel& model, const train::ModelSnapshot& snapshot);
    ~Explainer();
    Explainer(const Explainer&) = delete;
    Explainer& operator=(const Explainer&) = delete;

    // One explanation per target, in order, by one method. The gradient methods share one forward
    // pass; fails on a target task or class the model does not have, or a clip it cannot read.
    Result<std::vector<HeadExplanation>> explain(const ClipInput& clip, const std::vector<ExplainTarget>& targets,
                                                 const ExplainOptions& options);

    // The network's softmax probability of each target's (task, class) on copies of the clip,
    // one per mask: [target][mask]. A mask holds one byte per cell of `stream` in `grid`
    // (cellCount), non-zero: hidden (a joint holds still at its mean position over the clip; a
    // pixel takes the normalised mean colour). One forward pass per mask serves every target.
    // What occlusion and the deletion / insertion curves measure; the targets' classes must be given.
    Result<std::vector<std::vector<float>>> maskedProbabilities(const ClipInput& clip, Stream stream,
                                                                const std::vector<ExplainTarget>& targets,
                                                                const std::vector<std::vector<std::uint8_t>>& masks,
                                                                const OcclusionGrid& grid);

    // Cells of a stream's grid for this model: skeletonBlocks x joints, or videoBlocks x cells x cells.
    int cellCount(Stream stream, const OcclusionGrid& grid) const;
    // The mean of a stream's input-resolution map over each cell, in cell order.
    std::vector<float> cellImportance(const StreamExplanation& explanation, const OcclusionGrid& grid) const;

    const train::ModelSnapshot& snapshot() const { return snapshot_; }

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    const train::ModelSnapshot& snapshot_;
};

}  // namespace actionlens::explain
