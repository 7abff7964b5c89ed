#pragma once

// AvaLabelMap: AVA's action list (.pbtxt, protobuf text format), the names of the action ids of an
// AVA CSV. Both layouts AVA ships are read: `item { name: "..." id: N }` and
// `label { name: "..." label_id: N label_type: ... }`; other fields are skipped. Errors name the
// file and line ("actions.pbtxt line 7: id 'x' is not a whole number").

#include "core/common/result.h"

#include <map>
#include <string>

namespace actionlens::formats {

using AvaLabelMap = std::map<int, std::string>;  // action id -> name

// `fileName` prefixes the errors.
Result<AvaLabelMap> parseAvaLabelMap(const std::string& text, const std::string& fileName);

// The text of `labels` as `item { name: "..." id: N }` blocks, names escaped so they read back.
std::string writeAvaLabelMap(const AvaLabelMap& labels);

}  // namespace actionlens::formats
