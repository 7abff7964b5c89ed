#pragma once

// Import of a Penn Action folder into a project: one video record per label file (linked to
// its image-sequence folder when the dataset's frames/ sits beside labels/, else skeleton-only),
// one subject with the skeletons (Penn-13 layout), and one segment over the whole sequence
// labelled with its action (whose class group the taxonomy gives) and viewpoint. The file's
// train/test flag becomes split membership ("train" or "test").

#include "core/formats/format_registry.h"

namespace actionlens::formats {

// `source`: a folder of NNNN.mat files, or the dataset folder holding labels/ (and frames/).
// A project without a taxonomy gets the built-in Penn Action one; an existing taxonomy must
// have the 15 actions and the viewpoint task.
Status importPennAction(const std::string& source, annotation::ProjectStore& store, const ImportOptions& options);

}  // namespace actionlens::formats
