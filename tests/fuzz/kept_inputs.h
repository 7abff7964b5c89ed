#pragma once

// The inputs packaging/run-fuzzers.sh kept under tests/fuzz/regressions/<target>/ (a crash, a
// timeout or an out-of-memory of that fuzz target), for the suites of the normal build to replay.
// Needs ACTIONLENS_FUZZ_REGRESSIONS (the folder) defined by the test target.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace actionlens::fuzz {

inline std::vector<std::filesystem::path> keptInputs(const std::string& target) {
    std::vector<std::filesystem::path> files;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(ACTIONLENS_FUZZ_REGRESSIONS) / target, ec))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

inline std::string bytesOf(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace actionlens::fuzz
