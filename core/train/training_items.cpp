#include "core/train/training_items.h"

#include "core/train/data_splits.h"

namespace actionlens::train {

Result<std::vector<int>> itemsOfSplit(const LabelledDataset& dataset, const std::string& split) {
    if (split == "all") {
        std::vector<int> all;
        for (size_t i = 0; i < dataset.clips.size(); ++i) all.push_back(int(i));
        return all;
    }
    return itemsInSplit(clipSplits(dataset), split);
}

Result<TrainingItems> chooseTrainingItems(const LabelledDataset& dataset, const std::string& split, const TrainConfig& config) {
    Result<std::vector<int>> items = itemsOfSplit(dataset, split);
    if (!items) return items.takeError();
    TrainingItems out;
    out.train = std::move(items).value();
    if (config.validationFraction <= 0.0) return out;
    // Clips of one video are near-duplicates: validationSplit keeps them on one side.
    const std::vector<std::string> videoKeys = groupKeys(dataset, GroupBy::Video);
    std::vector<int> labels;
    std::vector<std::string> groups;
    for (int i : out.train) {
        const LabelledClip& clip = dataset.clips[size_t(i)];
        labels.push_back(clip.labels.empty() ? -1 : clip.labels[0]);
        groups.push_back(videoKeys[size_t(i)]);
    }
    Result<TrainValidationSplit> parts = validationSplit(labels, groups, config.validationFraction, config.seed);
    if (!parts) {
        out.warning = "no validation part (" + parts.error() + "); the best epoch is the lowest training loss";
        return out;
    }
    std::vector<int> kept;
    for (int i : parts->train) kept.push_back(out.train[size_t(i)]);
    for (int i : parts->validation) out.validation.push_back(out.train[size_t(i)]);
    out.train = std::move(kept);
    return out;
}

}  // namespace actionlens::train
