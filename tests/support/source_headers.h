#pragma once

// The headers of a source folder as text, for the tests that hold a library's public headers
// to the rules of the GUIDE (no LibTorch, no internal/ includes, ...). Header-only: the
// LibTorch-only build (no Qt, no test_support library) uses it too.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace actionlens::fixtures {

// Every `.h` directly in ACTIONLENS_SOURCE_DIR/folder (not below it), with its text.
inline std::vector<std::pair<std::filesystem::path, std::string>> headersIn(const std::string& folder) {
    std::vector<std::pair<std::filesystem::path, std::string>> headers;
    for (const auto& entry : std::filesystem::directory_iterator(std::filesystem::path(ACTIONLENS_SOURCE_DIR) / folder)) {
        if (entry.path().extension() != ".h") continue;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        headers.emplace_back(entry.path(), text.str());
    }
    return headers;
}

}  // namespace actionlens::fixtures
