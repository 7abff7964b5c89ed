#include "tests/support/input_mutations.h"

#include <algorithm>
#include <cctype>
#include <random>
#include <utility>

namespace actionlens::testsupport {

namespace {

// [begin, end) of each line, its newline included.
std::vector<std::pair<size_t, size_t>> lineSpans(const std::string& text) {
    std::vector<std::pair<size_t, size_t>> spans;
    size_t begin = 0;
    while (begin < text.size()) {
        size_t end = text.find('\n', begin);
        end = end == std::string::npos ? text.size() : end + 1;
        spans.emplace_back(begin, end);
        begin = end;
    }
    return spans;
}

bool isDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool isWordChar(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// Runs of digits (with a leading minus and a fraction), and runs of letters: the tokens to replace.
std::vector<std::pair<size_t, size_t>> tokens(const std::string& text, bool numbers) {
    std::vector<std::pair<size_t, size_t>> found;
    size_t i = 0;
    while (i < text.size()) {
        if (numbers ? isDigit(text[i]) : isWordChar(text[i])) {
            size_t begin = i;
            if (numbers && begin > 0 && text[begin - 1] == '-') --begin;
            while (i < text.size() && (numbers ? (isDigit(text[i]) || text[i] == '.') : isWordChar(text[i]))) ++i;
            found.emplace_back(begin, i);
        } else {
            ++i;
        }
    }
    return found;
}

// `count` distinct picks out of `n` (all of them when n <= count), in ascending order.
std::vector<size_t> pick(size_t n, int count, std::mt19937& random) {
    std::vector<size_t> all(n);
    for (size_t i = 0; i < n; ++i) all[i] = i;
    if (n > static_cast<size_t>(count)) {
        std::shuffle(all.begin(), all.end(), random);
        all.resize(static_cast<size_t>(count));
        std::sort(all.begin(), all.end());
    }
    return all;
}

}  // namespace

const std::vector<std::string>& mutationKinds() {
    static const std::vector<std::string> kinds = {"truncated", "byte changed", "line deleted", "line doubled",
                                                   "number out of range", "name emptied or huge", "empty or noise"};
    return kinds;
}

std::vector<MutatedInput> mutations(const std::string& valid, int perKind, std::uint32_t seed) {
    std::mt19937 random(seed);
    std::vector<MutatedInput> out;
    const auto& kinds = mutationKinds();
    // Cut short at evenly spaced lengths, the last byte too.
    if (!valid.empty()) {
        const size_t cuts = std::min(valid.size(), static_cast<size_t>(perKind));
        for (size_t k = 0; k < cuts; ++k) out.push_back({kinds[0], valid.substr(0, valid.size() * k / cuts)});
    }
    // One byte changed to a random value (never the same).
    for (size_t at : pick(valid.size(), perKind, random)) {
        std::string bytes = valid;
        bytes[at] = static_cast<char>(static_cast<unsigned char>(bytes[at]) ^ (1 + random() % 255));
        out.push_back({kinds[1], std::move(bytes)});
    }
    const auto lines = lineSpans(valid);
    for (size_t line : pick(lines.size(), perKind, random)) {
        std::string bytes = valid;
        bytes.erase(lines[line].first, lines[line].second - lines[line].first);
        out.push_back({kinds[2], std::move(bytes)});
    }
    for (size_t line : pick(lines.size(), perKind, random)) {
        std::string bytes = valid;
        bytes.insert(lines[line].second, valid.substr(lines[line].first, lines[line].second - lines[line].first));
        out.push_back({kinds[3], std::move(bytes)});
    }
    static const char* const extremes[] = {"-1", "0", "-2147483649", "9223372036854775808", "1e309", "nan", "-0.5", "4294967296", ""};
    const auto numbers = tokens(valid, true);
    for (size_t n : pick(numbers.size(), perKind, random)) {
        std::string bytes = valid;
        bytes.replace(numbers[n].first, numbers[n].second - numbers[n].first, extremes[random() % std::size(extremes)]);
        out.push_back({kinds[4], std::move(bytes)});
    }
    const auto words = tokens(valid, false);
    for (size_t w : pick(words.size(), perKind, random)) {
        std::string bytes = valid;
        std::string replacement;
        switch (random() % 3) {
        case 0: break;  // emptied
        case 1: replacement.assign(100000, 'x'); break;
        default: replacement = "\xff\xfe\xc3"; break;  // not UTF-8
        }
        bytes.replace(words[w].first, words[w].second - words[w].first, replacement);
        out.push_back({kinds[5], std::move(bytes)});
    }
    std::string noise(4096, '\0');
    for (char& c : noise) c = static_cast<char>(random() % 256);
    out.push_back({kinds[6], std::string()});
    out.push_back({kinds[6], std::string(" \n\t\n")});
    out.push_back({kinds[6], std::move(noise)});
    return out;
}

}  // namespace actionlens::testsupport
