#include "core/formats/dataset_listing.h"

#include <algorithm>
#include <sstream>

namespace actionlens::formats {

std::vector<std::string> splitLines(const std::string& text) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
        start = end + 1;
    }
    if (!lines.empty() && lines.back().empty()) lines.pop_back();
    return lines;
}

std::string trim(const std::string& text) {
    const char* space = " \t\r\n\f\v";
    const size_t first = text.find_first_not_of(space);
    if (first == std::string::npos) return {};
    const size_t last = text.find_last_not_of(space);
    return text.substr(first, last - first + 1);
}

Result<std::string> datasetRelativePath(const std::string& listed, const std::string& where) {
    std::string path = listed;
    std::replace(path.begin(), path.end(), '\\', '/');
    if (path.empty()) return makeError(where + ": empty video path");
    if (path.front() == '/' || (path.size() > 1 && path[1] == ':')) {
        return makeError(where + ": video path '" + listed + "' is absolute; list files must name videos inside the dataset folder");
    }
    std::vector<std::string> parts;
    std::stringstream stream(path);
    std::string part;
    while (std::getline(stream, part, '/')) {
        if (part.empty() || part == ".") continue;
        if (part == "..") return makeError(where + ": video path '" + listed + "' leaves the dataset folder");
        parts.push_back(part);
    }
    if (parts.empty()) return makeError(where + ": empty video path");
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

void DatasetListingBuilder::addClass(const std::string& name) {
    if (std::find(listing_.classes.begin(), listing_.classes.end(), name) == listing_.classes.end()) {
        listing_.classes.push_back(name);
    }
}

Status DatasetListingBuilder::add(const std::string& relativePath, const std::string& label, const std::string& split,
                                  const std::string& where) {
    auto it = std::lower_bound(byPath_.begin(), byPath_.end(), relativePath,
                               [](const std::pair<std::string, size_t>& e, const std::string& p) { return e.first < p; });
    ListedVideo* video = nullptr;
    if (it != byPath_.end() && it->first == relativePath) {
        video = &listing_.videos[it->second];
        if (!label.empty() && !video->label.empty() && video->label != label) {
            return makeError(where + ": '" + relativePath + "' is labelled '" + label + "' here but '" + video->label +
                             "' elsewhere");
        }
        if (video->label.empty()) video->label = label;
    } else {
        byPath_.insert(it, {relativePath, listing_.videos.size()});
        listing_.videos.push_back(ListedVideo{relativePath, label, {}});
        video = &listing_.videos.back();
    }
    if (!split.empty()) {
        auto at = std::lower_bound(video->splits.begin(), video->splits.end(), split);
        if (at == video->splits.end() || *at != split) video->splits.insert(at, split);
    }
    if (!label.empty()) addClass(label);
    return Status::success();
}

DatasetListing DatasetListingBuilder::take() {
    byPath_.clear();
    return std::move(listing_);
}

}  // namespace actionlens::formats
