#include "tests/fuzz/fuzz_files.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace actionlens::fuzz {

namespace fs = std::filesystem;

namespace {
struct Scratch {
    std::string path;
    Scratch() {
        std::string pattern = (fs::temp_directory_path() / "actionlens-fuzz-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) {
            std::perror("mkdtemp");
            std::abort();
        }
        path = pattern;
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};
}  // namespace

const std::string& scratchFolder() {
    static Scratch scratch;
    return scratch.path;
}

bool writeFile(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return static_cast<bool>(out);
}

void resetFolder(const std::string& folder) {
    std::error_code ec;
    fs::remove_all(folder, ec);
    fs::create_directories(folder, ec);
}

std::vector<std::string> splitParts(const std::string& input, std::size_t maxParts) {
    std::vector<std::string> parts;
    const std::string separator = kPartSeparator;
    std::size_t start = 0;
    while (parts.size() + 1 < maxParts) {
        const std::size_t at = input.find(separator, start);
        if (at == std::string::npos) break;
        parts.push_back(input.substr(start, at - start));
        start = at + separator.size();
    }
    parts.push_back(input.substr(start));
    return parts;
}

void writeParts(const std::string& folder, const std::vector<std::string>& names, const std::string& input) {
    resetFolder(folder);
    const std::vector<std::string> parts = splitParts(input, names.size());
    for (std::size_t i = 0; i < parts.size(); ++i) writeFile((fs::path(folder) / names[i]).string(), parts[i]);
}

}  // namespace actionlens::fuzz
