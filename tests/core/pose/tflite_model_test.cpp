// The .tflite reader: the real BlazePose files parse into the graph reference.json describes;
// anything else (empty, garbage, truncated, bit-flipped) is an error naming the file, never a crash.

#include "core/pose/tflite_model.h"
#include "tests/core/pose/pose_reference.h"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <random>

namespace actionlens::pose {
namespace {

std::vector<std::uint8_t> fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int countOps(const TfliteModel& model, int code) {
    int n = 0;
    for (const auto& op : model.operators) n += op.builtinCode == code;
    return n;
}

TEST(TfliteModel, RefusesFilesThatAreNotTflite) {
    auto empty = parseTfliteModel({}, "empty.tflite");
    ASSERT_FALSE(empty.ok());
    EXPECT_NE(empty.error().find("empty.tflite"), std::string::npos) << empty.error();

    std::vector<std::uint8_t> text(200, 'a');
    auto garbage = parseTfliteModel(text, "text.tflite");
    ASSERT_FALSE(garbage.ok());
    EXPECT_NE(garbage.error().find("not a TensorFlow Lite model"), std::string::npos) << garbage.error();

    auto missing = readTfliteModel("/nonexistent/model.tflite");
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().find("cannot open"), std::string::npos) << missing.error();
}

TEST(TfliteModel, RefusesOffsetsPointingOutsideTheFile) {
    // "TFL3" identifier with a root offset far beyond the 16 bytes there are.
    std::vector<std::uint8_t> bytes = {0xff, 0xff, 0x00, 0x00, 'T', 'F', 'L', '3', 0, 0, 0, 0, 0, 0, 0, 0};
    auto model = parseTfliteModel(bytes, "bad.tflite");
    ASSERT_FALSE(model.ok());
    EXPECT_NE(model.error().find("outside the file"), std::string::npos) << model.error();

    // Root table whose vtable offset points before the start of the file.
    bytes = {8, 0, 0, 0, 'T', 'F', 'L', '3', 0x00, 0x10, 0, 0, 0, 0, 0, 0};
    model = parseTfliteModel(bytes, "bad.tflite");
    ASSERT_FALSE(model.ok());
    EXPECT_NE(model.error().find("bad.tflite: root table"), std::string::npos) << model.error();
}

TEST(TfliteModel, ReadsTheDetectorGraph) {
    ACTIONLENS_REQUIRE_POSE_MODELS(LandmarkModel::Lite);
    auto model = readTfliteModel(detectorModelPath(poseModelDirectory()));
    ASSERT_TRUE(model.ok()) << model.error();
    EXPECT_EQ(model->schemaVersion, 3u);
    ASSERT_EQ(model->inputs.size(), 1u);
    EXPECT_EQ(model->tensors[model->inputs[0]].shape, (std::vector<std::int32_t>{1, 224, 224, 3}));
    ASSERT_EQ(model->outputs.size(), 2u);
    EXPECT_EQ(model->tensors[model->outputs[0]].shape, (std::vector<std::int32_t>{1, 2254, 12}));
    EXPECT_EQ(model->tensors[model->outputs[1]].shape, (std::vector<std::int32_t>{1, 2254, 1}));
    // The op histogram of pose_detection.tflite (tflite_dump.py of the reference).
    EXPECT_EQ(model->operators.size(), 291u);
    EXPECT_EQ(countOps(*model, tflite_op::kDequantize), 144);
    EXPECT_EQ(countOps(*model, tflite_op::kDensify), 38);
    EXPECT_EQ(countOps(*model, tflite_op::kConv2d), 45);
    EXPECT_EQ(countOps(*model, tflite_op::kDepthToSpace), 3);
    int sparse = 0;
    for (const auto& t : model->tensors) {
        if (!t.wasSparse) continue;
        ++sparse;
        EXPECT_EQ(static_cast<std::int64_t>(t.data.size()), t.elementCount() * 2) << t.name;  // dense FP16
    }
    EXPECT_EQ(sparse, 38);
    for (const auto& op : model->operators) {
        if (op.builtinCode == tflite_op::kDepthToSpace) {
            EXPECT_EQ(op.options.blockSize, 2);
        }
        if (op.builtinCode == tflite_op::kResizeBilinear) {
            EXPECT_TRUE(op.options.halfPixelCenters);
        }
    }
}

TEST(TfliteModel, TruncatedOrCorruptedFilesGiveErrorsNotCrashes) {
    ACTIONLENS_REQUIRE_POSE_MODELS(LandmarkModel::Lite);
    const auto bytes = fileBytes(landmarkModelPath(poseModelDirectory(), LandmarkModel::Lite));
    ASSERT_GT(bytes.size(), 1000000u);
    // Every cut loses the tail (buffers sit at the end): each must be refused with a message.
    for (std::size_t cut : {std::size_t(7), std::size_t(64), std::size_t(4096), bytes.size() / 2, bytes.size() - 1}) {
        std::vector<std::uint8_t> head(bytes.begin(), bytes.begin() + cut);
        auto model = parseTfliteModel(head, "cut.tflite");
        ASSERT_FALSE(model.ok()) << "cut at " << cut;
        EXPECT_EQ(model.error().rfind("cut.tflite: ", 0), 0u) << model.error();
    }
    // Random bytes overwritten in the FlatBuffer's tables (the first 64 KiB hold the graph's
    // structure): parse must return, whatever it returns.
    std::mt19937 random(11);
    int refused = 0;
    for (int trial = 0; trial < 60; ++trial) {
        std::vector<std::uint8_t> damaged = bytes;
        for (int k = 0; k < 8; ++k) damaged[random() % 65536] = static_cast<std::uint8_t>(random());
        auto model = parseTfliteModel(damaged, "damaged.tflite");
        refused += !model.ok();
    }
    EXPECT_GT(refused, 0);
}

}  // namespace
}  // namespace actionlens::pose

#include "tests/support/source_headers.h"

#include <sstream>

namespace actionlens::pose {
namespace {

TEST(PoseHeaders, PublicHeadersDoNotIncludeTorchOrOpenCv) {
    // ui/ and app/ include these with Qt's keywords on; the executor must stay free of OpenCV.
    const auto headers = fixtures::headersIn("core/pose");
    for (const auto& [path, text] : headers) EXPECT_EQ(text.find("<torch/"), std::string::npos) << path;
    EXPECT_GE(headers.size(), 3u);
    for (const char* file : {"tflite_graph.cpp", "tflite_model.cpp", "internal/graph_step.cpp", "internal/flatbuffer_view.cpp"}) {
        std::ifstream in(std::string(ACTIONLENS_SOURCE_DIR) + "/core/pose/" + file);
        std::stringstream text;
        text << in.rdbuf();
        EXPECT_FALSE(text.str().empty()) << file;
        EXPECT_EQ(text.str().find("opencv"), std::string::npos) << file;
    }
}

}  // namespace
}  // namespace actionlens::pose
