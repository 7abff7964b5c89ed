#pragma once

// A labelled skeleton dataset as plain data: what the training loop, the evaluation and the
// ablation read. A project reader (core/clips) fills it from a project's segments; tests and
// benchmarks build one directly. Torch-free and Qt-free, so core/train never sees the project
// store.

#include "core/model/model_config.h"
#include "core/model/skeleton_batch.h"
#include "core/model/task_hierarchy.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace actionlens::train {

// One prediction task and the names of its classes, in class-index order.
struct DatasetTask {
    std::string name;
    std::vector<std::string> classNames;
    // The class each class becomes when a clip is mirrored left to right (label_mirror.h), one
    // per class ("left" <-> "right"; itself without a side). Empty: the taxonomy declares
    // nothing, so whether the task's labels have a side is unknown.
    std::vector<int> mirrorOf;
};

// One labelled segment: its skeleton over every frame of the segment, and a label per task.
struct LabelledClip {
    // Image pixels and confidence, (3, frames, joints); frames without a pose have confidence 0.
    model::SkeletonClip skeleton;
    std::vector<int> labels;  // one per dataset task: class index, or -1 when not labelled
    std::int64_t segmentId = 0;
    std::int64_t videoId = 0;
    std::string videoName;
    std::string videoPath;            // the video file (for RGB clips); empty for skeleton-only records
    std::int64_t subjectId = 0;
    std::int64_t firstFrame = 0;      // the segment's first frame in its video
    std::vector<std::string> splits;  // the video's dataset splits
};

struct LabelledDataset {
    std::string taxonomyName;
    std::vector<DatasetTask> tasks;
    // Action -> group, when the dataset has both tasks.
    std::optional<model::TaskHierarchy> hierarchy;
    std::string layoutName;
    model::SkeletonLayout layout;
    std::vector<std::pair<int, int>> mirrorPairs;  // (left, right) joints swapped by a mirror
    std::vector<LabelledClip> clips;

    int taskIndex(const std::string& name) const;  // -1 if absent
};

// Labels of one task for every clip (for stratified splits).
std::vector<int> labelsOfTask(const LabelledDataset& dataset, int task);

enum class GroupBy { Video, Subject };
// One key per clip ("video 12", "subject 3"): clips sharing a key must share a fold. Clips
// without a subject are grouped by their video.
std::vector<std::string> groupKeys(const LabelledDataset& dataset, GroupBy by);

// The split lists of every clip, for itemsInSplit().
std::vector<std::vector<std::string>> clipSplits(const LabelledDataset& dataset);

// Median segment length in frames over `items` (all clips when empty); 0 for no clips. The
// sliding-window predictor uses it as its window: the model learnt actions at that time scale.
int medianClipFrames(const LabelledDataset& dataset, const std::vector<int>& items = {});

}  // namespace actionlens::train
