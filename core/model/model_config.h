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
    // Features the trunk derives from the (x, y, confidence) input and reads beside it, as the
    // skeleton literature's streams do: each joint's bone (its offset from the joint one hop
    // nearer the centre) and its motion (its offset to the same joint in the next frame); zero
    // where a joint it needs is missing. Computed inside the network, so every caller (training,
    // evaluation, prediction) feeds the same input.
    bool boneFeatures = false;
    bool motionFeatures = false;
};

// Which shared trunk reads the clip: the skeleton's graph convolutions, a (2+1)D CNN on the RGB
// frames, or both side by side, each task head pooling each trunk's features with its own
// attention and classifying their concatenation (late fusion).
enum class TrunkKind { Skeleton, Video, Fusion };

const char* trunkKindName(TrunkKind kind);                   // "skeleton", "video", "fusion"
bool trunkKindFromName(const std::string& name, TrunkKind* kind);  // false for an unknown name
inline bool readsSkeleton(TrunkKind kind) { return kind != TrunkKind::Video; }
inline bool readsVideo(TrunkKind kind) { return kind != TrunkKind::Skeleton; }

struct VideoTrunkConfig {
    // One residual (2+1)D block per entry, each halving height and width; the blocks from the
    // third on also halve the frames. A stem (7x7 spatial, stride 2, then 3 temporal) comes first.
    std::vector<int> channels{32, 64, 128, 256};
    int frames = 16;  // RGB clip the trunk reads: frames x size x size
    int size = 112;
};

struct ModelConfig {
    TrunkKind trunkKind = TrunkKind::Skeleton;
    VideoTrunkConfig video;  // used when trunkKind reads video
    SkeletonLayout layout;
    int inputChannels = 3;  // x, y, confidence
    TrunkConfig trunk;
    std::vector<TaskSpec> tasks;
    int attentionHidden = 32;  // width of each head's attention scorer
};

// Channels the skeleton trunk's first block reads: the input's, plus 2 (x, y) per derived feature.
int trunkInputChannels(const ModelConfig& config);

// Checks a configuration before anything is allocated; the message names the bad field.
Status validateModelConfig(const ModelConfig& config);

}  // namespace actionlens::model
