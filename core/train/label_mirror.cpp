#include "core/train/label_mirror.h"

#include <algorithm>
#include <cctype>

namespace actionlens::train {

int mirroredLabel(const DatasetTask& task, int label, bool forceUndeclared) {
    if (label < 0) return label;
    if (task.mirrorOf.empty()) return forceUndeclared ? label : -1;
    return size_t(label) < task.mirrorOf.size() ? task.mirrorOf[size_t(label)] : -1;
}

Status validateMirrorMap(const DatasetTask& task) {
    if (task.mirrorOf.empty()) return Status::success();
    const int classes = int(task.classNames.size());
    if (int(task.mirrorOf.size()) != classes)
        return makeError("task '" + task.name + "': its mirror map has " + std::to_string(task.mirrorOf.size()) +
                         " entries for " + std::to_string(classes) + " classes");
    for (int c = 0; c < classes; ++c) {
        const int image = task.mirrorOf[size_t(c)];
        if (image < 0 || image >= classes)
            return makeError("task '" + task.name + "': the mirror image of class '" + task.classNames[size_t(c)] +
                             "' is " + std::to_string(image) + ", not one of its " + std::to_string(classes) +
                             " classes");
        if (task.mirrorOf[size_t(image)] != c)
            return makeError("task '" + task.name + "': class '" + task.classNames[size_t(c)] + "' mirrors to '" +
                             task.classNames[size_t(image)] + "', which does not mirror back to it");
    }
    return Status::success();
}

namespace {

// Whether a value name has "left" or "right" as a word of its own ("left", "wave_left_hand",
// "Right side"), not inside another word ("bright").
bool looksSided(const std::string& name) {
    std::string lower(name.size(), ' ');
    std::transform(name.begin(), name.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    for (const std::string word : {"left", "right"}) {
        for (size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
            const bool startsWord = at == 0 || !std::isalpha(static_cast<unsigned char>(lower[at - 1]));
            const size_t end = at + word.size();
            const bool endsWord = end == lower.size() || !std::isalpha(static_cast<unsigned char>(lower[end]));
            if (startsWord && endsWord) return true;
        }
    }
    return false;
}

}  // namespace

double trainingMirrorChance(model::TrunkKind trunk, const TrainConfig& config) {
    if (model::readsVideo(trunk)) return config.rgbAugmentation.enabled ? config.rgbAugmentation.flipProbability : 0.0;
    return config.augmentation.enabled ? config.augmentation.mirrorProbability : 0.0;
}

std::string undeclaredMirrorNotice(const LabelledDataset& dataset, const ModelSnapshot& snapshot, const TrainConfig& config) {
    if (!(trainingMirrorChance(snapshot.model.trunkKind, config) > 0.0)) return {};
    const bool forceUndeclared = config.augmentation.forceMirrorUndeclared;
    std::vector<std::string> described;
    for (const DatasetTask& learnt : snapshot.tasks) {
        const int column = dataset.taskIndex(learnt.name);
        if (column < 0) continue;
        const DatasetTask& task = dataset.tasks[size_t(column)];
        if (!task.mirrorOf.empty()) continue;
        std::vector<std::string> sided;
        for (const std::string& name : task.classNames)
            if (looksSided(name)) sided.push_back("'" + name + "'");
        std::string text = "'" + task.name + "'";
        if (!sided.empty()) {
            text += " (its values ";
            for (size_t i = 0; i < sided.size() && i < 3; ++i) text += (i ? ", " : "") + sided[i];
            text += sided.size() > 3 ? ", ... look sided)" : " look sided)";
        }
        described.push_back(text);
    }
    if (described.empty()) return {};
    std::string tasks;
    for (size_t i = 0; i < described.size(); ++i) tasks += (i ? ", " : "") + described[i];
    const std::string subject = described.size() == 1 ? "task " + tasks + " declares" : "tasks " + tasks + " declare";
    if (forceUndeclared)
        return "mirroring: " + subject +
               " no mirror map in the taxonomy; force_mirror_undeclared keeps their labels as they are in mirrored clips";
    return "mirroring: " + subject +
           " no mirror map in the taxonomy, so their labels are left out of mirrored clips (the model learns them "
           "from unmirrored clips only); declare their mirror pairs or mark them side-free in the taxonomy editor, "
           "or set force_mirror_undeclared to keep their labels as they are";
}

}  // namespace actionlens::train
