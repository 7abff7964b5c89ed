#pragma once

// Plain descriptions of a multi-task network: the skeleton it reads, the shared trunk, and the
// tasks of the taxonomy it predicts. Plain structs so that the UI, the CLI and a project file can
// build one without seeing LibTorch.

#include "core/common/result.h"

#include <string>
#include <utility>
#include <vector>

namespace actionlens::model {

// A skeleton's joint graph. Edges are undirected; the centre joint anchors the ST-GCN
// partitions (neighbours closer to / farther from it), usually the hip or neck.
struct SkeletonLayout {
    int jointCount = 0;
    std::vector<std::pair<int, int>> edges;
    int centreJoint = 0;
};

// One prediction task of the taxonomy, e.g. {"action", 15}, {"group", 3}, {"viewpoint", 4}.
struct TaskSpec {
    std::string name;
    int classCount = 0;
};

struct TrunkConfig {
    // One spatio-temporal block per entry: output channels and temporal stride.
    std::vector<int> channels{32, 64};
    std::vector<int> temporalStrides{1, 2};
    int temporalKernel = 5;  // odd, so that stride 1 keeps the frame count
    double dropout = 0.0;
};

struct ModelConfig {
    SkeletonLayout layout;
    int inputChannels = 3;  // x, y, confidence
    TrunkConfig trunk;
    std::vector<TaskSpec> tasks;
    int attentionHidden = 32;  // width of each head's attention scorer
};

// Checks a configuration before anything is allocated; the message names the bad field.
Status validateModelConfig(const ModelConfig& config);

}  // namespace actionlens::model
