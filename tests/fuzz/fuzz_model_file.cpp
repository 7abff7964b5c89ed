// Fuzzes the model file (.alm) checks that run before LibTorch's archive reader sees a file
// (core/train/zip_checksums: the ZIP table of contents, the entries' extents and CRC-32s).
// LibTorch's reader itself is not instrumented here (the fuzz build has no LibTorch).
#include "core/train/zip_checksums.h"
#include "tests/fuzz/fuzz_files.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace actionlens;
    static const std::string path = fuzz::scratchFolder() + "/model.alm";
    fuzz::writeFile(path, std::string(reinterpret_cast<const char*>(data), size));
    (void)train::verifyZipChecksums(path);
    return 0;
}
