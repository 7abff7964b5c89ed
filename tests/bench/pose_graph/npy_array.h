#pragma once

// NpyArray: a NumPy .npy file (float32 or uint8, C order) as raw bytes and a shape, for the pose
// benchmarks' real inputs. Plain C++ (no Qt, no OpenCV): the LibTorch-only GPU build has it.

#include "core/common/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::bench {

struct NpyArray {
    std::vector<std::int64_t> shape;
    std::string type;  // "<f4" (float32) or "|u1" (uint8)
    std::vector<char> data;

    std::int64_t count() const;
    std::vector<float> floats() const;  // the values of a "<f4" array
};

// Fails naming the file on anything else (other types, Fortran order, a size that does not
// match the shape).
Result<NpyArray> readNpy(const std::string& path);

}  // namespace actionlens::bench
