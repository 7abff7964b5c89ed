#include "core/train/json_value.h"

#include "core/train/classification_metrics.h"
#include "core/train/file_replacement.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>


namespace actionlens::train {

JsonValue JsonValue::array(std::vector<JsonValue> items) {
    JsonValue v;
    v.type_ = Type::Array;
    v.items_ = std::move(items);
    return v;
}

JsonValue JsonValue::object() {
    JsonValue v;
    v.type_ = Type::Object;
    return v;
}

const JsonValue* JsonValue::find(const std::string& key) const {
    for (const auto& member : members_)
        if (member.first == key) return &member.second;
    return nullptr;
}

JsonValue& JsonValue::set(const std::string& key, JsonValue value) {
    type_ = Type::Object;
    for (auto& member : members_)
        if (member.first == key) return member.second = std::move(value);
    members_.emplace_back(key, std::move(value));
    return members_.back().second;
}

namespace {

std::string numberText(double value) {
    if (!std::isfinite(value)) return "null";
    if (value == std::floor(value) && std::fabs(value) < 1e15) return std::to_string(std::int64_t(value));
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    // Shortest text that reads back to the same double, so configs stay readable.
    for (int precision = 6; precision < 17; ++precision) {
        char shorter[32];
        std::snprintf(shorter, sizeof shorter, "%.*g", precision, value);
        if (std::strtod(shorter, nullptr) == value) return shorter;
    }
    return buffer;
}

void newline(std::string& out, int indent, int depth) {
    if (indent < 0) return;
    out += '\n';
    out.append(size_t(indent) * size_t(depth), ' ');
}

}  // namespace

void JsonValue::writeTo(std::string& out, int indent, int depth) const {
    switch (type_) {
    case Type::Null: out += "null"; return;
    case Type::Bool: out += bool_ ? "true" : "false"; return;
    case Type::Number: out += numberText(number_); return;
    case Type::String: out += jsonQuoted(string_); return;
    case Type::Array: {
        // Arrays of numbers stay on one line: trunk channels, weights, confusion rows.
        bool flat = true;
        for (const JsonValue& item : items_) flat = flat && !item.isArray() && !item.isObject();
        out += '[';
        for (size_t i = 0; i < items_.size(); ++i) {
            if (i) out += flat || indent < 0 ? ", " : ",";
            if (!flat) newline(out, indent, depth + 1);
            items_[i].writeTo(out, indent, depth + 1);
        }
        if (!flat && !items_.empty()) newline(out, indent, depth);
        out += ']';
        return;
    }
    case Type::Object: {
        out += '{';
        for (size_t i = 0; i < members_.size(); ++i) {
            if (i) out += indent < 0 ? ", " : ",";
            newline(out, indent, depth + 1);
            out += jsonQuoted(members_[i].first);
            out += ": ";
            members_[i].second.writeTo(out, indent, depth + 1);
        }
        if (!members_.empty()) newline(out, indent, depth);
        out += '}';
        return;
    }
    }
}

std::string JsonValue::write(int indent) const {
    std::string out;
    writeTo(out, indent, 0);
    return out;
}

namespace {

class Parser {
public:
    explicit Parser(const std::string& text) : text_(text) {}

    Result<JsonValue> document() {
        skipSpace();
        JsonValue value;
        if (!parseValue(value, 0)) return makeError(error_);
        skipSpace();
        if (pos_ != text_.size()) {
            fail("unexpected text after the JSON value");
            return makeError(error_);
        }
        return value;
    }

private:
    bool fail(const std::string& what) {
        int line = 1, column = 1;
        for (size_t i = 0; i < pos_ && i < text_.size(); ++i) {
            if (text_[i] == '\n') ++line, column = 1;
            else ++column;
        }
        error_ = "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + what;
        return false;
    }

    void skipSpace() {
        while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r'))
            ++pos_;
    }

    bool literal(const char* word) {
        const size_t n = std::char_traits<char>::length(word);
        if (text_.compare(pos_, n, word) != 0) return false;
        pos_ += n;
        return true;
    }

    bool parseValue(JsonValue& out, int depth) {
        if (depth > 64) return fail("nesting deeper than 64 levels");
        if (pos_ >= text_.size()) return fail("unexpected end of text, expected a value");
        const char c = text_[pos_];
        if (c == '{') return parseObject(out, depth);
        if (c == '[') return parseArray(out, depth);
        if (c == '"') {
            std::string s;
            if (!parseString(s)) return false;
            out = JsonValue(std::move(s));
            return true;
        }
        if (literal("true")) return out = JsonValue(true), true;
        if (literal("false")) return out = JsonValue(false), true;
        if (literal("null")) return out = JsonValue(), true;
        if (c == '-' || (c >= '0' && c <= '9')) return parseNumber(out);
        return fail(std::string("unexpected character '") + c + "', expected a value");
    }

