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
    const int64_t n = x.size(0), t = x.size(2), v = x.size(3);
    const torch::Tensor perPartition = conv(x).view({n, partitions.size(0), outChannels_, t, v});
    return torch::einsum("nkctv,kwv->nctw", {perPartition, partitions * edgeImportance});
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
    inputNorm_ = register_module("input_norm", nn::BatchNorm1d(int64_t(config.inputChannels) * graph.jointCount()));
    blocks_ = register_module("blocks", nn::ModuleList());
    int in = config.inputChannels;
    for (size_t b = 0; b < config.trunk.channels.size(); ++b) {
        const int out = config.trunk.channels[b];
        blocks_->push_back(StGcnBlock(in, out, config.trunk.temporalStrides[b], config.trunk.temporalKernel,
                                      config.trunk.dropout, parts));
        in = out;
    }
    outputChannels_ = in;
}

torch::Tensor StGcnTrunkImpl::forward(const torch::Tensor& x) {
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
