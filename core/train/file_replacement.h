#pragma once

// Writing a file so that a crash, a full disk or a kill never leaves it half-written: the new
// content goes to a temporary file beside it, which is flushed to disk and renamed over it.
// Used for model checkpoints, dataset files, JSON reports and tables.

#include "core/common/result.h"

#include <string>

namespace actionlens::train {

// A fresh name beside `path` (same folder, so the rename stays on one file system).
std::string temporaryPathBeside(const std::string& path);

// Flushes `temporary` to disk and renames it to `path`; on failure removes it and says why,
// prefixed with `what` (e.g. "cannot write the model file 'm.alm'"). After a success it also
// removes the temporaries beside `path` that killed writers left (their process is gone).
Status moveIntoPlace(const std::string& temporary, const std::string& path, const std::string& what);

// Removes a file if it is there, ignoring errors (the clean-up of a failed write).
void removeQuietly(const std::string& path);

// The whole of `text` as the file `path`, through a temporary file beside it.
Status writeTextFileAtomically(const std::string& path, const std::string& text);

}  // namespace actionlens::train
