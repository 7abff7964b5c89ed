#include "core/formats/csv_records.h"

namespace actionlens::formats {

Result<std::vector<CsvRecord>> readCsvRecords(const std::string& text, const std::string& fileName) {
    std::vector<CsvRecord> records;
    size_t i = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    int line = 1;
    while (i < text.size()) {
        CsvRecord record;
        record.line = line;
        record.fields.emplace_back();
        bool recordEnded = false;
        while (i < text.size() && !recordEnded) {
            std::string& field = record.fields.back();
            if (text[i] == '"' && field.empty()) {
                const int opened = line;
                ++i;
                for (;;) {
                    if (i >= text.size())
                        return makeError(fileName + " line " + std::to_string(opened) + ": a quoted field is not closed");
                    if (text[i] == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                    } else if (text[i] == '"') {
                        ++i;
                        break;
                    } else {
                        if (text[i] == '\n') ++line;
                        field += text[i++];
                    }
                }
                if (i < text.size() && text[i] != ',' && text[i] != '\n' && !(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n'))
                    return makeError(fileName + " line " + std::to_string(line) + ": text after the closing quote of a field");
                continue;
            }
            if (text[i] == ',') {
                record.fields.emplace_back();
                ++i;
            } else if (text[i] == '\n' || (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
                i += text[i] == '\r' ? 2 : 1;
                ++line;
                recordEnded = true;
            } else if (text[i] == '"') {
                return makeError(fileName + " line " + std::to_string(line) + ": a quote inside an unquoted field");
            } else {
                field += text[i++];
            }
        }
        const bool emptyLine = record.fields.size() == 1 && record.fields.front().empty();
        if (!emptyLine) records.push_back(std::move(record));
    }
    return records;
}

}  // namespace actionlens::formats
