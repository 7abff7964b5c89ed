#pragma once

// Import of action recognition datasets described by list files — UCF101, HMDB51, Kinetics:
// one video record per listed clip that is present (frame count, rate and size read from the
// file, content hash for relinking), its split membership, and one segment over the whole
// clip labelled with its class. A project without a taxonomy gets one whose action classes are
// the dataset's (one class group named after the dataset); an existing taxonomy must have them.
// Listed clips that are missing or unreadable are skipped with one warning that counts them.

#include "core/formats/format_registry.h"

namespace actionlens::formats {

// `source`: the dataset folder: ucfTrainTestlist/ (or classInd.txt) and UCF-101/ with the clips.
Status importUcf101(const std::string& source, annotation::ProjectStore& store, const ImportOptions& options);
// `source`: the folder with testTrainMulti_7030_splits/ (or the split files) and hmdb51_org/
// (or one folder per action) with the clips.
Status importHmdb51(const std::string& source, annotation::ProjectStore& store, const ImportOptions& options);
// `source`: a Kinetics CSV, or a folder of them (train.csv, validate.csv, test.csv); clips are
// found by file name (YOUTUBEID_START_END.mp4) anywhere under the folder. Rows without a split
// column take the file's name ("validate") as their split.
Status importKinetics(const std::string& source, annotation::ProjectStore& store, const ImportOptions& options);

}  // namespace actionlens::formats
