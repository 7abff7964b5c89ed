#pragma once

// The records of a whole CSV text (RFC 4180): a quoted field may hold commas, doubled quotes and
// line breaks; records end with LF or CRLF; a UTF-8 byte order mark (spreadsheets write one) is
// skipped, and so are empty lines. Fields are kept exactly, spaces included. Each record knows
// the line it starts on, for messages.

#include "core/common/result.h"

#include <string>
#include <vector>

namespace actionlens::formats {

struct CsvRecord {
    int line = 0;  // 1-based
    std::vector<std::string> fields;
};

// `fileName` prefixes the errors ("segments.csv line 7: a quoted field is not closed").
Result<std::vector<CsvRecord>> readCsvRecords(const std::string& text, const std::string& fileName);

}  // namespace actionlens::formats
