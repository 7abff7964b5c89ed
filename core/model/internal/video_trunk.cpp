#include "core/model/internal/video_trunk.h"

namespace actionlens::model::internal {

namespace nn = torch::nn;

namespace {

// Output length of a kernel-3, padding-1 convolution (or kernel-1, padding-0) with this stride.
int64_t strided(int64_t length, int stride) { return (length - 1) / stride + 1; }

}  // namespace

Conv2Plus1dImpl::Conv2Plus1dImpl(int inChannels, int outChannels, int spatialStride, int temporalStride) {
    spatial_ = register_module("spatial", nn::Conv3d(nn::Conv3dOptions(inChannels, outChannels, {1, 3, 3})
                                                         .stride({1, spatialStride, spatialStride})
                                                         .padding({0, 1, 1})
                                                         .bias(false)));
    spatialNorm_ = register_module("spatial_norm", nn::BatchNorm3d(outChannels));
    temporal = register_module("temporal", nn::Conv3d(nn::Conv3dOptions(outChannels, outChannels, {3, 1, 1})
                                                          .stride({temporalStride, 1, 1})
                                                          .padding({1, 0, 0})
                                                          .bias(false)));
}

torch::Tensor Conv2Plus1dImpl::forward(const torch::Tensor& x) {
    return temporal(torch::relu(spatialNorm_(spatial_(x))));
}

VideoResidualBlockImpl::VideoResidualBlockImpl(int inChannels, int outChannels, int spatialStride, int temporalStride) {
    first_ = register_module("first", Conv2Plus1d(inChannels, outChannels, spatialStride, temporalStride));
    firstNorm_ = register_module("first_norm", nn::BatchNorm3d(outChannels));
    second_ = register_module("second", Conv2Plus1d(outChannels, outChannels, 1, 1));
    secondNorm_ = register_module("second_norm", nn::BatchNorm3d(outChannels));
    if (inChannels != outChannels || spatialStride != 1 || temporalStride != 1) {
        shortcut_ = register_module(
            "shortcut", nn::Sequential(nn::Conv3d(nn::Conv3dOptions(inChannels, outChannels, 1)
                                                      .stride({temporalStride, spatialStride, spatialStride})
                                                      .bias(false)),
                                       nn::BatchNorm3d(outChannels)));
    }
}

torch::Tensor VideoResidualBlockImpl::forward(const torch::Tensor& x) {
    const torch::Tensor y = secondNorm_(second_(torch::relu(firstNorm_(first_(x)))));
    return torch::relu(y + (shortcut_ ? shortcut_->forward(x) : x));
}

VideoTrunkImpl::VideoTrunkImpl(const VideoTrunkConfig& config) {
    const int stemChannels = config.channels.front();
    // The stem sees colour edges at full resolution: 7x7 spatial at stride 2, then 3 frames.
    stem_ = register_module(
        "stem", nn::Sequential(nn::Conv3d(nn::Conv3dOptions(3, stemChannels, {1, 7, 7}).stride({1, 2, 2}).padding({0, 3, 3}).bias(false)),
                               nn::BatchNorm3d(stemChannels), nn::ReLU(),
                               nn::Conv3d(nn::Conv3dOptions(stemChannels, stemChannels, {3, 1, 1}).padding({1, 0, 0}).bias(false)),
                               nn::BatchNorm3d(stemChannels), nn::ReLU()));
    blocks_ = register_module("blocks", nn::ModuleList());
    int in = stemChannels;
    for (size_t b = 0; b < config.channels.size(); ++b) {
        // Time is kept at full rate through the first two blocks: motion is what separates
        // actions, and it needs a few frames of features before it is subsampled.
        const int temporalStride = b >= 2 ? 2 : 1;
        blocks_->push_back(VideoResidualBlock(in, config.channels[b], 2, temporalStride));
        temporalStrides_.push_back(temporalStride);
        in = config.channels[b];
    }
    outputChannels_ = in;
}

torch::Tensor VideoTrunkImpl::forward(const torch::Tensor& x) {
    torch::Tensor y = stem_->forward(x);
    for (const auto& block : *blocks_) y = block->as<VideoResidualBlock>()->forward(y);
    return y.flatten(3);
}

std::array<int64_t, 3> VideoTrunkImpl::outputGrid(int64_t frames, int64_t height, int64_t width) const {
    int64_t h = (height - 1) / 2 + 1, w = (width - 1) / 2 + 1;  // the stem: padding 3, kernel 7, stride 2
    for (int temporalStride : temporalStrides_) {
        frames = strided(frames, temporalStride);
        h = strided(h, 2);
        w = strided(w, 2);
    }
    return {frames, h, w};
}

torch::Tensor VideoTrunkImpl::lastSharedWeight() const {
    return blocks_->ptr(blocks_->size() - 1)->as<VideoResidualBlock>()->lastWeight();
}

}  // namespace actionlens::model::internal
