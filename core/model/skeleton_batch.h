#pragma once

// Skeleton clips as plain arrays: what crosses the boundary between the data side (projects,
// importers, pose estimation) and the network. Layout follows the network's (N, C, T, V) input,
// row-major, with C = x, y, confidence.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace actionlens::model {

inline constexpr int kSkeletonChannels = 3;  // x, y, confidence

// One clip: values holds (3, frames, joints).
struct SkeletonClip {
    int frames = 0;
    int joints = 0;
    std::vector<float> values;

    float& at(int channel, int frame, int joint) {
        return values[(size_t(channel) * frames + frame) * joints + joint];
    }
    float at(int channel, int frame, int joint) const {
        return values[(size_t(channel) * frames + frame) * joints + joint];
    }
};

// N clips of equal length: values holds (clips, 3, frames, joints).
struct SkeletonBatch {
    int clips = 0;
    int frames = 0;
    int joints = 0;
    std::vector<float> values;
};

}  // namespace actionlens::model
