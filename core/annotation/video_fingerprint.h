#pragma once

// A content hash that finds a video again after it was moved or renamed. Hashing whole videos
// of several GB would make adding one take minutes, so it hashes the size and the first and
// last MiB: enough to tell apart different recordings, cheap on any file.

#include "core/common/result.h"

#include <string>

namespace actionlens::annotation {

// "sha256:" followed by 64 hex digits.
Result<std::string> videoContentHash(const std::string& path);

}  // namespace actionlens::annotation
