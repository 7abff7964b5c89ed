// The detector's letterboxed input: the reference's resize reproduces det_input.npy; the
// MediaPipe warp puts the image where its fractional letterbox says.

#include "core/pose/detector_input.h"
#include "tests/core/pose/pose_reference.h"

#include <gtest/gtest.h>

#include <cmath>

namespace actionlens::pose {
namespace {

TEST(DetectorInput, ReferenceResizeReproducesTheStoredTensor) {
    const auto image = testing::readRgb(testing::poseDataDir() + "/astronaut.png");
    const auto expected = testing::readFloatNpy(testing::poseDataDir() + "/det_input.npy");
    const DetectorInput input = makeDetectorInput(image.view(), LetterboxMode::ReferenceResize);
    ASSERT_EQ(input.values.size(), expected.values.size());
    const double tol = testing::reference()["protocol"].toObject()["suggested_tolerances"].toObject()["stage_wise"].toObject()
                           ["detector_input_vs_det_input_npy"].toDouble();
    double worst = 0;
    for (std::size_t i = 0; i < input.values.size(); ++i) worst = std::max(worst, std::abs(double(input.values[i]) - expected.values[i]));
    EXPECT_LE(worst, tol);
    EXPECT_DOUBLE_EQ(input.letterbox.left, 0.0);
    EXPECT_DOUBLE_EQ(input.letterbox.width, 1.0);
}

// A 2:1 image, left half red and right half blue.
testing::RgbImage twoColourImage(int width, int height) {
    testing::RgbImage image;
    image.width = width;
    image.height = height;
    image.pixels.assign(static_cast<std::size_t>(width) * height * 3, 0);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) image.pixels[(y * width + x) * 3 + (x < width / 2 ? 0 : 2)] = 255;
    }
    return image;
}

float at(const DetectorInput& in, int x, int y, int c) { return in.values[(y * 224 + x) * 3 + c]; }

TEST(DetectorInput, MediaPipeWarpLetterboxesWithFractionalPadding) {
    // 300 x 149: scale 224/300, image height 111.25 tensor pixels, bands of 56.375 above and below.
    const auto image = twoColourImage(300, 149);
    const DetectorInput input = makeDetectorInput(image.view(), LetterboxMode::MediaPipeWarp);
    EXPECT_DOUBLE_EQ(input.letterbox.left, 0.0);
    EXPECT_NEAR(input.letterbox.top * 224, (224 - 149 * 224.0 / 300) / 2, 1e-9);
    EXPECT_NEAR(input.letterbox.height * 224, 149 * 224.0 / 300, 1e-9);
    EXPECT_FLOAT_EQ(at(input, 10, 10, 0), -1.0f);    // band: zero bytes -> -1
    EXPECT_FLOAT_EQ(at(input, 10, 112, 0), 1.0f);    // red inside
    EXPECT_FLOAT_EQ(at(input, 10, 112, 2), -1.0f);
    EXPECT_FLOAT_EQ(at(input, 200, 112, 2), 1.0f);   // blue inside
    EXPECT_FLOAT_EQ(at(input, 200, 220, 2), -1.0f);  // band below
    // The reference resize pastes at whole pixels instead: nh = round(111.25) = 111, top = 56.
    const DetectorInput reference = makeDetectorInput(image.view(), LetterboxMode::ReferenceResize);
    EXPECT_DOUBLE_EQ(reference.letterbox.top * 224, 56.0);
    EXPECT_DOUBLE_EQ(reference.letterbox.height * 224, 111.0);
}

}  // namespace
}  // namespace actionlens::pose
