#pragma once

// JSON text of core/train's files (training configs, model descriptions, reports, dataset
// headers) as nlohmann-json's ordered_json: objects keep their keys in the order the code sets
// them, so written files read like the documentation that describes them. Parsing is strict and
// its errors say where, in words; writing keeps the files' layout.

#include "core/common/result.h"

#include <nlohmann/json.hpp>

#include <string>

namespace actionlens::train {

// Strict JSON (RFC 8259: UTF-8, no leading zeros); a key twice in one object and nesting deeper
// than 64 levels are errors too. The error names the line and column:
// "line 3, column 14: expected ',' or '}' in an object".
Result<nlohmann::ordered_json> parseJson(const std::string& text);

// Whole file; errors name the file.
Result<nlohmann::ordered_json> readJsonFile(const std::string& path);

// Pretty-printed with `indent` spaces per level, or on one line when indent < 0. Arrays of
// plain values stay on one line (trunk channels, weights, confusion rows); numbers are written in
// the shortest form that reads back to the same double, whole ones without a fraction, and
// non-finite ones as null (JSON has no NaN). Strings pass through byte for byte (see jsonQuoted).
std::string writeJson(const nlohmann::ordered_json& value, int indent = 2);

// JSON string literal with quotes, escaping quotes, backslashes and control characters; other
// bytes (UTF-8) pass through unchanged.
std::string jsonQuoted(const std::string& text);

// The member `key` of an object; nullptr when absent or when `object` is not an object.
const nlohmann::ordered_json* findMember(const nlohmann::ordered_json& object, const std::string& key);

}  // namespace actionlens::train
