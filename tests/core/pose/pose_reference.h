#pragma once

// The conformance material of ../shared/data/pose (reference.json, det_input.npy, crops) and
// the installed models, for the core/pose tests. Tests needing the models skip, saying how to
// install them, when they are absent.

#include "core/pose/pose_model_files.h"
#include "core/pose/rgb_image.h"
#include "tests/support/required_test_data.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::pose::testing {

inline std::string poseDataDir() { return std::string(ACTIONLENS_SHARED_DIR) + "/data/pose"; }

// reference.json, parsed once.
const QJsonObject& reference();

std::vector<float> floats(const QJsonValue& array);  // a JSON array of numbers (flattened one level deep)

// A float32 .npy (C order); fails the test on anything else.
struct NpyArray {
    std::vector<std::int64_t> shape;
    std::vector<float> values;
};
NpyArray readFloatNpy(const std::string& path);

// 256x256 crop PNG as the landmark model's input: RGB, value = uint8 / 255, NHWC [1,256,256,3].
std::vector<float> cropAsLandmarkInput(const std::string& pngPath);

// An image file decoded as the protocol says (cv::imread BGR -> RGB), and a view of it.
struct RgbImage {
    std::vector<std::uint8_t> pixels;
    int width = 0, height = 0;
    RgbImageView view() const { return {pixels.data(), width, height, width * 3}; }
};
RgbImage readRgb(const std::string& path);
// `left` and `right` next to each other on a grey canvas of the taller one's height.
RgbImage sideBySide(const RgbImage& left, const RgbImage& right);
// `image` pasted into a grey canvas `extraWidth` wider, `offset` pixels from its left edge.
RgbImage shifted(const RgbImage& image, int offset, int extraWidth = 160);

// The model folder when both files exist, empty (and the reason in *why) otherwise.
bool modelsInstalled(LandmarkModel model, std::string* why);

}  // namespace actionlens::pose::testing

#define ACTIONLENS_REQUIRE_POSE_MODELS(model)                                     \
    do {                                                                          \
        std::string why_;                                                         \
        if (!::actionlens::pose::testing::modelsInstalled((model), &why_)) ACTIONLENS_SKIP_UNLESS_REQUIRED(why_); \
    } while (0)
