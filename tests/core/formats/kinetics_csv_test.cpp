#include "core/formats/kinetics_csv.h"
#include "tests/support/test_videos.h"

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::formats;

TEST(KineticsCsv, ParsesQuotedFields) {
    auto fields = parseCsvLine(R"csv("passing American football (in game)",abc, "say ""hi""",)csv", "x");
    ASSERT_TRUE(fields.ok());
    EXPECT_EQ(fields.value(), (std::vector<std::string>{"passing American football (in game)", "abc", "say \"hi\"", ""}));
    EXPECT_FALSE(parseCsvLine(R"(a,"open)", "x").ok());
}

TEST(KineticsCsv, FindsColumnsByHeaderNameInAnyOrder) {
    fixtures::TempDir dir;
    fixtures::writeFileBytes(dir.file("train.csv"),
                             "label,youtube_id,time_start,time_end,split,is_cc\n"
                             "abseiling,--07WQ2iBlw,1,11,train,0\n"
                             "\"air drumming\",--33Lscn6sk,4,14,train,0\n");
    fixtures::writeFileBytes(dir.file("test.csv"), "youtube_id,time_end,time_start\n--0NTAs-fA0,39,29\n");
    auto listing = readKineticsCsv({dir.file("train.csv"), dir.file("test.csv")}, "test");
    ASSERT_TRUE(listing.ok()) << listing.error();
    ASSERT_EQ(listing->videos.size(), 3u);
    EXPECT_EQ(listing->videos[0].relativePath, "--07WQ2iBlw_000001_000011.mp4");
    EXPECT_EQ(listing->videos[1].label, "air drumming");
    EXPECT_EQ(listing->videos[2].relativePath, "--0NTAs-fA0_000029_000039.mp4");
    EXPECT_EQ(listing->videos[2].label, "");
    EXPECT_EQ(listing->videos[2].splits, (std::vector<std::string>{"test"}));
    EXPECT_EQ(listing->classes, (std::vector<std::string>{"abseiling", "air drumming"}));
}

TEST(KineticsCsv, BadRowsAreReportedByFileAndLine) {
    fixtures::TempDir dir;
    fixtures::writeFileBytes(dir.file("a.csv"), "label,youtube_id,time_start\nx,id,1\n");
    auto noEnd = readKineticsCsv({dir.file("a.csv")});
    ASSERT_FALSE(noEnd.ok());
    EXPECT_EQ(noEnd.error(), "a.csv line 1: no 'time_end' column in the header");

    fixtures::writeFileBytes(dir.file("b.csv"), "label,youtube_id,time_start,time_end\nx,id,1,11\ny,id2,5,2\n");
    auto backwards = readKineticsCsv({dir.file("b.csv")});
    ASSERT_FALSE(backwards.ok());
    EXPECT_EQ(backwards.error(), "b.csv line 3: time_end '2' is not after time_start");

    fixtures::writeFileBytes(dir.file("c.csv"), "label,youtube_id,time_start,time_end\nx,../../etc,1,11\n");
    EXPECT_FALSE(readKineticsCsv({dir.file("c.csv")}).ok());
    fixtures::writeFileBytes(dir.file("d.csv"), "label,youtube_id,time_start,time_end\nx,id,1\n");
    auto short_ = readKineticsCsv({dir.file("d.csv")});
    ASSERT_FALSE(short_.ok());
    EXPECT_EQ(short_.error(), "d.csv line 2: 3 fields, the header has 4");
}
