#pragma once

// INTERNAL (includes LibTorch): for core/model's .cpp files, core/train and tests only. The
// public, torch-free API is in core/model/*.h.
//
// The shared trunk: spatial graph convolutions over the skeleton's ST-GCN partitions, each
// followed by a temporal convolution, with batch norm and residual connections (Yan et al. 2018).

#include "core/model/model_config.h"
#include "core/model/skeleton_graph.h"

#include <torch/nn.h>

namespace actionlens::model::internal {

// Mixes each joint's features with its neighbours', with separate weights per partition, so the
// layer can tell "towards the body centre" from "away from it". A learnt edge importance scales
// the fixed partitions (ST-GCN): some bones matter more for actions than others.
class SpatialGraphConvImpl : public torch::nn::Module {
public:
    SpatialGraphConvImpl(int inChannels, int outChannels, const torch::Tensor& partitions);
    torch::Tensor forward(const torch::Tensor& x);  // (N, Cin, T, V) -> (N, Cout, T, V)

    torch::nn::Conv2d conv{nullptr};
    torch::Tensor partitions;      // buffer (K, V, V), [k][target][source]
    torch::Tensor edgeImportance;  // parameter (K, V, V), starts at 1

private:
    int outChannels_;
};
TORCH_MODULE(SpatialGraphConv);

class StGcnBlockImpl : public torch::nn::Module {
public:
    StGcnBlockImpl(int inChannels, int outChannels, int temporalStride, int temporalKernel, double dropout,
                   const torch::Tensor& partitions);
    torch::Tensor forward(const torch::Tensor& x);
    const torch::Tensor& temporalWeight() const { return tcn_->weight; }

private:
    SpatialGraphConv gcn_{nullptr};
    torch::nn::BatchNorm2d gcnNorm_{nullptr};
    torch::nn::Conv2d tcn_{nullptr};
    torch::nn::BatchNorm2d tcnNorm_{nullptr};
    torch::nn::Dropout dropout_{nullptr};
    // Projection for the residual path when channels or frame rate change; empty otherwise.
    torch::nn::Sequential residual_{nullptr};
};
TORCH_MODULE(StGcnBlock);

class StGcnTrunkImpl : public torch::nn::Module {
public:
    StGcnTrunkImpl(const ModelConfig& config, const SkeletonGraph& graph);
    // (N, C, T, V) -> (N, C', T', V) with C' the last block's channels and T' = T / prod(strides),
    // rounded up per block.
    torch::Tensor forward(const torch::Tensor& x);
    // The input with the configured bone and motion features appended: (N, 3, T, V) ->
    // (N, trunkInputChannels, T, V).
    torch::Tensor features(const torch::Tensor& x) const;
    int outputChannels() const { return outputChannels_; }
    // The last block's temporal convolution weight: the last layer every task shares, where
    // GradNorm measures the tasks' gradient norms.
    torch::Tensor lastSharedWeight() const;

private:
    // Normalises each (joint, channel) pair over the batch: joints far from the centre move more,
    // and without it their coordinates would dominate the first layer.
    torch::nn::BatchNorm1d inputNorm_{nullptr};
    bool boneFeatures_ = false;
    bool motionFeatures_ = false;
    torch::Tensor boneParents_;  // buffer (V), int64: the other end of each joint's bone
    torch::nn::ModuleList blocks_{nullptr};
    int outputChannels_ = 0;
};
TORCH_MODULE(StGcnTrunk);

torch::Tensor partitionsTensor(const SkeletonGraph& graph);  // (3, V, V) float

}  // namespace actionlens::model::internal
