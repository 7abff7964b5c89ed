#include "core/formats/penn_action_labels.h"
#include "tests/support/test_videos.h"

#include <gtest/gtest.h>
#include <matio.h>

#include <filesystem>
#include <map>
#include <set>

using namespace actionlens;
using namespace actionlens::formats;

namespace fs = std::filesystem;

namespace {

// ../shared next to the checkout: real Penn Action label files (read-only test material).
fs::path pennTrainFolder() { return fs::path(ACTIONLENS_SHARED_DIR) / "data" / "penn_action" / "train"; }

// Writes a label file in the dataset's layout, with x/y/visibility in the given MATLAB class.
struct LabelWriter {
    mat_t* mat;
    explicit LabelWriter(const std::string& path) : mat(Mat_CreateVer(path.c_str(), nullptr, MAT_FT_MAT5)) {}
    ~LabelWriter() { Mat_Close(mat); }
    template <typename T>
    void numeric(const char* name, matio_classes cls, matio_types type, size_t rows, size_t cols, std::vector<T> columnMajor) {
        size_t dims[2] = {rows, cols};
        matvar_t* var = Mat_VarCreate(name, cls, type, 2, dims, columnMajor.data(), 0);
        Mat_VarWrite(mat, var, MAT_COMPRESSION_ZLIB);
        Mat_VarFree(var);
    }
    void text(const char* name, const std::string& value) {
        size_t dims[2] = {1, value.size()};
        matvar_t* var = Mat_VarCreate(name, MAT_C_CHAR, MAT_T_UTF8, 2, dims, const_cast<char*>(value.data()), 0);
        Mat_VarWrite(mat, var, MAT_COMPRESSION_ZLIB);
        Mat_VarFree(var);
    }
};

// A 3-frame sequence; joint j of frame f sits at x = 10 f + j, y = 100 + j.
void writeSequence(const std::string& path, matio_classes cls, matio_types type, size_t jointColumns = 13,
                   bool withAction = true) {
    LabelWriter w(path);
    if (withAction) w.text("action", "squat");
    w.text("pose", "left");
    w.numeric<double>("nframes", MAT_C_DOUBLE, MAT_T_DOUBLE, 1, 1, {3});
    w.numeric<double>("dimensions", MAT_C_DOUBLE, MAT_T_DOUBLE, 1, 3, {240, 320, 3});
    w.numeric<int32_t>("train", MAT_C_INT32, MAT_T_INT32, 1, 1, {-1});
    auto joints = [&](auto generator) {
        using T = decltype(generator(0, 0));
        std::vector<T> values(3 * jointColumns);
        for (size_t j = 0; j < jointColumns; ++j) {
            for (size_t f = 0; f < 3; ++f) values[j * 3 + f] = generator(f, j);
        }
        return values;
    };
    if (cls == MAT_C_UINT16) {
        w.numeric<uint16_t>("x", cls, type, 3, jointColumns, joints([](size_t f, size_t j) { return uint16_t(10 * f + j); }));
        w.numeric<uint16_t>("y", cls, type, 3, jointColumns, joints([](size_t, size_t j) { return uint16_t(100 + j); }));
    } else if (cls == MAT_C_UINT8) {
        w.numeric<uint8_t>("x", cls, type, 3, jointColumns, joints([](size_t f, size_t j) { return uint8_t(10 * f + j); }));
        w.numeric<uint8_t>("y", cls, type, 3, jointColumns, joints([](size_t, size_t j) { return uint8_t(100 + j); }));
    } else {
        w.numeric<double>("x", cls, type, 3, jointColumns, joints([](size_t f, size_t j) { return double(10 * f + j); }));
        w.numeric<double>("y", cls, type, 3, jointColumns, joints([](size_t, size_t j) { return double(100 + j); }));
    }
    w.numeric<uint8_t>("visibility", MAT_C_UINT8, MAT_T_UINT8, 3, jointColumns,
                       joints([](size_t f, size_t j) { return uint8_t(j == 0 && f == 1 ? 0 : 1); }));
    w.numeric<double>("bbox", MAT_C_DOUBLE, MAT_T_DOUBLE, 3, 4, std::vector<double>(12, 5.0));
}

}  // namespace

