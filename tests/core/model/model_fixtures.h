#pragma once

// Small configurations shared by the core/model tests: sizes kept tiny so that the whole
// executable runs in seconds on two cores.

#include "core/model/model_config.h"

namespace actionlens::model::testing {

// Hip (0) - neck (1) - head (2), both hands (3, 4) on the neck.
inline SkeletonLayout fiveJointLayout() { return SkeletonLayout{5, {{0, 1}, {1, 2}, {1, 3}, {1, 4}}, 0}; }

inline ModelConfig tinyConfig(std::vector<TaskSpec> tasks = {{"action", 4}, {"group", 2}, {"viewpoint", 2}}) {
    ModelConfig config;
    config.layout = fiveJointLayout();
    config.trunk.channels = {8, 16};
    config.trunk.temporalStrides = {1, 2};
    config.trunk.temporalKernel = 3;
    config.tasks = std::move(tasks);
    config.attentionHidden = 8;
    return config;
}

}  // namespace actionlens::model::testing

namespace actionlens::model::testing {

// A video (or fusion) trunk small enough for tests: 4 frames of 32 x 32, blocks of 8 and 16.
inline ModelConfig tinyVideoConfig(TrunkKind kind = TrunkKind::Video) {
    ModelConfig config = tinyConfig();
    config.trunkKind = kind;
    config.video.channels = {8, 16};
    config.video.frames = 4;
    config.video.size = 32;
    return config;
}

}  // namespace actionlens::model::testing
