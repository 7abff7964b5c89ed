#include "core/formats/text_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace actionlens::formats {

Result<std::string> readTextFile(const std::string& path, size_t maxBytes) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return makeError("cannot read '" + path + "': " + ec.message());
    if (size > maxBytes) return makeError("'" + path + "' is " + std::to_string(size) + " bytes, too large for a list file");
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError("cannot read '" + path + "'");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace actionlens::formats