TEST(PennActionLabels, AcceptsEveryNumericClassTheFilesUse) {
    fixtures::TempDir dir;
    const std::pair<matio_classes, matio_types> classes[] = {
        {MAT_C_DOUBLE, MAT_T_DOUBLE}, {MAT_C_UINT8, MAT_T_UINT8}, {MAT_C_UINT16, MAT_T_UINT16}};
    for (const auto& [cls, type] : classes) {
        const std::string path = dir.file("seq" + std::to_string(cls) + ".mat");
        writeSequence(path, cls, type);
        auto seq = readPennActionLabels(path);
        ASSERT_TRUE(seq.ok()) << seq.error();
        EXPECT_EQ(seq->action, "squat");
        EXPECT_EQ(seq->viewpoint, "left");
        EXPECT_EQ(seq->frameCount, 3);
        EXPECT_EQ(seq->width, 320);
        EXPECT_EQ(seq->height, 240);
        EXPECT_FALSE(seq->train);
        EXPECT_FLOAT_EQ(seq->x[2 * kPennJointCount + 7], 27.0f) << "frame 2, joint 7; class " << cls;
        EXPECT_FLOAT_EQ(seq->y[1 * kPennJointCount + 12], 112.0f);
        EXPECT_EQ(seq->visible[1 * kPennJointCount + 0], 0);
        EXPECT_EQ(seq->visible[2 * kPennJointCount + 0], 1);
        ASSERT_EQ(seq->boxes.size(), 3u);
    }
}

TEST(PennActionLabels, MalformedVariablesAreNamed) {
    fixtures::TempDir dir;
    writeSequence(dir.file("wrong_shape.mat"), MAT_C_DOUBLE, MAT_T_DOUBLE, 12);
    auto shape = readPennActionLabels(dir.file("wrong_shape.mat"));
    ASSERT_FALSE(shape.ok());
    EXPECT_NE(shape.error().find("'x' is 3x12, expected nframes (3) x 13"), std::string::npos) << shape.error();

    writeSequence(dir.file("no_action.mat"), MAT_C_DOUBLE, MAT_T_DOUBLE, 13, false);
    auto missing = readPennActionLabels(dir.file("no_action.mat"));
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().find("'no_action.mat': variable 'action' is missing"), std::string::npos) << missing.error();
}

TEST(PennActionLabels, ReadsARealLabelFile) {
    const fs::path file = pennTrainFolder() / "0002.mat";
    ASSERT_TRUE(fs::exists(file)) << file;
    auto seq = readPennActionLabels(file.string());
    ASSERT_TRUE(seq.ok()) << seq.error();
    EXPECT_EQ(seq->action, "baseball_pitch");
    EXPECT_TRUE(seq->train);
    EXPECT_GT(seq->frameCount, 10);
    EXPECT_EQ(seq->x.size(), static_cast<size_t>(seq->frameCount) * kPennJointCount);
    EXPECT_EQ(seq->visible.size(), seq->x.size());
    for (size_t i = 0; i < seq->x.size(); ++i) {
        if (!seq->visible[i]) continue;
        EXPECT_GE(seq->x[i], -1.0f);
        EXPECT_LE(seq->x[i], seq->width + 1.0f);
        EXPECT_GE(seq->y[i], -1.0f);
        EXPECT_LE(seq->y[i], seq->height + 1.0f);
    }
}

TEST(PennActionLabels, ReadsEveryFileOfTheTrainingSplit) {
    std::map<std::string, int> perAction;
    std::set<std::string> viewpoints;
    int files = 0;
    for (const auto& entry : fs::directory_iterator(pennTrainFolder())) {
        if (entry.path().extension() != ".mat") continue;
        auto seq = readPennActionLabels(entry.path().string());
        ASSERT_TRUE(seq.ok()) << seq.error();
        EXPECT_TRUE(seq->train) << entry.path();
        ++perAction[seq->action];
        viewpoints.insert(seq->viewpoint);
        ++files;
    }
    EXPECT_EQ(files, 1258);
    EXPECT_EQ(perAction.size(), 15u);
    EXPECT_EQ(viewpoints.size(), 4u);
}

TEST(PennActionLabels, ReportsDamagedFilesByName) {
    fixtures::TempDir dir;
    fixtures::writeFileBytes(dir.file("0001.mat"), "MATLAB 5.0 MAT-file but nothing after");
    auto garbage = readPennActionLabels(dir.file("0001.mat"));
    ASSERT_FALSE(garbage.ok());
    EXPECT_NE(garbage.error().find("0001.mat"), std::string::npos) << garbage.error();

    const std::string real = fixtures::readFileBytes((pennTrainFolder() / "0002.mat").string());
    fixtures::writeFileBytes(dir.file("0002.mat"), real.substr(0, real.size() / 2));
    auto truncated = readPennActionLabels(dir.file("0002.mat"));
    ASSERT_FALSE(truncated.ok());
    EXPECT_NE(truncated.error().find("0002.mat"), std::string::npos) << truncated.error();

    auto missing = readPennActionLabels(dir.file("nope.mat"));
    ASSERT_FALSE(missing.ok());
}
