#pragma once

// Where an exporter that writes one file per video puts each: the output path itself for a
// one-video project, else a folder of files named after each video (its name, or its file's
// base name; characters a file name cannot hold replaced, duplicates numbered "name (2).eaf").

#include "core/annotation/video.h"
#include "core/common/result.h"

#include <set>
#include <string>
#include <vector>

namespace actionlens::formats {

class PerVideoFiles {
public:
    // `suffix`: ".eaf", ".xml", ...
    PerVideoFiles(std::string output, size_t videoCount, std::string suffix);

    // Creates the folder when there are several videos; an error naming it otherwise.
    Status prepare() const;
    // The path of `video`'s file (a new one on each call for the folder's files).
    std::string pathFor(const annotation::Video& video);
    bool isOneFile() const { return oneFile_; }

private:
    std::string output_;
    std::string suffix_;
    bool oneFile_;
    std::set<std::string> used_;
};

// The import side: the files `source` means, itself, or the files of the folder matching
// `pattern` ("*.eaf"), by name; a folder without any is an error saying it holds no `kind`.
Result<std::vector<std::string>> filesOfSource(const std::string& source, const char* pattern, const std::string& kind);

}  // namespace actionlens::formats
