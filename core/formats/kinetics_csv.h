#pragma once

// Kinetics annotation CSVs (train.csv, validate.csv, test.csv): columns found by header name —
// youtube_id, time_start, time_end (required), label and split (optional; test files have no
// label). A clip's file is YOUTUBEID_START_END.mp4 with six-digit seconds, as the common
// downloaders name them; the importer finds it anywhere under the dataset folder.

#include "core/formats/dataset_listing.h"

namespace actionlens::formats {

// One CSV line into fields (RFC 4180 quoting: "a, b" and doubled quotes).
Result<std::vector<std::string>> parseCsvLine(const std::string& line, const std::string& where);

// Reads one or more CSV files into one listing. `defaultSplit` names the split of rows
// without a split column ("" leaves them in none).
Result<DatasetListing> readKineticsCsv(const std::vector<std::string>& csvFiles, const std::string& defaultSplit = {});

}  // namespace actionlens::formats
