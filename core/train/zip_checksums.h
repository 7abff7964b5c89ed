#pragma once

// The checksums a ZIP file carries (CRC-32 of every entry, in its central directory), verified.
// LibTorch's archives (model files, .alm) are ZIP files, but its reader does not check them:
// a byte changed inside a tensor's data (a bad sector, a damaged copy) would load as other
// weights without a word. Reading the file once more costs little beside loading it.

#include "core/common/result.h"

#include <string>

namespace actionlens::train {

// Success when `path` is a ZIP file whose table of contents is whole, whose every entry lies
// within the file, and whose stored (uncompressed) entries match their CRC-32: LibTorch stores
// every tensor so; the few records it deflates (code) fail in its inflater when damaged.
// Otherwise what is wrong, e.g. "entry 'archive/data/3' fails its checksum (its bytes were
// changed)" or "its table of contents is missing or damaged (the file was cut short or changed)".
Status verifyZipChecksums(const std::string& path);

}  // namespace actionlens::train
