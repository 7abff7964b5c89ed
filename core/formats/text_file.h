#pragma once

// Reading a small text file whole, with an error that names it.

#include "core/common/result.h"

#include <string>

namespace actionlens::formats {

// Refuses files over `maxBytes` (list files are small; a huge one is the wrong file).
Result<std::string> readTextFile(const std::string& path, size_t maxBytes = size_t{256} << 20);

}  // namespace actionlens::formats
