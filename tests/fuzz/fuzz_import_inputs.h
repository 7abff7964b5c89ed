#pragma once

// How a fuzz input becomes an importer's source: which format reads it and which file(s) it is
// written to. One table shared by the fuzz targets and the regression tests of the normal suite
// (tests/core/formats/fuzz_regressions_test.cpp), so a kept input is replayed exactly as it was fuzzed.

#include <string>
#include <vector>

namespace actionlens::fuzz {

struct ImportInput {
    std::string target;              // "fuzz_coco": the fuzz target, and its folder under tests/fuzz/regressions/
    std::string format;              // the format registry's name
    std::vector<std::string> files;  // the input's parts (fuzz_files.h), written to these paths in the folder
    bool sourceIsFolder = false;     // the importer reads the folder; otherwise the first file
};

const std::vector<ImportInput>& importInputs();
// The entry of `target`; aborts if there is none (a fuzz target's own name).
const ImportInput& importInput(const std::string& target);

// Empties `folder`, writes `bytes` there as `input` lays it out and returns the source to import.
std::string placeImportInput(const ImportInput& input, const std::string& folder, const std::string& bytes);

}  // namespace actionlens::fuzz
