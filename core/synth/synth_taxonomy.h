#pragma once

// The synthetic project's taxonomy: a copy of the built-in Penn Action one (15 actions in their
// groups, the per-segment viewpoint) with the per-subject attributes the renderer varies:
// handedness (left/right), build (slim/medium/broad) and clothing (the shirt colour's name).

#include "core/annotation/taxonomy.h"
#include "core/common/result.h"

namespace actionlens::synth {

Result<annotation::Taxonomy> synthTaxonomy();

}  // namespace actionlens::synth
