#include "core/agreement/segment_matching.h"

#include <gtest/gtest.h>

namespace actionlens::agreement {
namespace {

TEST(SegmentMatching, MatchesOneToOneMostOverlappingFirstWithinSubjectAndLabel) {
    const std::vector<CodedSegment> a{{1, "jump", 0, 9}, {1, "jump", 20, 29}, {2, "jump", 0, 9}};
    const std::vector<CodedSegment> b{{1, "jump", 2, 11}, {1, "jump", 0, 8}, {1, "run", 20, 29}, {1, "jump", 40, 49}};
    EXPECT_NEAR(intersectionOverUnion(a[0], b[0]), 8.0 / 12.0, 1e-12);
    EXPECT_NEAR(intersectionOverUnion(a[0], b[1]), 0.9, 1e-12);
    EXPECT_EQ(intersectionOverUnion(a[0], b[3]), 0.0);
    const auto matches = matchSegments(a, b, 0.5);
    ASSERT_EQ(matches.size(), 1u) << "a[0] takes b[1] (0.9), so b[0] is left; labels and subjects must agree";
    EXPECT_EQ(matches[0].a, 0u);
    EXPECT_EQ(matches[0].b, 1u);
    const BoundaryOffsets offsets = boundaryOffsets(a, b, matches);
    EXPECT_EQ(offsets.pairs, 1);
    EXPECT_DOUBLE_EQ(offsets.meanStart, 0.0);
    EXPECT_DOUBLE_EQ(offsets.meanEnd, 1.0);
}

}  // namespace
}  // namespace actionlens::agreement
