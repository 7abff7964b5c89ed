#pragma once

// INTERNAL (includes LibTorch): for core/model's .cpp files, core/train and tests only.
//
// The video trunk: a small residual (2+1)D CNN on RGB clips (Tran et al. 2018). Each 3D
// convolution is factored into a spatial (1 x 3 x 3) and a temporal (3 x 1 x 1) one with a
// non-linearity between them: fewer parameters than a full 3D kernel, twice the non-linearities,
// and it trains from scratch on little data where a 3D CNN of the same width overfits.

#include "core/model/model_config.h"

#include <torch/nn.h>

#include <array>
#include <vector>

namespace actionlens::model::internal {

// Spatial 1x3x3 convolution, batch norm, ReLU, temporal 3x1x1 convolution. The strides apply to
// (height, width) and frames respectively.
class Conv2Plus1dImpl : public torch::nn::Module {
public:
    Conv2Plus1dImpl(int inChannels, int outChannels, int spatialStride, int temporalStride);
    torch::Tensor forward(const torch::Tensor& x);

    torch::nn::Conv3d temporal{nullptr};

private:
    torch::nn::Conv3d spatial_{nullptr};
    torch::nn::BatchNorm3d spatialNorm_{nullptr};
};
TORCH_MODULE(Conv2Plus1d);

class VideoResidualBlockImpl : public torch::nn::Module {
public:
    VideoResidualBlockImpl(int inChannels, int outChannels, int spatialStride, int temporalStride);
    torch::Tensor forward(const torch::Tensor& x);
    const torch::Tensor& lastWeight() const { return second_->temporal->weight; }

private:
    Conv2Plus1d first_{nullptr};
    torch::nn::BatchNorm3d firstNorm_{nullptr};
    Conv2Plus1d second_{nullptr};
    torch::nn::BatchNorm3d secondNorm_{nullptr};
    // 1x1x1 projection when channels or resolution change; empty otherwise.
    torch::nn::Sequential shortcut_{nullptr};
};
TORCH_MODULE(VideoResidualBlock);

class VideoTrunkImpl : public torch::nn::Module {
public:
    explicit VideoTrunkImpl(const VideoTrunkConfig& config);
    // (N, 3, T, H, W) normalised RGB -> (N, C', T', H' * W'): space flattened into the last axis so
    // the task heads attend over (time, place) exactly as they attend over (time, joint).
    torch::Tensor forward(const torch::Tensor& x);
    // (T', H', W') of the output for an input of (frames, size, size).
    std::array<int64_t, 3> outputGrid(int64_t frames, int64_t height, int64_t width) const;
    int outputChannels() const { return outputChannels_; }
    torch::Tensor lastSharedWeight() const;

private:
    torch::nn::Sequential stem_{nullptr};
    torch::nn::ModuleList blocks_{nullptr};
    std::vector<int> temporalStrides_;
    int outputChannels_ = 0;
};
TORCH_MODULE(VideoTrunk);

}  // namespace actionlens::model::internal
