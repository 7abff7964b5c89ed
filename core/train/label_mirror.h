#pragma once

// What mirroring a clip left to right does to its labels. A person seen from the left, mirrored,
// is seen from the right; a left-handed subject, mirrored, is right-handed; "squat" stays
// "squat". Each dataset task carries its map (DatasetTask::mirrorOf, from the taxonomy's mirror
// declarations); a task without one is never mirrored silently: its labels are left out of
// mirrored clips (the loss ignores them), unless the config forces them kept as they are.

#include "core/common/result.h"
#include "core/train/labelled_dataset.h"
#include "core/train/model_snapshot.h"
#include "core/train/train_config.h"

#include <string>
#include <vector>

namespace actionlens::train {

// The label a mirrored view of a clip carries for `task`: the declared mirror image of `label`;
// without a declared map, -1 (left out) or `label` itself when `forceUndeclared`. -1 stays -1.
int mirroredLabel(const DatasetTask& task, int label, bool forceUndeclared);

// A task's map is empty or gives every class a class of the task, in pairs (a's image is b
// exactly when b's image is a). The message names the task and class.
Status validateMirrorMap(const DatasetTask& task);

// The chance that a training clip is mirrored: the skeleton's mirror, or the frames' flip for
// trunks that read frames (in fusion the two go together); 0 without augmentation.
double trainingMirrorChance(model::TrunkKind trunk, const TrainConfig& config);

// What training says before it starts when its clips are mirrored (skeleton mirror, or the
// frames' flip for trunks that read them) and some of the tasks the model learns declare no
// mirror map: which task blocks mirroring, what happens to its labels and how to declare it;
// empty when every task declares one or nothing is mirrored. Value names that look sided
// ("left", "right") are named.
std::string undeclaredMirrorNotice(const LabelledDataset& dataset, const ModelSnapshot& snapshot, const TrainConfig& config);

}  // namespace actionlens::train
