#include "core/formats/ucf101_lists.h"
#include "tests/support/test_videos.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace actionlens;
using namespace actionlens::formats;

namespace {

// The official layout: ucfTrainTestlist/ with CRLF line ends.
void writeLists(const fixtures::TempDir& dir) {
    std::filesystem::create_directories(dir.file("ucfTrainTestlist"));
    fixtures::writeFileBytes(dir.file("ucfTrainTestlist/classInd.txt"), "1 ApplyEyeMakeup\r\n2 HandstandPushups\r\n3 YoYo\r\n");
    fixtures::writeFileBytes(dir.file("ucfTrainTestlist/trainlist01.txt"),
                             "ApplyEyeMakeup/v_ApplyEyeMakeup_g08_c01.avi 1\r\n"
                             "HandstandPushups/v_HandStandPushups_g08_c01.avi 2\r\n"
                             "YoYo/v_YoYo_g08_c01.avi 3\r\n");
    fixtures::writeFileBytes(dir.file("ucfTrainTestlist/testlist01.txt"),
                             "ApplyEyeMakeup/v_ApplyEyeMakeup_g01_c01.avi\r\nYoYo/v_YoYo_g01_c01.avi\r\n");
    fixtures::writeFileBytes(dir.file("ucfTrainTestlist/trainlist02.txt"),
                             "ApplyEyeMakeup/v_ApplyEyeMakeup_g01_c01.avi 1\r\n");
}

}  // namespace

TEST(Ucf101Lists, ReadsClassesVideosAndSplits) {
    fixtures::TempDir dir;
    writeLists(dir);
    auto listing = readUcf101Lists(dir.path());
    ASSERT_TRUE(listing.ok()) << listing.error();
    EXPECT_EQ(listing->classes, (std::vector<std::string>{"ApplyEyeMakeup", "HandstandPushups", "YoYo"}));
    ASSERT_EQ(listing->videos.size(), 5u);
    const ListedVideo& g01 = listing->videos[3];
    EXPECT_EQ(g01.relativePath, "ApplyEyeMakeup/v_ApplyEyeMakeup_g01_c01.avi");
    EXPECT_EQ(g01.label, "ApplyEyeMakeup");
    EXPECT_EQ(g01.splits, (std::vector<std::string>{"test1", "train2"}));
    EXPECT_EQ(listing->videos[1].label, "HandstandPushups");
}

TEST(Ucf101Lists, BadLinesAreReportedByFileAndLine) {
    fixtures::TempDir dir;
    writeLists(dir);
    fixtures::writeFileBytes(dir.file("ucfTrainTestlist/trainlist03.txt"), "YoYo/a.avi 3\r\nYoYo/b.avi 9\r\n");
    auto badIndex = readUcf101Lists(dir.path());
    ASSERT_FALSE(badIndex.ok());
    EXPECT_EQ(badIndex.error(), "trainlist03.txt line 2: class index 9 is not in classInd.txt (1-3)");

    fixtures::writeFileBytes(dir.file("ucfTrainTestlist/trainlist03.txt"), "../../secret.avi 1\r\n");
    auto escape = readUcf101Lists(dir.path());
    ASSERT_FALSE(escape.ok());
    EXPECT_NE(escape.error().find("leaves the dataset folder"), std::string::npos) << escape.error();

    fixtures::writeFileBytes(dir.file("ucfTrainTestlist/trainlist03.txt"), "");
    fixtures::writeFileBytes(dir.file("ucfTrainTestlist/testlist03.txt"), "Skiing/v_Skiing_g01_c01.avi\r\n");
    auto unknownClass = readUcf101Lists(dir.path());
    ASSERT_FALSE(unknownClass.ok());
    EXPECT_NE(unknownClass.error().find("testlist03.txt line 1"), std::string::npos) << unknownClass.error();

    fixtures::writeFileBytes(dir.file("ucfTrainTestlist/classInd.txt"), "1 A\r\n3 B\r\n");
    auto gap = readUcf101Lists(dir.path());
    ASSERT_FALSE(gap.ok());
    EXPECT_EQ(gap.error(), "classInd.txt line 2: class index 3 out of sequence (expected 2)");
}

TEST(Ucf101Lists, AFolderWithoutListsSaysWhatIsMissing) {
    fixtures::TempDir dir;
    auto listing = readUcf101Lists(dir.path());
    ASSERT_FALSE(listing.ok());
    EXPECT_NE(listing.error().find("classInd.txt"), std::string::npos);
}

TEST(Ucf101Lists, AListNumberTooLargeForAnIntIsNotAList) {
    // The number was read with std::stoi, which threw out_of_range (a crash) on 11 digits.
    fixtures::TempDir dir;
    fixtures::writeFileBytes(dir.file("classInd.txt"), "1 A\n");
    fixtures::writeFileBytes(dir.file("trainlist99999999999.txt"), "A/v_A_g01_c01.avi 1\n");
    auto huge = readUcf101Lists(dir.path());
    ASSERT_FALSE(huge.ok());
    EXPECT_NE(huge.error().find("has no trainlistNN.txt"), std::string::npos) << huge.error();
}
