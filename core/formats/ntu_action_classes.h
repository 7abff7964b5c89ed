#pragma once

// NTU RGB+D 120's action classes as the dataset publishes them (Liu et al., "NTU RGB+D 120",
// TPAMI 2019; A001-A060 are NTU RGB+D 60's): number, name (as the dataset's README lists them,
// with ASCII apostrophes) and the paper's grouping into daily actions, medical conditions and
// mutual (two-person) actions.

#include "core/annotation/taxonomy.h"

#include <string>
#include <vector>

namespace actionlens::formats {

struct NtuActionClass {
    int number = 0;       // A001 = 1
    const char* name = "";  // "drink water"
    const char* group = "";
};

const std::vector<NtuActionClass>& ntuActionClasses();

// The taxonomy with every NTU class it lacks (by neither its code "A005" nor its name "drop") added
// to its action task under its published name and group (the task, named "action", and the
// groups are made where missing). Unchanged when it has them all.
annotation::Taxonomy withNtuActionClasses(annotation::Taxonomy taxonomy);

}  // namespace actionlens::formats
