#include "core/model/internal/st_gcn_trunk.h"

namespace actionlens::model::internal {

namespace nn = torch::nn;

torch::Tensor partitionsTensor(const SkeletonGraph& graph) {
    const int64_t v = graph.jointCount();
    return torch::tensor(graph.partitions(), torch::kFloat32).view({kPartitionCount, v, v});
}

SpatialGraphConvImpl::SpatialGraphConvImpl(int inChannels, int outChannels, const torch::Tensor& parts)
    : outChannels_(outChannels) {
    const int64_t k = parts.size(0);
    conv = register_module("conv", nn::Conv2d(nn::Conv2dOptions(inChannels, k * outChannels, 1)));
    partitions = register_buffer("partitions", parts.clone());
    edgeImportance = register_parameter("edge_importance", torch::ones_like(parts));
}

torch::Tensor SpatialGraphConvImpl::forward(const torch::Tensor& x) {
    const int64_t n = x.size(0), t = x.size(2), v = x.size(3), k = partitions.size(0), c = outChannels_;
    const torch::Tensor perPartition = conv(x).view({n, k, c, t, v});
    const torch::Tensor adjacency = partitions * edgeImportance;  // (K, W, V)
    if (!x.is_cpu()) return torch::einsum("nkctv,kwv->nctw", {perPartition, adjacency});
    // The same sum over (k, v), as a 1x1 convolution with the (k, v) pairs as input channels and
    // the target joints as output channels: on the CPU einsum's matrix product goes to the
    // system BLAS (Debian's reference BLAS: one thread, unvectorised; 80-90 % of a training step
    // went there, README "Where a training step's time goes"), a convolution to oneDNN. The
    // input is laid out channels-last ((n, c, t) positions, k * v channels contiguous), which
    // also makes the output's memory (n, c, t, w) order: the permute back copies nothing.
    const torch::Tensor input = perPartition.permute({0, 2, 3, 1, 4}).reshape({n, c, t, k * v}).permute({0, 3, 1, 2});
    const torch::Tensor weight =
        adjacency.permute({1, 0, 2}).reshape({v, k * v, 1, 1}).contiguous(torch::MemoryFormat::ChannelsLast);
    return torch::conv2d(input, weight).permute({0, 2, 3, 1}).contiguous();
}

StGcnBlockImpl::StGcnBlockImpl(int inChannels, int outChannels, int temporalStride, int temporalKernel,
                               double dropout, const torch::Tensor& partitions) {
    gcn_ = register_module("gcn", SpatialGraphConv(inChannels, outChannels, partitions));
    gcnNorm_ = register_module("gcn_norm", nn::BatchNorm2d(outChannels));
    tcn_ = register_module("tcn", nn::Conv2d(nn::Conv2dOptions(outChannels, outChannels, {temporalKernel, 1})
                                                 .stride({temporalStride, 1})
                                                 .padding({(temporalKernel - 1) / 2, 0})));
    tcnNorm_ = register_module("tcn_norm", nn::BatchNorm2d(outChannels));
    dropout_ = register_module("dropout", nn::Dropout(dropout));
    if (inChannels != outChannels || temporalStride != 1) {
        residual_ = register_module(
            "residual",
            nn::Sequential(nn::Conv2d(nn::Conv2dOptions(inChannels, outChannels, 1).stride({temporalStride, 1})),
                           nn::BatchNorm2d(outChannels)));
    }
}

torch::Tensor StGcnBlockImpl::forward(const torch::Tensor& x) {
    torch::Tensor y = torch::relu(gcnNorm_(gcn_(x)));
    y = dropout_(tcnNorm_(tcn_(y)));
    const torch::Tensor shortcut = residual_.is_empty() ? x : residual_->forward(x);
    return torch::relu(y + shortcut);
}

StGcnTrunkImpl::StGcnTrunkImpl(const ModelConfig& config, const SkeletonGraph& graph) {
    const torch::Tensor parts = partitionsTensor(graph);
    boneFeatures_ = config.trunk.boneFeatures;
    motionFeatures_ = config.trunk.motionFeatures;
    // A buffer only with bone features, so that models without them keep their file contents.
    if (boneFeatures_)
        boneParents_ = register_buffer("bone_parents", torch::tensor(std::vector<int64_t>(graph.boneParents().begin(),
                                                                                           graph.boneParents().end()),
                                                                      torch::kInt64));
    const int channels = trunkInputChannels(config);
    inputNorm_ = register_module("input_norm", nn::BatchNorm1d(int64_t(channels) * graph.jointCount()));
    blocks_ = register_module("blocks", nn::ModuleList());
    int in = channels;
    for (size_t b = 0; b < config.trunk.channels.size(); ++b) {
        const int out = config.trunk.channels[b];
        blocks_->push_back(StGcnBlock(in, out, config.trunk.temporalStrides[b], config.trunk.temporalKernel,
                                      config.trunk.dropout, parts));
        in = out;
    }
    outputChannels_ = in;
}

torch::Tensor StGcnTrunkImpl::features(const torch::Tensor& x) const {
    if (!boneFeatures_ && !motionFeatures_) return x;
    std::vector<torch::Tensor> parts{x};
    const torch::Tensor xy = x.slice(1, 0, 2);
    const torch::Tensor present = (x.slice(1, 2, 3) > 0).to(x.scalar_type());
    if (boneFeatures_) {
        const torch::Tensor parentXy = xy.index_select(3, boneParents_);
        const torch::Tensor parentPresent = present.index_select(3, boneParents_);
        parts.push_back((xy - parentXy) * present * parentPresent);
    }
    if (motionFeatures_) {
        const int64_t t = x.size(2);
        // The last frame has no next one: its motion is zero (the frame is its own next).
        const torch::Tensor nextXy = torch::cat({xy.slice(2, 1, t), xy.slice(2, t - 1, t)}, 2);
        const torch::Tensor nextPresent = torch::cat({present.slice(2, 1, t), present.slice(2, t - 1, t)}, 2);
        parts.push_back((nextXy - xy) * present * nextPresent);
    }
    return torch::cat(parts, 1);
}

torch::Tensor StGcnTrunkImpl::forward(const torch::Tensor& input) {
    const torch::Tensor x = features(input);
    const int64_t n = x.size(0), c = x.size(1), t = x.size(2), v = x.size(3);
    torch::Tensor y = x.permute({0, 3, 1, 2}).reshape({n, v * c, t});
    y = inputNorm_(y).view({n, v, c, t}).permute({0, 2, 3, 1}).contiguous();
    for (const auto& block : *blocks_) y = block->as<StGcnBlock>()->forward(y);
    return y;
}

torch::Tensor StGcnTrunkImpl::lastSharedWeight() const {
    return blocks_->ptr(blocks_->size() - 1)->as<StGcnBlock>()->temporalWeight();
}

}  // namespace actionlens::model::internal
