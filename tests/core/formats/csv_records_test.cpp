#include "core/formats/csv_records.h"

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::formats;

TEST(CsvRecords, QuotedFieldsSpanLinesAndRecordsKeepTheirFirstLine) {
    auto records = readCsvRecords("\xEF\xBB\xBFid,note\r\n1,\"two\r\nlines, \"\"quoted\"\"\"\r\n\r\n2, spaced \n3,\n", "f.csv");
    ASSERT_TRUE(records.ok()) << records.error();
    ASSERT_EQ(records->size(), 4u);
    EXPECT_EQ((*records)[0].fields, (std::vector<std::string>{"id", "note"}));
    EXPECT_EQ((*records)[1].fields, (std::vector<std::string>{"1", "two\r\nlines, \"quoted\""}));
    EXPECT_EQ((*records)[1].line, 2);
    EXPECT_EQ((*records)[2].fields, (std::vector<std::string>{"2", " spaced "})) << "fields are kept exactly";
    EXPECT_EQ((*records)[2].line, 5) << "the empty line 4 is skipped";
    EXPECT_EQ((*records)[3].fields, (std::vector<std::string>{"3", ""}));
    EXPECT_EQ((*records)[3].line, 6);
}

TEST(CsvRecords, BrokenQuotingIsReportedWithItsLine) {
    EXPECT_EQ(readCsvRecords("a,b\n1,\"open\n2,3\n", "f.csv").error(), "f.csv line 2: a quoted field is not closed");
    EXPECT_EQ(readCsvRecords("a,b\n1,\"x\"y\n", "f.csv").error(), "f.csv line 2: text after the closing quote of a field");
    EXPECT_EQ(readCsvRecords("a,b\n1,x\"y\n", "f.csv").error(), "f.csv line 2: a quote inside an unquoted field");
    EXPECT_TRUE(readCsvRecords("", "f.csv")->empty());
}
