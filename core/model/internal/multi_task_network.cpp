#include "core/model/internal/multi_task_network.h"

namespace actionlens::model::internal {

MultiTaskNetworkImpl::MultiTaskNetworkImpl(const ModelConfig& config, const SkeletonGraph* graph)
    : kind_(config.trunkKind) {
    std::vector<int> streamChannels;
    // Registered as "trunk" whatever else exists, so skeleton models saved before the video
    // trunk existed still load.
    if (readsSkeleton(kind_)) {
        TORCH_CHECK(graph, "a skeleton trunk needs its skeleton graph");
        trunk_ = register_module("trunk", StGcnTrunk(config, *graph));
        streamChannels.push_back(trunk_->outputChannels());
    }
    if (readsVideo(kind_)) {
        videoTrunk_ = register_module("video_trunk", VideoTrunk(config.video));
        streamChannels.push_back(videoTrunk_->outputChannels());
    }
    for (size_t t = 0; t < config.tasks.size(); ++t) {
        taskNames_.push_back(config.tasks[t].name);
        // Registered by position, not by name: task names come from users' taxonomies and may
        // hold characters a module name cannot (dots).
        heads_.push_back(register_module("head" + std::to_string(t),
                                         TaskHead(streamChannels, config.attentionHidden, config.tasks[t].classCount)));
    }
}

NetworkOutput MultiTaskNetworkImpl::forward(const torch::Tensor& skeleton, const torch::Tensor& video) {
    std::vector<torch::Tensor> streams;
    if (trunk_) {
        TORCH_CHECK(skeleton.defined(), "the network reads skeletons, but the batch has none");
        streams.push_back(trunk_(skeleton));
    }
    if (videoTrunk_) {
        TORCH_CHECK(video.defined(), "the network reads video, but the batch has no frames");
        streams.push_back(videoTrunk_(video));
    }
    NetworkOutput out;
    out.features = streams;
    for (TaskHead& head : heads_) {
        TaskHeadOutput o = head->forward(streams);
        out.logits.push_back(std::move(o.logits));
        size_t s = 0;
        if (trunk_) out.attention.push_back(std::move(o.attention[s++]));
        if (videoTrunk_) out.videoAttention.push_back(std::move(o.attention[s]));
    }
    return out;
}

int MultiTaskNetworkImpl::taskIndex(const std::string& name) const {
    for (size_t t = 0; t < taskNames_.size(); ++t)
        if (taskNames_[t] == name) return int(t);
    return -1;
}

std::vector<torch::Tensor> MultiTaskNetworkImpl::sharedParameters() {
    std::vector<torch::Tensor> out;
    if (trunk_) out = trunk_->parameters();
    if (videoTrunk_)
        for (const torch::Tensor& p : videoTrunk_->parameters()) out.push_back(p);
    return out;
}

torch::Tensor MultiTaskNetworkImpl::lastSharedWeight() const {
    return trunk_ ? trunk_->lastSharedWeight() : videoTrunk_->lastSharedWeight();
}

torch::Tensor batchTensor(int clips, int channels, int frames, int joints, const std::vector<float>& values) {
    return torch::tensor(values, torch::kFloat32).view({clips, channels, frames, joints});
}

torch::Tensor videoTensor(int clips, int frames, int height, int width, const std::vector<float>& values) {
    return torch::tensor(values, torch::kFloat32).view({clips, 3, frames, height, width});
}

}  // namespace actionlens::model::internal
