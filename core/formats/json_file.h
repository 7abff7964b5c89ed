#pragma once

// Reading a JSON file whose top level is an object, with errors that name the file and, for a
// syntax error, its line: "x.boris line 12: not valid JSON: ...", "x.json: expected a JSON
// object (a BORIS project)".

#include "core/common/result.h"

#include <QJsonObject>

#include <string>

namespace actionlens::formats {

// `fileName`: how messages name the file; `whatItIs`: the object expected, for the message.
Result<QJsonObject> readJsonObjectFile(const std::string& path, const std::string& fileName, const std::string& whatItIs,
                                       size_t maxBytes = size_t{1} << 30);

}  // namespace actionlens::formats
