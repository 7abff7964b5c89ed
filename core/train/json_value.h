#pragma once

// A small JSON document model for core/train's files (training configs, checkpoint metadata):
// core/train must build without Qt, whose JSON classes the rest of the project uses. Numbers
// are doubles; objects keep their keys in insertion order so written files read like the
// documentation that describes them.

#include "core/common/result.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace actionlens::train {

class JsonValue {
public:
    enum class Type { Null, Bool, Number, String, Array, Object };

    JsonValue() = default;
    JsonValue(bool value) : type_(Type::Bool), bool_(value) {}
    JsonValue(double value) : type_(Type::Number), number_(value) {}
    JsonValue(int value) : type_(Type::Number), number_(value) {}
    JsonValue(std::int64_t value) : type_(Type::Number), number_(double(value)) {}
    JsonValue(std::string value) : type_(Type::String), string_(std::move(value)) {}
    JsonValue(const char* value) : type_(Type::String), string_(value) {}
    static JsonValue array(std::vector<JsonValue> items = {});
    static JsonValue object();

    Type type() const { return type_; }
    bool isNull() const { return type_ == Type::Null; }
    bool isBool() const { return type_ == Type::Bool; }
    bool isNumber() const { return type_ == Type::Number; }
    bool isString() const { return type_ == Type::String; }
    bool isArray() const { return type_ == Type::Array; }
    bool isObject() const { return type_ == Type::Object; }

    bool asBool() const { return bool_; }
    double asNumber() const { return number_; }
    const std::string& asString() const { return string_; }
    const std::vector<JsonValue>& items() const { return items_; }
    std::vector<JsonValue>& items() { return items_; }
    // Object members in insertion order.
    const std::vector<std::pair<std::string, JsonValue>>& members() const { return members_; }

    const JsonValue* find(const std::string& key) const;  // nullptr if absent or not an object
    JsonValue& set(const std::string& key, JsonValue value);  // replaces an existing key
    void push(JsonValue value) { items_.push_back(std::move(value)); }

    // Compact when indent < 0, else pretty-printed with that many spaces per level. Non-finite
    // numbers are written as null (JSON has no NaN).
    std::string write(int indent = 2) const;

private:
    void writeTo(std::string& out, int indent, int depth) const;

    Type type_ = Type::Null;
    bool bool_ = false;
    double number_ = 0.0;
    std::string string_;
    std::vector<JsonValue> items_;
    std::vector<std::pair<std::string, JsonValue>> members_;
};

// Strict JSON (RFC 8259). The error names the line and column: "line 3, column 14: expected ','".
Result<JsonValue> parseJson(const std::string& text);

// Whole file; errors name the file.
Result<JsonValue> readJsonFile(const std::string& path);
// Written to a temporary file beside `path` and renamed over it.
Status writeTextFileAtomically(const std::string& path, const std::string& text);

}  // namespace actionlens::train
