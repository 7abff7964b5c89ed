#pragma once

// DatasetListing: what a dataset's own list files say — its classes, and for every video its
// path (relative to the dataset folder), its label and the splits it belongs to. Parsed from
// UCF101 (classInd.txt, trainlistNN/testlistNN), HMDB51 split files and Kinetics CSVs; the
// importers turn a listing into project records.

#include "core/common/result.h"

#include <string>
#include <vector>

namespace actionlens::formats {

struct ListedVideo {
    std::string relativePath;         // '/'-separated, never absolute, never leaving the dataset folder
    std::string label;                // class name; empty when the list does not say (Kinetics test)
    std::vector<std::string> splits;  // e.g. "train1", "test3"; sorted, no duplicates
};

struct DatasetListing {
    std::vector<std::string> classes;  // in the dataset's own order
    std::vector<ListedVideo> videos;   // in order of first appearance
};

// A path from a list file, made safe: backslashes become '/', "./" parts vanish; absolute paths
// and ".." parts are refused. `where` ("trainlist01.txt line 12") prefixes the error.
Result<std::string> datasetRelativePath(const std::string& listed, const std::string& where);

// Splits a text file into lines (LF or CRLF), without the line ends; a final empty line is dropped.
std::vector<std::string> splitLines(const std::string& text);
std::string trim(const std::string& text);

// Adds `split` to the video at `relativePath` (created with `label` if new). Keeps first-seen
// order of videos; refuses a second, different label for the same video.
class DatasetListingBuilder {
public:
    Status add(const std::string& relativePath, const std::string& label, const std::string& split, const std::string& where);
    void addClass(const std::string& name);
    DatasetListing take();

private:
    DatasetListing listing_;
    std::vector<std::pair<std::string, size_t>> byPath_;  // sorted for lookup
};

}  // namespace actionlens::formats
