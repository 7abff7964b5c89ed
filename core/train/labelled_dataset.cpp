#include "core/train/labelled_dataset.h"

#include <algorithm>

namespace actionlens::train {

int LabelledDataset::taskIndex(const std::string& name) const {
    for (size_t t = 0; t < tasks.size(); ++t)
        if (tasks[t].name == name) return int(t);
    return -1;
}

std::vector<int> labelsOfTask(const LabelledDataset& dataset, int task) {
    std::vector<int> labels;
    labels.reserve(dataset.clips.size());
    for (const LabelledClip& clip : dataset.clips) labels.push_back(clip.labels[size_t(task)]);
    return labels;
}

std::vector<std::string> groupKeys(const LabelledDataset& dataset, GroupBy by) {
    std::vector<std::string> keys;
    keys.reserve(dataset.clips.size());
    for (const LabelledClip& clip : dataset.clips) {
        if (by == GroupBy::Subject && clip.subjectId != 0)
            keys.push_back("subject " + std::to_string(clip.subjectId));
        else
            keys.push_back("video " + std::to_string(clip.videoId));
    }
    return keys;
}

std::vector<std::vector<std::string>> clipSplits(const LabelledDataset& dataset) {
    std::vector<std::vector<std::string>> splits;
    splits.reserve(dataset.clips.size());
    for (const LabelledClip& clip : dataset.clips) splits.push_back(clip.splits);
    return splits;
}

int medianClipFrames(const LabelledDataset& dataset, const std::vector<int>& items) {
    std::vector<int> lengths;
    if (items.empty())
        for (const LabelledClip& clip : dataset.clips) lengths.push_back(clip.skeleton.frames);
    else
        for (int i : items) lengths.push_back(dataset.clips[size_t(i)].skeleton.frames);
    if (lengths.empty()) return 0;
    std::nth_element(lengths.begin(), lengths.begin() + long(lengths.size() / 2), lengths.end());
    return lengths[lengths.size() / 2];
}

}  // namespace actionlens::train
