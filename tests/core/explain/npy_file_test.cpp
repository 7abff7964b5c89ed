#include "core/explain/npy_file.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace actionlens::explain {
namespace {

std::string tempPath(const std::string& name) { return (std::filesystem::temp_directory_path() / name).string(); }

TEST(NpyFile, WritesNumpysFormatAndReadsItBack) {
    const std::string path = tempPath("actionlens_npy_test.npy");
    const std::vector<float> values{0.0f, 0.5f, 1.0f, -2.0f, 3.25f, 7.0f};
    ASSERT_TRUE(writeNpy(path, {2, 3}, values).ok());
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    const std::string file = bytes.str();
    EXPECT_EQ(file.substr(0, 8), std::string("\x93NUMPY\x01\x00", 8));
    const size_t headerEnd = file.find('\n') + 1;
    EXPECT_EQ(headerEnd % 64, 0u) << "numpy aligns the data";
    EXPECT_NE(file.find("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"), std::string::npos);
    EXPECT_EQ(file.size() - headerEnd, values.size() * 4);
    std::vector<std::int64_t> shape;
    Result<std::vector<float>> back = readNpy(path, &shape);
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_EQ(back.value(), values);
    EXPECT_EQ(shape, (std::vector<std::int64_t>{2, 3}));
    std::remove(path.c_str());
}

TEST(NpyFile, OneDimensionIsAOneElementTupleAndBadShapesAreRefused) {
    const std::string path = tempPath("actionlens_npy_test_1d.npy");
    ASSERT_TRUE(writeNpy(path, {3}, {1.0f, 2.0f, 3.0f}).ok());
    std::vector<std::int64_t> shape;
    ASSERT_TRUE(readNpy(path, &shape).ok());
    EXPECT_EQ(shape, (std::vector<std::int64_t>{3}));
    std::ifstream in(path, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    EXPECT_NE(bytes.str().find("'shape': (3,)"), std::string::npos);
    std::remove(path.c_str());
    const Status bad = writeNpy(path, {2, 2}, {1.0f});
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().find("holds 4 values, not 1"), std::string::npos) << bad.error();
    EXPECT_FALSE(std::filesystem::exists(path));
    EXPECT_FALSE(writeNpy("/nonexistent-folder/x.npy", {1}, {1.0f}).ok());
}

}  // namespace
}  // namespace actionlens::explain
