// Fuzzes the .tflite reader (core/pose/tflite_model, internal/flatbuffer_view): FlatBuffers
// tables, vectors, strings and sparse constants, without LibTorch (the graph is not built).
#include "core/pose/tflite_model.h"

#include <cstddef>
#include <cstdint>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)actionlens::pose::parseTfliteModel(std::vector<std::uint8_t>(data, data + size), "fuzz.tflite");
    return 0;
}
