#include "core/train/json_text.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

namespace actionlens::train {

using Json = nlohmann::ordered_json;

namespace {

constexpr size_t kMaxDepth = 64;

// Builds the document from nlohmann's SAX events, refusing what its own DOM parser accepts
// silently: a key twice in one object (the last would win) and nesting deep enough to exhaust
// the stack of a recursive reader. Such errors are found by count (the n-th key, the n-th open
// bracket) and placed in the text afterwards.
class DocumentBuilder {
public:
    enum class Problem { None, Syntax, DuplicateKey, TooDeep };

    explicit DocumentBuilder(Json& root) : root_(root) {}

    bool null() { return add(nullptr); }
    bool boolean(bool value) { return add(value); }
    bool number_integer(Json::number_integer_t value) { return add(value); }
    bool number_unsigned(Json::number_unsigned_t value) { return add(value); }
    bool number_float(Json::number_float_t value, const Json::string_t&) { return add(value); }
    bool string(Json::string_t& value) { return add(std::move(value)); }
    bool binary(Json::binary_t& value) { return add(Json::binary(std::move(value))); }
    bool start_object(std::size_t) { return open(Json::object()); }
    bool start_array(std::size_t) { return open(Json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(Json::string_t& key) {
        ++keys_;
        key_ = std::move(key);
        return true;
    }
    bool parse_error(std::size_t position, const std::string&, const Json::exception& error) {
        problem_ = Problem::Syntax;
        position_ = position;
        errorId_ = error.id;
        what_ = error.what();
        return false;
    }

    Problem problem() const { return problem_; }
    size_t position() const { return position_; }  // characters read when a syntax error stopped it
    int errorId() const { return errorId_; }
    const std::string& what() const { return what_; }
    const std::string& lastKey() const { return key_; }
    size_t keys() const { return keys_; }              // keys read, the duplicate last
    size_t containers() const { return containers_; }  // objects and arrays opened, the too deep one last

private:
    bool open(Json container) {
        ++containers_;
        if (stack_.size() >= kMaxDepth) {
            problem_ = Problem::TooDeep;
            return false;
        }
        Json* added = place(std::move(container));
        if (added) stack_.push_back(added);
        return added != nullptr;
    }
    bool close() {
        stack_.pop_back();
        return true;
    }
    bool add(Json value) { return place(std::move(value)) != nullptr; }

    // Pointers into a parent stay valid while it is on the stack: only its last child grows.
    Json* place(Json value) {
        if (stack_.empty()) {
            root_ = std::move(value);
            return &root_;
        }
        Json& parent = *stack_.back();
        if (parent.is_array()) {
            parent.push_back(std::move(value));
            return &parent.back();
        }
        auto [member, inserted] = parent.get_ref<Json::object_t&>().emplace(key_, std::move(value));
        if (!inserted) {
            problem_ = Problem::DuplicateKey;
            return nullptr;
        }
        return &member->second;
    }

    Json& root_;
    std::vector<Json*> stack_;
    std::string key_;
    size_t keys_ = 0;
    size_t containers_ = 0;
    Problem problem_ = Problem::None;
    size_t position_ = 0;
    int errorId_ = 0;
    std::string what_;
};

// The tokens of JSON text, walked again only to place an error that the parser reported by
// position or that the builder reported by count. Up to the error the text is valid JSON, so
// this simple scanner agrees with the parser there.
class TokenWalker {
public:
    explicit TokenWalker(const std::string& text) : text_(text) {}

    // The next token's [start, end); false at the end of the text.
    bool next(size_t& start, size_t& end) {
        while (i_ < text_.size() && isSpace(text_[i_])) ++i_;
        if (i_ >= text_.size()) return false;
        start = i_;
        const char c = text_[i_];
        if (c == '"') {
            for (++i_; i_ < text_.size() && text_[i_] != '"'; ++i_)
                if (text_[i_] == '\\') ++i_;
            i_ = std::min(i_ + 1, text_.size());
        } else if (isPunctuation(c)) {
            ++i_;
        } else {
            while (i_ < text_.size() && !isSpace(text_[i_]) && !isPunctuation(text_[i_]) && text_[i_] != '"') ++i_;
        }
        end = i_;
        return true;
    }
    char at(size_t i) const { return text_[i]; }

private:
    static bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    static bool isPunctuation(char c) { return c == '{' || c == '}' || c == '[' || c == ']' || c == ':' || c == ','; }

    const std::string& text_;
    size_t i_ = 0;
};

// Start of the token that holds byte `at` (the last one the parser read), so that an unexpected
// token is pointed at where it begins.
size_t tokenStartAt(const std::string& text, size_t at) {
    TokenWalker walker(text);
    size_t start = 0, end = 0;
    while (walker.next(start, end))
        if (end > at) return start <= at ? start : at;
    return at;
}

// Start of the n-th (1-based) object key: a string followed by ':'.
size_t keyStart(const std::string& text, size_t n) {
    TokenWalker walker(text);
    size_t start = 0, end = 0, previous = 0;
    bool previousIsString = false;
    size_t seen = 0;
    while (walker.next(start, end)) {
        if (previousIsString && walker.at(start) == ':' && ++seen == n) return previous;
        previousIsString = walker.at(start) == '"';
        previous = start;
    }
    return text.size();
}

// Start of the n-th (1-based) '{' or '['.
size_t containerStart(const std::string& text, size_t n) {
    TokenWalker walker(text);
    size_t start = 0, end = 0, seen = 0;
    while (walker.next(start, end))
        if ((walker.at(start) == '{' || walker.at(start) == '[') && ++seen == n) return start;
    return text.size();
}

std::string lineAndColumn(const std::string& text, size_t at) {
    int line = 1, column = 1;
    for (size_t i = 0; i < at && i < text.size(); ++i) {
        if (text[i] == '\n') ++line, column = 1;
        else ++column;
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

// nlohmann's syntax errors read "[json.exception.parse_error.101] parse error at line 1,
// column 9: syntax error while parsing object - unexpected string literal; expected '}'": the
// context ("object") and what came ("unexpected string literal", or the scanner's own message
// such as "invalid literal; last read: 'tru'") in our words.
struct SyntaxError {
    std::string context;
    std::string detail;
    bool scanner = false;  // the scanner refused the text itself (bad literal, string, number)
};

SyntaxError syntaxErrorOf(const std::string& what) {
    SyntaxError out;
    const std::string marker = "syntax error while parsing ";
    const size_t from = what.find(marker);
    if (from == std::string::npos) {
        const size_t colon = what.find(": ");
        out.detail = colon == std::string::npos ? what : what.substr(colon + 2);
        out.scanner = true;
        return out;
    }
    const size_t contextStart = from + marker.size();
    const size_t dash = what.find(" - ", contextStart);
    out.context = what.substr(contextStart, dash == std::string::npos ? std::string::npos : dash - contextStart);
    std::string detail = dash == std::string::npos ? std::string() : what.substr(dash + 3);
    if (const size_t lastRead = detail.find("; last read: "); lastRead != std::string::npos) {
        detail.resize(lastRead);
        out.scanner = true;
    } else if (const size_t expected = detail.find("; expected "); expected != std::string::npos) {
        detail.resize(expected);
    }
    out.detail = detail;
    return out;
}

std::string parseErrorMessage(const std::string& text, const DocumentBuilder& builder) {
    switch (builder.problem()) {
    case DocumentBuilder::Problem::DuplicateKey:
        return lineAndColumn(text, keyStart(text, builder.keys())) + ": key '" + builder.lastKey() + "' appears twice";
    case DocumentBuilder::Problem::TooDeep:
        return lineAndColumn(text, containerStart(text, builder.containers())) + ": nesting deeper than " +
               std::to_string(kMaxDepth) + " levels";
    case DocumentBuilder::Problem::None:
    case DocumentBuilder::Problem::Syntax: break;
    }
    // The parser's position counts the characters read, the offending one last (one past the end
    // of the text when the text ended too soon).
    const size_t last = std::min(builder.position() > 0 ? builder.position() - 1 : 0, text.size());
    const bool atEnd = last >= text.size();
    const SyntaxError error = syntaxErrorOf(builder.what());
    const std::string where = lineAndColumn(text, atEnd ? text.size() : tokenStartAt(text, last)) + ": ";
    if (builder.errorId() == 406)  // out_of_range: a number beyond a double
        return where + "number out of range";
    if (builder.what().find("; expected end of input") != std::string::npos)
        return where + "unexpected text after the JSON value";
    // The scanner's own messages ("invalid string: missing closing quote") point at the
    // character it stopped on.
    if (error.scanner) return lineAndColumn(text, last) + ": " + (error.detail.empty() ? "not valid JSON" : error.detail);
    if (error.context == "object") return where + "expected ',' or '}' in an object";
    if (error.context == "array") return where + "expected ',' or ']' in an array";
    if (error.context == "object key") return where + "expected a quoted key";
    if (error.context == "object separator") return where + "expected ':' after key '" + builder.lastKey() + "'";
    if (atEnd) return where + "unexpected end of text, expected a value";
    return where + error.detail + ", expected a value";
}

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

void writeTo(const Json& value, std::string& out, int indent, int depth) {
    switch (value.type()) {
    case Json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; return;
    case Json::value_t::number_integer: out += std::to_string(value.get<Json::number_integer_t>()); return;
    case Json::value_t::number_unsigned: out += std::to_string(value.get<Json::number_unsigned_t>()); return;
    case Json::value_t::number_float: out += numberText(value.get<double>()); return;
    case Json::value_t::string: out += jsonQuoted(value.get_ref<const std::string&>()); return;
    case Json::value_t::array: {
        // Arrays of plain values stay on one line: trunk channels, weights, confusion rows.
        bool flat = true;
        for (const Json& item : value) flat = flat && !item.is_array() && !item.is_object();
        out += '[';
        for (size_t i = 0; i < value.size(); ++i) {
            if (i) out += flat || indent < 0 ? ", " : ",";
            if (!flat) newline(out, indent, depth + 1);
            writeTo(value[i], out, indent, depth + 1);
        }
        if (!flat && !value.empty()) newline(out, indent, depth);
        out += ']';
        return;
    }
    case Json::value_t::object: {
        out += '{';
        bool first = true;
        for (const auto& [key, member] : value.items()) {
            if (!first) out += indent < 0 ? ", " : ",";
            first = false;
            newline(out, indent, depth + 1);
            out += jsonQuoted(key);
            out += ": ";
            writeTo(member, out, indent, depth + 1);
        }
        if (!value.empty()) newline(out, indent, depth);
        out += '}';
        return;
    }
    case Json::value_t::null:
    case Json::value_t::binary:
    case Json::value_t::discarded: out += "null"; return;
    }
}

}  // namespace

Result<Json> parseJson(const std::string& text) {
    Json root;
    DocumentBuilder builder(root);
    try {
        if (Json::sax_parse(text, &builder)) return root;
    } catch (const Json::exception& e) {
        return makeError(std::string("not valid JSON: ") + e.what());
    }
    return makeError(parseErrorMessage(text, builder));
}

Result<Json> readJsonFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError("cannot open '" + path + "'");
    std::stringstream buffer;
    buffer << in.rdbuf();
    Result<Json> parsed = parseJson(buffer.str());
    if (!parsed) return makeError(path + ": " + parsed.error());
    return parsed;
}

std::string writeJson(const Json& value, int indent) {
    std::string out;
    writeTo(value, out, indent, 0);
    return out;
}

std::string jsonQuoted(const std::string& text) {
    std::string out = "\"";
    for (const char ch : text) {
        const auto byte = static_cast<unsigned char>(ch);
        switch (ch) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (byte < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", byte);
                out += buffer;
            } else {
                out += ch;  // UTF-8 passes through unchanged
            }
        }
    }
    return out + "\"";
}

const Json* findMember(const Json& object, const std::string& key) {
    if (!object.is_object()) return nullptr;
    const auto member = object.find(key);
    return member == object.end() ? nullptr : &*member;
}

}  // namespace actionlens::train
