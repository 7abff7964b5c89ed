#pragma once

// The project every fuzzed import writes into: created once per process, each import rolled
// back, so each execution starts from the same project.

#include "core/common/result.h"

#include <string>

namespace actionlens::annotation {
class ProjectStore;
}

namespace actionlens::fuzz {

// The videos every fuzzed import can match (by name, file name or id) and the Penn Action
// taxonomy with a per-subject "handedness" task: the fuzzing project, and the seed project
// (fuzz_seeds) that adds subjects, segments and skeletons before exporting every format.
Status addVideosAndTaxonomy(annotation::ProjectStore& store, const std::string& folder);
// What the seed project holds besides (after addVideosAndTaxonomy): two subjects, four segments
// on two videos, four skeleton frames with boxes; every exporter has something to write.
Status addSeedAnnotations(annotation::ProjectStore& store);

// The per-process project (created at the first call, in the scratch folder).
annotation::ProjectStore& project();
// Imports `source` with the format into project() and rolls everything back.
void importAndRollBack(const std::string& format, const std::string& source);

}  // namespace actionlens::fuzz
