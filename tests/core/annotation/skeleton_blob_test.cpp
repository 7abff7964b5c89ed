#include "core/annotation/skeleton_blob.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace actionlens::annotation;

TEST(SkeletonBlob, PacksThirteenBytesPerJointAndRoundTripsExactly) {
    const std::vector<Joint> joints{{0.0f, 0.0f, 0.0f, false},
                                    {1919.75f, 1079.5f, 0.987654f, true},
                                    {-3.5f, 1e-7f, 1.0f, true},
                                    {std::numeric_limits<float>::max(), -0.0f, 0.25f, false}};
    const std::string blob = packJoints(joints);
    EXPECT_EQ(blob.size(), joints.size() * 13);
    auto back = unpackJoints(blob);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back.value(), joints);
}

TEST(SkeletonBlob, LayoutIsLittleEndianFloatsThenVisibility) {
    const std::string blob = packJoints({{1.0f, 2.0f, 0.5f, true}});
    // 1.0f = 0x3f800000, 2.0f = 0x40000000, 0.5f = 0x3f000000, little-endian.
    const std::string expected("\x00\x00\x80\x3f\x00\x00\x00\x40\x00\x00\x00\x3f\x01", 13);
    EXPECT_EQ(blob, expected);
}

TEST(SkeletonBlob, NaNSurvivesAsNaN) {
    auto back = unpackJoints(packJoints({{std::nanf(""), 1.0f, 0.0f, false}}));
    ASSERT_TRUE(back.ok());
    EXPECT_TRUE(std::isnan(back->front().x));
}

TEST(SkeletonBlob, TruncatedBlobIsAnError) {
    auto back = unpackJoints(std::string(27, '\0'));
    ASSERT_FALSE(back.ok());
    EXPECT_NE(back.error().find("27 bytes"), std::string::npos);
    EXPECT_TRUE(unpackJoints("")->empty());
}
