#include "core/model/model_config.h"

#include <set>
#include <string>

namespace actionlens::model {

const char* trunkKindName(TrunkKind kind) {
    switch (kind) {
    case TrunkKind::Skeleton: return "skeleton";
    case TrunkKind::Video: return "video";
    case TrunkKind::Fusion: return "fusion";
    }
    return "skeleton";
}

bool trunkKindFromName(const std::string& name, TrunkKind* kind) {
    for (TrunkKind k : {TrunkKind::Skeleton, TrunkKind::Video, TrunkKind::Fusion})
        if (name == trunkKindName(k)) {
            *kind = k;
            return true;
        }
    return false;
}

namespace {

Status validateVideoTrunk(const VideoTrunkConfig& video) {
    if (video.channels.empty()) return makeError("video trunk has no blocks: give at least one entry in video_channels");
    for (size_t b = 0; b < video.channels.size(); ++b)
        if (video.channels[b] <= 0)
            return makeError("video trunk block " + std::to_string(b) + " has " + std::to_string(video.channels[b]) +
                             " channels, expected at least 1");
    if (video.frames < 1) return makeError("video clips have " + std::to_string(video.frames) + " frames, expected at least 1");
    if (video.size < 16)
        return makeError("video clips are " + std::to_string(video.size) + " pixels wide, expected at least 16");
    return Status::success();
}

Status validateSkeletonTrunk(const ModelConfig& config) {
    if (config.layout.jointCount <= 0)
        return makeError("model skeleton has " + std::to_string(config.layout.jointCount) +
                         " joints, expected at least 1");
    if (config.inputChannels <= 0)
        return makeError("model input has " + std::to_string(config.inputChannels) + " channels");
    const TrunkConfig& trunk = config.trunk;
    if ((trunk.boneFeatures || trunk.motionFeatures) && config.inputChannels != 3)
        return makeError("bone and motion features need the (x, y, confidence) input, not " +
                         std::to_string(config.inputChannels) + " channels");
    if (trunk.channels.empty())
        return makeError("trunk has no blocks: give at least one entry in channels");
    if (trunk.channels.size() != trunk.temporalStrides.size())
        return makeError("trunk has " + std::to_string(trunk.channels.size()) + " channel entries but " +
                         std::to_string(trunk.temporalStrides.size()) + " temporal strides");
    for (size_t b = 0; b < trunk.channels.size(); ++b) {
        if (trunk.channels[b] <= 0)
            return makeError("trunk block " + std::to_string(b) + " has " + std::to_string(trunk.channels[b]) +
                             " channels, expected at least 1");
        if (trunk.temporalStrides[b] <= 0)
            return makeError("trunk block " + std::to_string(b) + " has temporal stride " +
                             std::to_string(trunk.temporalStrides[b]) + ", expected at least 1");
    }
    if (trunk.temporalKernel <= 0 || trunk.temporalKernel % 2 == 0)
        return makeError("trunk temporal kernel is " + std::to_string(trunk.temporalKernel) +
                         ", expected an odd size >= 1");
    if (!(trunk.dropout >= 0.0 && trunk.dropout < 1.0))
        return makeError("trunk dropout is " + std::to_string(trunk.dropout) + ", expected 0 <= p < 1");
    return Status::success();
}

}  // namespace

int trunkInputChannels(const ModelConfig& config) {
    return config.inputChannels + 2 * int(config.trunk.boneFeatures) + 2 * int(config.trunk.motionFeatures);
}

Status validateModelConfig(const ModelConfig& config) {
    if (readsSkeleton(config.trunkKind))
        if (Status s = validateSkeletonTrunk(config); !s) return s;
    if (readsVideo(config.trunkKind))
        if (Status s = validateVideoTrunk(config.video); !s) return s;
    if (config.attentionHidden <= 0)
        return makeError("attention width is " + std::to_string(config.attentionHidden) + ", expected at least 1");
    if (config.tasks.empty()) return makeError("model has no tasks: give at least one");
    std::set<std::string> names;
    for (const TaskSpec& task : config.tasks) {
        if (task.name.empty()) return makeError("a task has an empty name");
        if (!names.insert(task.name).second) return makeError("task '" + task.name + "' appears twice");
        if (task.classCount < 2)
            return makeError("task '" + task.name + "' has " + std::to_string(task.classCount) +
                             " classes, expected at least 2");
    }
    return Status::success();
}

}  // namespace actionlens::model
