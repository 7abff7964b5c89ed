#pragma once

// The files a libFuzzer target (tests/fuzz, built by the `fuzz` preset only) hands its reader: a
// temporary folder per process, the input written as one file or as several.

#include <cstddef>
#include <string>
#include <vector>

namespace actionlens::fuzz {

// A folder under $TMPDIR removed when the process exits normally.
const std::string& scratchFolder();

// Writes `bytes` to `path` (replacing it); false if it could not.
bool writeFile(const std::string& path, const std::string& bytes);
// Empties `folder` (creating it) so an execution sees only its own files.
void resetFolder(const std::string& folder);

// A fuzz input that stands for several files: the parts between lines "--8<--" ("\n--8<--\n"),
// at most `maxParts` (the last takes the rest).
inline constexpr const char* kPartSeparator = "\n--8<--\n";
std::vector<std::string> splitParts(const std::string& input, std::size_t maxParts);
// Empties `folder`, then writes part i to folder/names[i] (parts beyond the names are dropped).
void writeParts(const std::string& folder, const std::vector<std::string>& names, const std::string& input);

}  // namespace actionlens::fuzz
