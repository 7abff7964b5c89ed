#include "core/formats/ntu_skeleton_file.h"

#include "tests/core/formats/ntu_test_files.h"

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::formats;
using namespace actionlens::fixtures;

namespace {

// Replaces line `number` (1-based) of `text` with `replacement` (empty: removes it).
std::string withLine(const std::string& text, int number, const std::string& replacement, bool remove = false) {
    std::string result;
    size_t start = 0;
    for (int line = 1; start < text.size(); ++line) {
        const size_t end = text.find('\n', start);
        const std::string current = text.substr(start, end - start);
        if (line != number) result += current + "\n";
        else if (!remove) result += replacement + "\n";
        start = end == std::string::npos ? text.size() : end + 1;
    }
    return result;
}

}  // namespace

TEST(NtuSkeletonFile, ReadsEachFramesBodiesWithColourCoordinatesAndTrackingStates) {
    const std::string text = ntuSkeletonText({{NtuTestBody{"72057594037931101", 900, 300, 2, 3, 24}},
                                              {NtuTestBody{"72057594037931101", 901, 301}, NtuTestBody{"72057594037931155", 500, 100}}});
    auto file = parseNtuSkeletonFile(text, "S001C001P001R001A001.skeleton");
    ASSERT_TRUE(file.ok()) << file.error();
    EXPECT_EQ(file->frameCount, 2);
    ASSERT_EQ(file->frames.size(), 2u);
    ASSERT_EQ(file->frames[0].size(), 1u);
    ASSERT_EQ(file->frames[1].size(), 2u);
    const NtuBody& first = file->frames[0][0];
    EXPECT_EQ(first.bodyId, "72057594037931101");
    ASSERT_EQ(first.joints.size(), 25u);
    EXPECT_DOUBLE_EQ(first.joints[5].colorX, 905);
    EXPECT_DOUBLE_EQ(first.joints[5].colorY, 310);
    EXPECT_EQ(first.joints[5].trackingState, 2);
    EXPECT_EQ(first.joints[3].trackingState, 1);
    EXPECT_EQ(first.joints[24].trackingState, 0);
    EXPECT_EQ(file->frames[1][1].bodyId, "72057594037931155");
    EXPECT_DOUBLE_EQ(file->frames[1][1].joints[0].colorX, 500);
}

TEST(NtuSkeletonFile, AFrameWithoutBodiesIsKept) {
    auto file = parseNtuSkeletonFile(ntuSkeletonText({{}, {NtuTestBody{"7", 1, 1}}}), "a.skeleton");
    ASSERT_TRUE(file.ok()) << file.error();
    ASSERT_EQ(file->frames.size(), 2u);
    EXPECT_TRUE(file->frames[0].empty());
}

TEST(NtuSkeletonFile, MalformedFilesNameTheLineAndTheReason) {
    // Lines: 1 frame count, 2 body count, 3 body, 4 joint count, 5..29 joints, 30 body count of frame 2.
    const std::string good = ntuSkeletonText({{NtuTestBody{"7", 900, 300}}, {}});
    const std::pair<std::string, std::string> cases[] = {
        {withLine(good, 1, "two"), "s.skeleton line 1: the frame count 'two' is not a whole number from 0"},
        {withLine(good, 2, "1 1"), "s.skeleton line 2: 2 values, expected 1 (the body count of frame 1)"},
        {withLine(good, 3, "7 0 1 1 1 1 0 0.01 -0.4"), "s.skeleton line 3: 9 values, expected 10 (a body"},
        {withLine(good, 3, "7 0 1 1 1 1 0 0.01 x 2"), "s.skeleton line 3: leanY 'x' is not a number"},
        {withLine(good, 3, "body 0 1 1 1 1 0 0.01 -0.4 2"), "s.skeleton line 3: bodyID 'body' is not a whole number"},
        {withLine(good, 4, "24"), "s.skeleton line 4: the body has 24 joints, expected 25"},
        {withLine(good, 9, "0.1 0.2 3.5 250.5 200.25 905 310 -0.1 0.2 0.3 0.9"), "s.skeleton line 9: 11 values, expected 12 (a joint"},
        {withLine(good, 9, "0.1 0.2 3.5 250.5 200.25 abc 310 -0.1 0.2 0.3 0.9 2"), "s.skeleton line 9: colorX 'abc' is not a number"},
        {withLine(good, 9, "0.1 0.2 3.5 250.5 200.25 905 310 -0.1 0.2 0.3 0.9 3"), "s.skeleton line 9: trackingState '3' is not 0, 1 or 2"},
        {withLine(good, 20, "", true), "s.skeleton line 29: 1 values, expected 12 (a joint"},
        {withLine(good, 30, "", true), "s.skeleton line 30: the file ends where the body count of frame 2 was due"},
        {good + "1\n", "s.skeleton: more lines follow the 2 frames the first line announces"},
    };
    for (const auto& [text, expected] : cases) {
        SCOPED_TRACE(expected);
        auto file = parseNtuSkeletonFile(text, "s.skeleton");
        ASSERT_FALSE(file.ok());
        EXPECT_EQ(file.error().rfind(expected, 0), 0u) << file.error();
    }
}
