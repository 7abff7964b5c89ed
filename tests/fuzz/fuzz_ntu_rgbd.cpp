// Fuzzes the NTU RGB+D .skeleton importer (core/formats/ntu_rgbd, ntu_skeleton_file), with actions.txt beside it.
// The input is laid out as files by fuzz_import_inputs.cpp, imported through the format registry
// into the per-process project and rolled back.
#include "tests/fuzz/fuzz_files.h"
#include "tests/fuzz/fuzz_import_inputs.h"
#include "tests/fuzz/fuzz_project.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace actionlens::fuzz;
    static const ImportInput& input = importInput("fuzz_ntu_rgbd");
    static const std::string folder = scratchFolder() + "/input";
    importAndRollBack(input.format, placeImportInput(input, folder, std::string(reinterpret_cast<const char*>(data), size)));
    return 0;
}
