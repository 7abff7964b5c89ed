#include "core/formats/hmdb51_splits.h"

#include "core/formats/text_file.h"

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>

namespace actionlens::formats {

namespace fs = std::filesystem;

Result<DatasetListing> readHmdb51Splits(const std::string& folder) {
    fs::path splitFolder = folder;
    if (fs::exists(splitFolder / "testTrainMulti_7030_splits")) splitFolder /= "testTrainMulti_7030_splits";
    // At most 6 significant digits: the split number must fit std::stoi below.
    static const std::regex pattern(R"((.+)_test_split0*(\d{1,6})\.txt)");
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(splitFolder, ec)) {
        if (std::regex_match(entry.path().filename().string(), pattern)) files.push_back(entry.path());
    }
    if (ec) return makeError("cannot list '" + folder + "': " + ec.message());
    if (files.empty()) {
        return makeError("'" + folder + "' has no ACTION_test_splitN.txt files (HMDB51's testTrainMulti_7030_splits)");
    }
    std::sort(files.begin(), files.end());

    DatasetListingBuilder builder;
    for (const fs::path& file : files) {
        const std::string name = file.filename().string();
        std::smatch match;
        std::regex_match(name, match, pattern);
        const std::string action = match[1].str();
        const std::string splitNumber = std::to_string(std::stoi(match[2].str()));
        builder.addClass(action);
        auto text = readTextFile(file.string());
        if (!text.ok()) return text.takeError();
        const auto lines = splitLines(text.value());
        bool listed = false;
        for (size_t i = 0; i < lines.size(); ++i) {
            const std::string line = trim(lines[i]);
            if (line.empty()) continue;
            const std::string at = name + " line " + std::to_string(i + 1);
            std::istringstream fields(line);
            std::string video, extra;
            int id = -1;
            if (!(fields >> video >> id) || (fields >> extra) || id < 0 || id > 2) {
                return makeError(at + ": expected 'VIDEO.avi 0|1|2', got '" + line + "'");
            }
            auto relative = datasetRelativePath(action + "/" + video, at);
            if (!relative.ok()) return relative.takeError();
            const std::string split = id == 1 ? "train" + splitNumber : id == 2 ? "test" + splitNumber : std::string();
            if (Status s = builder.add(relative.value(), action, split, at); !s.ok()) return s.takeError();
            listed = true;
        }
        if (!listed) return makeError(name + " lists no videos");
    }
    return builder.take();
}

}  // namespace actionlens::formats