    bool parseNumber(JsonValue& out) {
        const size_t start = pos_;
        if (text_[pos_] == '-') ++pos_;
        auto digits = [&] {
            const size_t from = pos_;
            while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
            return pos_ > from;
        };
        if (!digits()) return fail("expected digits in a number");
        if (pos_ < text_.size() && text_[pos_] == '.') {
            ++pos_;
            if (!digits()) return fail("expected digits after the decimal point");
        }
        if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
            ++pos_;
            if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
            if (!digits()) return fail("expected digits in the exponent");
        }
        out = JsonValue(std::strtod(text_.substr(start, pos_ - start).c_str(), nullptr));
        return true;
    }

    bool parseString(std::string& out) {
        ++pos_;  // opening quote
        while (true) {
            if (pos_ >= text_.size()) return fail("unterminated string");
            const char c = text_[pos_++];
            if (c == '"') return true;
            if (static_cast<unsigned char>(c) < 0x20) return fail("control character in a string");
            if (c != '\\') {
                out += c;
                continue;
            }
            if (pos_ >= text_.size()) return fail("unterminated escape");
            const char e = text_[pos_++];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                unsigned code = 0;
                if (!hex4(code)) return false;
                if (code >= 0xD800 && code <= 0xDBFF) {
                    unsigned low = 0;
                    if (!literal("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF)
                        return fail("unpaired UTF-16 surrogate");
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                }
                appendUtf8(out, code);
                break;
            }
            default: return fail(std::string("unknown escape '\\") + e + "'");
            }
        }
    }

    bool hex4(unsigned& code) {
        if (pos_ + 4 > text_.size()) return fail("short \\u escape");
        for (int i = 0; i < 4; ++i) {
            const char h = text_[pos_++];
            code <<= 4;
            if (h >= '0' && h <= '9') code |= unsigned(h - '0');
            else if (h >= 'a' && h <= 'f') code |= unsigned(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F') code |= unsigned(h - 'A' + 10);
            else return fail("bad hex digit in a \\u escape");
        }
        return true;
    }

    static void appendUtf8(std::string& out, unsigned code) {
        if (code < 0x80) {
            out += char(code);
        } else if (code < 0x800) {
            out += char(0xC0 | (code >> 6));
            out += char(0x80 | (code & 0x3F));
        } else if (code < 0x10000) {
            out += char(0xE0 | (code >> 12));
            out += char(0x80 | ((code >> 6) & 0x3F));
            out += char(0x80 | (code & 0x3F));
        } else {
            out += char(0xF0 | (code >> 18));
            out += char(0x80 | ((code >> 12) & 0x3F));
            out += char(0x80 | ((code >> 6) & 0x3F));
            out += char(0x80 | (code & 0x3F));
        }
    }

    bool parseArray(JsonValue& out, int depth) {
        ++pos_;
        out = JsonValue::array();
        skipSpace();
        if (pos_ < text_.size() && text_[pos_] == ']') return ++pos_, true;
        while (true) {
            skipSpace();
            JsonValue item;
            if (!parseValue(item, depth + 1)) return false;
            out.push(std::move(item));
            skipSpace();
            if (pos_ < text_.size() && text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (pos_ < text_.size() && text_[pos_] == ']') return ++pos_, true;
            return fail("expected ',' or ']' in an array");
        }
    }

    bool parseObject(JsonValue& out, int depth) {
        ++pos_;
        out = JsonValue::object();
        skipSpace();
        if (pos_ < text_.size() && text_[pos_] == '}') return ++pos_, true;
        while (true) {
            skipSpace();
            if (pos_ >= text_.size() || text_[pos_] != '"') return fail("expected a quoted key");
            std::string key;
            if (!parseString(key)) return false;
            if (out.find(key)) return fail("key '" + key + "' appears twice");
            skipSpace();
            if (pos_ >= text_.size() || text_[pos_] != ':') return fail("expected ':' after key '" + key + "'");
            ++pos_;
            skipSpace();
            JsonValue value;
            if (!parseValue(value, depth + 1)) return false;
            out.set(key, std::move(value));
            skipSpace();
            if (pos_ < text_.size() && text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            if (pos_ < text_.size() && text_[pos_] == '}') return ++pos_, true;
            return fail("expected ',' or '}' in an object");
        }
    }

    const std::string& text_;
    size_t pos_ = 0;
    std::string error_;
};

}  // namespace

Result<JsonValue> parseJson(const std::string& text) { return Parser(text).document(); }

Result<JsonValue> readJsonFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError("cannot open '" + path + "'");
    std::stringstream buffer;
    buffer << in.rdbuf();
    Result<JsonValue> parsed = parseJson(buffer.str());
    if (!parsed) return makeError(path + ": " + parsed.error());
    return parsed;
}

Status writeTextFileAtomically(const std::string& path, const std::string& text) {
    const std::string temporary = temporaryPathBeside(path);
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out) return makeError("cannot write '" + path + "': cannot create a file in its folder");
        out << text;
        out.flush();
        if (!out) {
            removeQuietly(temporary);
            return makeError("cannot write '" + path + "': writing failed (disk full?)");
        }
    }
    return moveIntoPlace(temporary, path, "cannot write '" + path + "'");
}

}  // namespace actionlens::train
