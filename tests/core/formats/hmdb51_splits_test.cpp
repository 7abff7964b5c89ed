#include "core/formats/hmdb51_splits.h"
#include "tests/support/test_videos.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace actionlens;
using namespace actionlens::formats;

TEST(Hmdb51Splits, ReadsActionsVideosAndSplitMembership) {
    fixtures::TempDir dir;
    const std::string folder = dir.file("testTrainMulti_7030_splits");
    std::filesystem::create_directories(folder);
    fixtures::writeFileBytes(folder + "/brush_hair_test_split1.txt",
                             "April_09_brush_hair_u_nm_np1_ba_goo_0.avi 1 \nApril_09_brush_hair_u_nm_np1_ba_goo_1.avi 2 \n"
                             "April_09_brush_hair_u_nm_np1_ba_goo_2.avi 0 \n");
    fixtures::writeFileBytes(folder + "/brush_hair_test_split2.txt",
                             "April_09_brush_hair_u_nm_np1_ba_goo_0.avi 2 \nApril_09_brush_hair_u_nm_np1_ba_goo_1.avi 0 \n"
                             "April_09_brush_hair_u_nm_np1_ba_goo_2.avi 1 \n");
    fixtures::writeFileBytes(folder + "/cartwheel_test_split1.txt", "Cartwheel_Tutorial_cartwheel_f_cm_np1_ba_med_1.avi 1\n");
    auto listing = readHmdb51Splits(dir.path());
    ASSERT_TRUE(listing.ok()) << listing.error();
    EXPECT_EQ(listing->classes, (std::vector<std::string>{"brush_hair", "cartwheel"}));
    ASSERT_EQ(listing->videos.size(), 4u);
    EXPECT_EQ(listing->videos[0].relativePath, "brush_hair/April_09_brush_hair_u_nm_np1_ba_goo_0.avi");
    EXPECT_EQ(listing->videos[0].splits, (std::vector<std::string>{"test2", "train1"}));
    EXPECT_EQ(listing->videos[1].splits, (std::vector<std::string>{"test1"}));
    EXPECT_EQ(listing->videos[2].splits, (std::vector<std::string>{"train2"}));
    EXPECT_EQ(listing->videos[3].label, "cartwheel");
}

TEST(Hmdb51Splits, BadLinesAreReportedByFileAndLine) {
    fixtures::TempDir dir;
    fixtures::writeFileBytes(dir.file("jump_test_split1.txt"), "a.avi 1\nb.avi 7\n");
    auto listing = readHmdb51Splits(dir.path());
    ASSERT_FALSE(listing.ok());
    EXPECT_EQ(listing.error(), "jump_test_split1.txt line 2: expected 'VIDEO.avi 0|1|2', got 'b.avi 7'");
    fixtures::TempDir empty;
    EXPECT_FALSE(readHmdb51Splits(empty.path()).ok());
    // A split file without a video line (empty, blank) is refused, not read as an empty split.
    fixtures::TempDir blank;
    fixtures::writeFileBytes(blank.file("jump_test_split1.txt"), " \n\t\n");
    auto none = readHmdb51Splits(blank.path());
    ASSERT_FALSE(none.ok());
    EXPECT_EQ(none.error(), "jump_test_split1.txt lists no videos");
}

TEST(Hmdb51Splits, ASplitNumberTooLargeForAnIntIsNotASplitFile) {
    // The number was read with std::stoi, which threw out_of_range (a crash) on 11 digits.
    fixtures::TempDir dir;
    fixtures::writeFileBytes(dir.file("jump_test_split99999999999.txt"), "a.avi 1\n");
    auto huge = readHmdb51Splits(dir.path());
    ASSERT_FALSE(huge.ok());
    EXPECT_NE(huge.error().find("has no ACTION_test_splitN.txt files"), std::string::npos) << huge.error();
    fixtures::writeFileBytes(dir.file("jump_test_split0000002.txt"), "a.avi 1\n");
    auto padded = readHmdb51Splits(dir.path());
    ASSERT_TRUE(padded.ok()) << padded.error();
    ASSERT_EQ(padded->videos.size(), 1u);
    EXPECT_EQ(padded->videos[0].splits, (std::vector<std::string>{"train2"}));
}
