#include "core/synth/limb_mask_file.h"

#include "tests/support/test_videos.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace actionlens;
using namespace actionlens::synth;

namespace {

LimbMask pattern(int width, int height, int seed) {
    LimbMask m;
    m.width = width;
    m.height = height;
    m.mostMoved = seed % 11;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) m.ids.push_back(static_cast<std::uint8_t>(((x / 7 + y / 5 + seed) % 4) * 3 % 11));
    return m;
}

}  // namespace

TEST(LimbMaskFile, RoundTripsFramesExactlyAndAppearsOnlyWhenFinished) {
    fixtures::TempDir dir;
    const std::string path = dir.file("v.limbs");
    {
        auto writer = LimbMaskWriter::open(path, 300, 20);  // runs over 127 pixels need two varint bytes
        ASSERT_TRUE(writer.ok()) << writer.error();
        for (int i = 0; i < 3; ++i) ASSERT_TRUE(writer.value()->write(pattern(300, 20, i)).ok());
        LimbMask flat;
        flat.width = 300;
        flat.height = 20;
        flat.ids.assign(6000, 0);
        ASSERT_TRUE(writer.value()->write(flat).ok());
        EXPECT_FALSE(std::filesystem::exists(path));
        ASSERT_TRUE(writer.value()->finish().ok());
    }
    EXPECT_FALSE(std::filesystem::exists(path + ".part"));
    auto masks = readLimbMasks(path);
    ASSERT_TRUE(masks.ok()) << masks.error();
    ASSERT_EQ(masks->size(), 4u);
    for (int i = 0; i < 3; ++i) {
        const LimbMask expected = pattern(300, 20, i);
        EXPECT_EQ(masks.value()[static_cast<size_t>(i)].ids, expected.ids) << i;
        EXPECT_EQ(masks.value()[static_cast<size_t>(i)].mostMoved, expected.mostMoved) << i;
    }
    EXPECT_EQ(masks.value()[3].ids, std::vector<std::uint8_t>(6000, 0));
    EXPECT_LT(std::filesystem::file_size(path), 4u * 6000u / 4u);  // compact, not raw
}

TEST(LimbMaskFile, AbandonedWriterLeavesNothingAndAWrongSizeIsRefused) {
    fixtures::TempDir dir;
    const std::string path = dir.file("v.limbs");
    {
        auto writer = LimbMaskWriter::open(path, 8, 8);
        ASSERT_TRUE(writer.ok());
        EXPECT_FALSE(writer.value()->write(pattern(8, 9, 0)).ok());
    }
    EXPECT_FALSE(std::filesystem::exists(path));
    EXPECT_FALSE(std::filesystem::exists(path + ".part"));
}

TEST(LimbMaskFile, TruncatedOrForeignFilesAreErrorsNotCrashes) {
    fixtures::TempDir dir;
    const std::string path = dir.file("v.limbs");
    {
        auto writer = LimbMaskWriter::open(path, 40, 30);
        ASSERT_TRUE(writer.ok());
        ASSERT_TRUE(writer.value()->write(pattern(40, 30, 1)).ok());
        ASSERT_TRUE(writer.value()->finish().ok());
    }
    const std::string bytes = fixtures::readFileBytes(path);
    for (size_t cut : {bytes.size() - 1, bytes.size() - 10, size_t{20}, size_t{10}}) {
        fixtures::writeFileBytes(dir.file("cut.limbs"), bytes.substr(0, cut));
        auto masks = readLimbMasks(dir.file("cut.limbs"));
        EXPECT_FALSE(masks.ok()) << cut;
    }
    fixtures::writeFileBytes(dir.file("other.limbs"), "PNG and other things");
    auto other = readLimbMasks(dir.file("other.limbs"));
    ASSERT_FALSE(other.ok());
    EXPECT_NE(other.error().find("not a limb mask file"), std::string::npos);
}
