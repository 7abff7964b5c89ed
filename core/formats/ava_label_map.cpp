#include "core/formats/ava_label_map.h"

#include <cctype>
#include <cstdlib>
#include <optional>
#include <vector>

namespace actionlens::formats {

namespace {

struct Token {
    std::string text;
    bool quoted = false;
    int line = 1;
};

// Words, ':' '{' '}' and quoted strings (with \" and \\ escapes); '#' starts a comment.
Result<std::vector<Token>> tokens(const std::string& text, const std::string& fileName) {
    std::vector<Token> result;
    int line = 1;
    for (size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
            ++i;
        } else if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
        } else if (c == '#') {
            while (i < text.size() && text[i] != '\n') ++i;
        } else if (c == ':' || c == '{' || c == '}') {
            result.push_back({std::string(1, c), false, line});
            ++i;
        } else if (c == '"' || c == '\'') {
            Token token{"", true, line};
            ++i;
            while (i < text.size() && text[i] != c) {
                if (text[i] == '\n') break;
                if (text[i] == '\\' && i + 1 < text.size()) ++i;
                token.text += text[i++];
            }
            if (i >= text.size() || text[i] != c)
                return makeError(fileName + " line " + std::to_string(line) + ": a quoted name is not closed on its line");
            ++i;
            result.push_back(std::move(token));
        } else {
            Token token{"", false, line};
            while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i])) && text[i] != ':' && text[i] != '{' &&
                   text[i] != '}' && text[i] != '#')
                token.text += text[i++];
            result.push_back(std::move(token));
        }
    }
    return result;
}

std::optional<int> wholeNumber(const std::string& text) {
    if (text.empty() || text.size() > 9) return std::nullopt;
    for (char c : text)
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    return std::atoi(text.c_str());
}

}  // namespace

Result<AvaLabelMap> parseAvaLabelMap(const std::string& text, const std::string& fileName) {
    auto list = tokens(text, fileName);
    if (!list) return list.takeError();
    const std::vector<Token>& t = list.value();
    AvaLabelMap labels;
    auto at = [&](size_t i) { return fileName + " line " + std::to_string(i < t.size() ? t[i].line : (t.empty() ? 1 : t.back().line)); };
    size_t i = 0;
    while (i < t.size()) {
        if (t[i].quoted || (t[i].text != "item" && t[i].text != "label"))
            return makeError(at(i) + ": expected 'item {' or 'label {', found '" + t[i].text + "'");
        const size_t blockStart = i;
        if (i + 1 >= t.size() || t[i + 1].quoted || t[i + 1].text != "{") return makeError(at(i + 1) + ": expected '{' after '" + t[i].text + "'");
        i += 2;
        std::optional<std::string> name;
        std::optional<int> id;
        while (i < t.size() && !(t[i].text == "}" && !t[i].quoted)) {
            const size_t fieldAt = i;
            if (t[i].quoted || i + 2 >= t.size() || t[i + 1].text != ":" || t[i + 1].quoted)
                return makeError(at(i) + ": expected 'field: value', found '" + t[i].text + "'");
            const std::string& field = t[i].text;
            const Token& value = t[i + 2];
            if (field == "name" || field == "display_name") {
                if (!value.quoted) return makeError(at(fieldAt) + ": " + field + " must be a quoted string");
                if (field == "name" || !name) name = value.text;
            } else if (field == "id" || field == "label_id") {
                auto number = wholeNumber(value.text);
                if (value.quoted || !number || *number < 1)
                    return makeError(at(fieldAt) + ": " + field + " '" + value.text + "' is not a whole number from 1");
                id = number;
            }
            i += 3;
        }
        if (i >= t.size()) return makeError(at(blockStart) + ": '" + t[blockStart].text + " {' is not closed");
        ++i;  // '}'
        if (!name) return makeError(at(blockStart) + ": the entry has no name");
        if (!id) return makeError(at(blockStart) + ": the entry '" + *name + "' has no id");
        if (!labels.emplace(*id, *name).second)
            return makeError(at(blockStart) + ": id " + std::to_string(*id) + " is given twice ('" + labels[*id] + "' and '" + *name + "')");
    }
    return labels;
}

std::string writeAvaLabelMap(const AvaLabelMap& labels) {
    std::string text;
    for (const auto& [id, name] : labels) {
        std::string escaped;
        for (char c : name) {
            if (c == '"' || c == '\\') escaped += '\\';
            escaped += c;
        }
        text += "item {\n  name: \"" + escaped + "\"\n  id: " + std::to_string(id) + "\n}\n";
    }
    return text;
}

}  // namespace actionlens::formats
