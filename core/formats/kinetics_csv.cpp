#include "core/formats/kinetics_csv.h"

#include "core/formats/text_file.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>

namespace actionlens::formats {

Result<std::vector<std::string>> parseCsvLine(const std::string& line, const std::string& where) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    if (quoted) return makeError(where + ": a quoted field is not closed");
    for (std::string& f : fields) f = trim(f);
    return fields;
}

namespace {

std::optional<size_t> column(const std::vector<std::string>& header, const char* name) {
    auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) return std::nullopt;
    return static_cast<size_t>(std::distance(header.begin(), it));
}

std::optional<long> wholeSeconds(const std::string& text) {
    try {
        size_t used = 0;
        const double value = std::stod(text, &used);
        if (used != text.size() || value < 0 || value > 1e7 || value != std::floor(value)) return std::nullopt;
        return static_cast<long>(value);
    } catch (...) {
        return std::nullopt;
    }
}

}  // namespace

Result<DatasetListing> readKineticsCsv(const std::vector<std::string>& csvFiles, const std::string& defaultSplit) {
    if (csvFiles.empty()) return makeError("no Kinetics CSV files given");
    DatasetListingBuilder builder;
    for (const std::string& file : csvFiles) {
        const std::string name = std::filesystem::path(file).filename().string();
        auto text = readTextFile(file);
        if (!text.ok()) return text.takeError();
        const auto lines = splitLines(text.value());
        if (lines.empty()) return makeError(name + ": empty file, expected a header line");
        auto header = parseCsvLine(lines[0], name + " line 1");
        if (!header.ok()) return header.takeError();
        const auto id = column(header.value(), "youtube_id");
        const auto start = column(header.value(), "time_start");
        const auto end = column(header.value(), "time_end");
        const auto label = column(header.value(), "label");
        const auto split = column(header.value(), "split");
        for (const auto& [required, column] : {std::pair{"youtube_id", id}, {"time_start", start}, {"time_end", end}}) {
            if (!column) return makeError(name + " line 1: no '" + required + "' column in the header");
        }
        for (size_t i = 1; i < lines.size(); ++i) {
            if (trim(lines[i]).empty()) continue;
            const std::string at = name + " line " + std::to_string(i + 1);
            auto fields = parseCsvLine(lines[i], at);
            if (!fields.ok()) return fields.takeError();
            if (fields->size() != header->size()) {
                return makeError(at + ": " + std::to_string(fields->size()) + " fields, the header has " +
                                 std::to_string(header->size()));
            }
            const std::string& youtubeId = fields.value()[*id];
            if (youtubeId.empty() || youtubeId.find('/') != std::string::npos || youtubeId.find('\\') != std::string::npos ||
                youtubeId == "." || youtubeId == "..") {
                return makeError(at + ": youtube_id '" + youtubeId + "' is not a video id");
            }
            const auto from = wholeSeconds(fields.value()[*start]);
            const auto to = wholeSeconds(fields.value()[*end]);
            if (!from) return makeError(at + ": time_start '" + fields.value()[*start] + "' is not whole seconds");
            if (!to || *to <= *from) return makeError(at + ": time_end '" + fields.value()[*end] + "' is not after time_start");
            char clip[64];
            std::snprintf(clip, sizeof(clip), "_%06ld_%06ld.mp4", *from, *to);
            const std::string rowSplit = split ? fields.value()[*split] : defaultSplit;
            const std::string rowLabel = label ? fields.value()[*label] : std::string();
            if (Status s = builder.add(youtubeId + clip, rowLabel, rowSplit, at); !s.ok()) return s.takeError();
        }
    }
    return builder.take();
}

}  // namespace actionlens::formats
