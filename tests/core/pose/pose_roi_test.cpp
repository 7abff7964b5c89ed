// ROI from two points, the crop matrix and the 256 x 256 crop, against both passes of the
// reference (stage-wise: stored points in, stored ROI / matrix / crop PNG out).

#include "core/pose/pose_roi.h"
#include "tests/core/pose/pose_reference.h"

#include <gtest/gtest.h>

#include <cmath>

namespace actionlens::pose {
namespace {

using testing::floats;
using testing::reference;

double stageTolerance(const char* name) {
    return reference()["protocol"].toObject()["suggested_tolerances"].toObject()["stage_wise"].toObject()[name].toDouble();
}

void expectRoi(const PoseRoi& roi, const QJsonObject& expected, const std::string& what) {
    const double px = stageTolerance("roi_from_stored_points_px");
    EXPECT_NEAR(roi.cx, expected["cx"].toDouble(), px) << what;
    EXPECT_NEAR(roi.cy, expected["cy"].toDouble(), px) << what;
    EXPECT_NEAR(roi.size, expected["size"].toDouble(), px) << what;
    EXPECT_NEAR(roi.rotation, expected["rotation"].toDouble(), stageTolerance("roi_rotation_rad")) << what;
}

TEST(PoseRoi, FromDetectorKeypointsAndFromAuxiliaryLandmarks) {
    const QJsonObject image = reference()["image"].toObject();
    const double width = image["width"].toInt(), height = image["height"].toInt();
    const auto keypoints = floats(reference()["detector"].toObject()["detection"].toObject()["keypoints"]);
    for (const char* model : {"lite", "full"}) {
        const QJsonArray passes = reference()["landmark_models"].toObject()[model].toObject()["passes"].toArray();
        const PoseRoi first = roiFromPoints(keypoints[0] * width, keypoints[1] * height, keypoints[2] * width, keypoints[3] * height);
        expectRoi(first, passes[0].toObject()["roi"].toObject(), std::string(model) + " pass 1");
        const auto rows = floats(passes[0].toObject()["landmarks_39"]);  // 39 x 5
        const PoseRoi second = roiFromPoints(rows[33 * 5], rows[33 * 5 + 1], rows[34 * 5], rows[34 * 5 + 1]);
        expectRoi(second, passes[1].toObject()["roi"].toObject(), std::string(model) + " pass 2");
    }
}

TEST(PoseRoi, RotationPointsTheBodyUp) {
    // End point straight above the centre: no rotation; to the right: a quarter turn clockwise.
    EXPECT_NEAR(roiFromPoints(100, 100, 100, 50).rotation, 0.0, 1e-12);
    EXPECT_NEAR(roiFromPoints(100, 100, 150, 100).rotation, 3.14159265358979 / 2, 1e-12);
    EXPECT_NEAR(roiFromPoints(100, 100, 100, 150).rotation, -3.14159265358979, 1e-12);  // [-pi, pi)
    EXPECT_NEAR(roiFromPoints(100, 100, 100, 50).size, 2 * 50 * 1.25, 1e-12);
}

TEST(PoseRoi, CropMatrixAndCropMatchTheReference) {
    const auto image = testing::readRgb(testing::poseDataDir() + "/astronaut.png");
    for (const char* model : {"lite", "full"}) {
        const QJsonArray passes = reference()["landmark_models"].toObject()[model].toObject()["passes"].toArray();
        for (int p = 0; p < 2; ++p) {
            const QJsonObject pass = passes[p].toObject();
            const QJsonObject r = pass["roi"].toObject();
            const PoseRoi roi{r["cx"].toDouble(), r["cy"].toDouble(), r["size"].toDouble(), r["rotation"].toDouble()};
            const auto matrix = roiToCropMatrix(roi);
            const QJsonArray expected = pass["warp_matrix_2x3"].toArray();
            for (int i = 0; i < 6; ++i) EXPECT_NEAR(matrix[i], expected[i / 3].toArray()[i % 3].toDouble(), 1e-9) << model << " pass " << p;

            const auto crop = cropRoi(image.view(), roi);
            const std::string file = p == 0 ? reference()["landmark_models"].toObject()[model].toObject()["crop_file"].toString().toStdString()
                                            : pass["crop_file"].toString().toStdString();
            const auto stored = testing::readRgb(testing::poseDataDir() + "/" + file);
            ASSERT_EQ(stored.pixels.size(), crop.size());
            int worst = 0;
            for (std::size_t i = 0; i < crop.size(); ++i) worst = std::max(worst, std::abs(int(crop[i]) - int(stored.pixels[i])));
            EXPECT_LE(worst, stageTolerance("crop_uint8_max_abs_diff")) << model << " pass " << p;
        }
    }
}

}  // namespace
}  // namespace actionlens::pose
