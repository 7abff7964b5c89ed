// Fuzzes the .alds dataset reader (core/train/dataset_file): header line, JSON header, then the
// float32 skeleton values. Built from the torch-free sources of core/train and core/model.
#include "core/train/dataset_file.h"
#include "tests/fuzz/fuzz_files.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace actionlens::fuzz;
    static const std::string file = scratchFolder() + "/in.alds";
    writeFile(file, std::string(reinterpret_cast<const char*>(data), size));
    (void)actionlens::train::readDatasetFile(file);
    return 0;
}
