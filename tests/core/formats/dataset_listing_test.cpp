#include "core/formats/dataset_listing.h"

#include <gtest/gtest.h>

using namespace actionlens::formats;

TEST(DatasetListing, SplitsLinesWithEitherLineEnd) {
    EXPECT_EQ(splitLines("a\r\nb\nc\r\n"), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(splitLines("a\n\nb"), (std::vector<std::string>{"a", "", "b"}));
    EXPECT_TRUE(splitLines("").empty());
}

TEST(DatasetListing, PathsStayInsideTheDatasetFolder) {
    EXPECT_EQ(datasetRelativePath("Class\\clip.avi", "x").value(), "Class/clip.avi");
    EXPECT_EQ(datasetRelativePath("./a//b.avi", "x").value(), "a/b.avi");
    auto up = datasetRelativePath("a/../../etc/passwd", "list.txt line 3");
    ASSERT_FALSE(up.ok());
    EXPECT_EQ(up.error(), "list.txt line 3: video path 'a/../../etc/passwd' leaves the dataset folder");
    EXPECT_FALSE(datasetRelativePath("/etc/passwd", "x").ok());
    EXPECT_FALSE(datasetRelativePath("C:\\videos\\a.avi", "x").ok());
    EXPECT_FALSE(datasetRelativePath("", "x").ok());
}

TEST(DatasetListing, MergesSplitsOfOneVideoAndRefusesConflictingLabels) {
    DatasetListingBuilder builder;
    ASSERT_TRUE(builder.add("a.avi", "run", "train1", "l1").ok());
    ASSERT_TRUE(builder.add("b.avi", "walk", "train1", "l2").ok());
    ASSERT_TRUE(builder.add("a.avi", "run", "test2", "l3").ok());
    ASSERT_TRUE(builder.add("a.avi", "", "train1", "l4").ok());
    auto conflict = builder.add("a.avi", "walk", "test3", "l5");
    ASSERT_FALSE(conflict.ok());
    EXPECT_NE(conflict.error().find("l5"), std::string::npos);
    const DatasetListing listing = builder.take();
    ASSERT_EQ(listing.videos.size(), 2u);
    EXPECT_EQ(listing.videos[0].relativePath, "a.avi");
    EXPECT_EQ(listing.videos[0].splits, (std::vector<std::string>{"test2", "train1"}));
    EXPECT_EQ(listing.classes, (std::vector<std::string>{"run", "walk"}));
}
