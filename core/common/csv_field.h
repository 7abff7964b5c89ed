#pragma once

// One field of a CSV record (RFC 4180): as it is, or in double quotes when it holds a comma, a
// quote or a line break, its quotes doubled.

#include <string>

namespace actionlens {

inline std::string csvField(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

}  // namespace actionlens
