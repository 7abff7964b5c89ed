#pragma once

// Maps as NumPy .npy files (format version 1.0, little-endian float32, C order), so that
// researchers load them with numpy.load and nothing else.

#include "core/common/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::explain {

// Writes `values` with `shape` (their product must equal values.size()) to `path`, through a
// temporary file renamed over it (core/train's file_replacement).
Status writeNpy(const std::string& path, const std::vector<std::int64_t>& shape, const std::vector<float>& values);

// The header dictionary and values of a float32 .npy file this writer wrote (for tests).
Result<std::vector<float>> readNpy(const std::string& path, std::vector<std::int64_t>* shape);

}  // namespace actionlens::explain
