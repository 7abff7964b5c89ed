#pragma once

// RGB clips as plain arrays, the video trunk's counterpart of skeleton_batch.h: what crosses the
// boundary between the decoding side (core/clips, through core/media) and the network.

#include "core/model/skeleton_batch.h"

#include <vector>

namespace actionlens::model {

inline constexpr int kVideoChannels = 3;  // R, G, B

// N clips of equal size: values holds (clips, 3, frames, height, width), normalised RGB.
struct VideoBatch {
    int clips = 0;
    int frames = 0;
    int height = 0;
    int width = 0;
    std::vector<float> values;
};

// What a model reads: the skeleton batch, the video batch, or both (fusion). Pointers to the
// caller's batches; the one the model's trunk does not read may be null.
struct ModelInput {
    const SkeletonBatch* skeleton = nullptr;
    const VideoBatch* video = nullptr;
};

}  // namespace actionlens::model
