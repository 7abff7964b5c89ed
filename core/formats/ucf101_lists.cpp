#include "core/formats/ucf101_lists.h"

#include "core/formats/text_file.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <regex>
#include <sstream>

namespace actionlens::formats {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string where(const fs::path& file, size_t line) { return file.filename().string() + " line " + std::to_string(line); }

Result<std::vector<std::string>> readClassIndex(const fs::path& file) {
    auto text = readTextFile(file.string());
    if (!text.ok()) return text.takeError();
    std::vector<std::string> classes;
    const auto lines = splitLines(text.value());
    for (size_t i = 0; i < lines.size(); ++i) {
        const std::string line = trim(lines[i]);
        if (line.empty()) continue;
        std::istringstream fields(line);
        long index = 0;
        std::string name, extra;
        if (!(fields >> index >> name) || (fields >> extra)) {
            return makeError(where(file, i + 1) + ": expected 'INDEX CLASSNAME', got '" + line + "'");
        }
        if (index != static_cast<long>(classes.size()) + 1) {
            return makeError(where(file, i + 1) + ": class index " + std::to_string(index) + " out of sequence (expected " +
                             std::to_string(classes.size() + 1) + ")");
        }
        if (std::find(classes.begin(), classes.end(), name) != classes.end()) {
            return makeError(where(file, i + 1) + ": class '" + name + "' listed twice");
        }
        classes.push_back(name);
    }
    if (classes.empty()) return makeError(file.filename().string() + " lists no classes");
    return classes;
}

}  // namespace

Result<DatasetListing> readUcf101Lists(const std::string& folder) {
    fs::path listFolder = folder;
    if (!fs::exists(listFolder / "classInd.txt") && fs::exists(listFolder / "ucfTrainTestlist" / "classInd.txt")) {
        listFolder /= "ucfTrainTestlist";
    }
    if (!fs::exists(listFolder / "classInd.txt")) {
        return makeError("'" + folder + "' has no classInd.txt (UCF101's list folder is ucfTrainTestlist)");
    }
    auto classes = readClassIndex(listFolder / "classInd.txt");
    if (!classes.ok()) return classes.takeError();

    DatasetListingBuilder builder;
    for (const std::string& name : classes.value()) builder.addClass(name);

    std::vector<fs::path> lists;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(listFolder, ec)) {
        // At most 6 significant digits: the split number must fit std::stoi below.
        static const std::regex pattern(R"((train|test)list0*(\d{1,6})\.txt)");
        if (std::regex_match(entry.path().filename().string(), pattern)) lists.push_back(entry.path());
    }
    // Training lists first, so that videos keep the order in which the dataset lists them.
    std::sort(lists.begin(), lists.end(), [](const fs::path& a, const fs::path& b) {
        const bool aTrain = a.filename().string().rfind("train", 0) == 0;
        const bool bTrain = b.filename().string().rfind("train", 0) == 0;
        return aTrain != bTrain ? aTrain : a < b;
    });
    if (lists.empty()) return makeError("'" + listFolder.string() + "' has no trainlistNN.txt or testlistNN.txt files");

    for (const fs::path& list : lists) {
        std::smatch match;
        const std::string name = list.filename().string();
        std::regex_match(name, match, std::regex(R"((train|test)list0*(\d{1,6})\.txt)"));
        const bool train = match[1] == "train";
        const std::string split = match[1].str() + std::to_string(std::stoi(match[2].str()));
        auto text = readTextFile(list.string());
        if (!text.ok()) return text.takeError();
        const auto lines = splitLines(text.value());
        for (size_t i = 0; i < lines.size(); ++i) {
            const std::string line = trim(lines[i]);
            if (line.empty()) continue;
            const std::string at = where(list, i + 1);
            std::istringstream fields(line);
            std::string path, extra;
            long index = 0;
            fields >> path;
            std::string label;
            if (train) {
                if (!(fields >> index) || (fields >> extra)) {
                    return makeError(at + ": expected 'CLASS/VIDEO.avi INDEX', got '" + line + "'");
                }
                if (index < 1 || index > static_cast<long>(classes->size())) {
                    return makeError(at + ": class index " + std::to_string(index) + " is not in classInd.txt (1-" +
                                     std::to_string(classes->size()) + ")");
                }
                label = classes.value()[static_cast<size_t>(index - 1)];
            } else {
                if (fields >> extra) return makeError(at + ": expected 'CLASS/VIDEO.avi', got '" + line + "'");
            }
            auto relative = datasetRelativePath(path, at);
            if (!relative.ok()) return relative.takeError();
            if (!train) {
                const std::string folderName = relative->substr(0, relative->find('/'));
                auto found = std::find_if(classes->begin(), classes->end(),
                                          [&](const std::string& c) { return lower(c) == lower(folderName); });
                if (relative->find('/') == std::string::npos || found == classes->end()) {
                    return makeError(at + ": '" + path + "' is not in a folder named after a class of classInd.txt");
                }
                label = *found;
            }
            if (Status s = builder.add(relative.value(), label, split, at); !s.ok()) return s.takeError();
        }
    }
    return builder.take();
}

}  // namespace actionlens::formats
