#pragma once

// A labelled skeleton dataset in one file (.alds): what `actionlens-cli export-dataset` writes
// from a project and what a machine with LibTorch alone (a GPU server without Qt, FFmpeg or
// OpenCV) trains on. A text line "actionlens-dataset 1", the byte length of a JSON header (16
// decimal digits and a newline), the JSON header (tasks, hierarchy, layout, mirror pairs, each
// clip's labels, ids and shape), then every clip's skeleton values as little-endian float32 in
// (3, frames, joints) order, clip after clip. Written atomically (temporary file + rename).

#include "core/common/result.h"
#include "core/train/labelled_dataset.h"

#include <string>

namespace actionlens::train {

Status writeDatasetFile(const LabelledDataset& dataset, const std::string& path);

// Errors name the file and what is wrong ("clip 12: labels has 2 entries, the dataset has 3
// tasks", "truncated: 1,024 bytes of skeleton values are missing").
Result<LabelledDataset> readDatasetFile(const std::string& path);

}  // namespace actionlens::train
