// Fuzzes the ELAN .eaf importer (core/formats/elan_eaf, eaf_document).
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
    static const ImportInput& input = importInput("fuzz_elan");
    static const std::string folder = scratchFolder() + "/input";
    importAndRollBack(input.format, placeImportInput(input, folder, std::string(reinterpret_cast<const char*>(data), size)));
    return 0;
}
