// The whole pipeline on the reference image (image in, landmarks out) in both modes, one
// person or several. Needs the installed models (tracking: people_tracker_test).

#include "core/pose/pose_estimator.h"
#include "tests/core/pose/pose_reference.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace actionlens::pose {
namespace {

using testing::floats;
using testing::reference;

QJsonObject endToEndTolerances() {
    return reference()["protocol"].toObject()["suggested_tolerances"].toObject()["end_to_end"].toObject();
}

struct Deviation {
    double median = 0, maximum = 0;  // xy distance as a fraction of the pass-2 ROI side, visible landmarks
    double visibility = 0;           // largest visibility difference
    int compared = 0;
};

Deviation compareWithReference(const PoseEstimate& estimate, const QJsonObject& entry) {
    const auto expected = floats(entry["landmarks"]);  // 33 x 4
    const double side = entry["passes"].toArray()[1].toObject()["roi"].toObject()["size"].toDouble();
    std::vector<double> distances;
    Deviation d;
    for (int i = 0; i < 33; ++i) {
        if (expected[i * 4 + 3] <= 0.5f) continue;
        distances.push_back(std::hypot(estimate.landmarks[i].x - expected[i * 4], estimate.landmarks[i].y - expected[i * 4 + 1]) / side);
        d.visibility = std::max(d.visibility, std::abs(double(estimate.landmarks[i].visibility) - expected[i * 4 + 3]));
    }
    std::sort(distances.begin(), distances.end());
    d.compared = static_cast<int>(distances.size());
    if (!distances.empty()) {
        d.median = distances[distances.size() / 2];
        d.maximum = distances.back();
    }
    return d;
}

class PoseEstimatorEndToEnd : public ::testing::TestWithParam<LandmarkModel> {};

TEST_P(PoseEstimatorEndToEnd, ReferenceCompatibleModeMatchesTheReference) {
    ACTIONLENS_REQUIRE_POSE_MODELS(GetParam());
    PoseEstimatorOptions options;
    options.model = GetParam();
    options.referenceCompatible = true;
    options.minDetectionScore = static_cast<float>(reference()["detector"].toObject()["score_threshold"].toDouble());
    auto estimator = PoseEstimator::create(options);
    ASSERT_TRUE(estimator.ok()) << estimator.error();
    const auto image = testing::readRgb(testing::poseDataDir() + "/astronaut.png");
    auto estimate = estimator->estimateImage(image.view());
    ASSERT_TRUE(estimate.ok()) << estimate.error();
    ASSERT_TRUE(estimate->found);
    ASSERT_TRUE(estimate->detection.has_value());

    const QJsonObject tolerances = endToEndTolerances();
    const QJsonObject detection = reference()["detector"].toObject()["detection"].toObject();
    const double detTol = tolerances["detection_normalised"].toDouble();
    EXPECT_NEAR(estimate->detection->cx, detection["box"].toObject()["cx"].toDouble(), detTol);
    EXPECT_NEAR(estimate->detection->cy, detection["box"].toObject()["cy"].toDouble(), detTol);
    const auto keypoints = floats(detection["keypoints"]);
    for (int k = 0; k < 8; ++k) EXPECT_NEAR(estimate->detection->keypoints[k], keypoints[k], detTol) << k;

    const QJsonObject entry = reference()["landmark_models"].toObject()[landmarkModelName(GetParam())].toObject();
    const Deviation d = compareWithReference(*estimate, entry);
    EXPECT_GE(d.compared, 20);
    EXPECT_LE(d.maximum, tolerances["matched_xy_max_fraction"].toDouble());
    EXPECT_LE(d.visibility, tolerances["loose_visibility"].toDouble());
    EXPECT_NEAR(estimate->poseFlag, entry["passes"].toArray()[1].toObject()["pose_flag"].toDouble(), tolerances["loose_pose_flag"].toDouble());
    ASSERT_EQ(estimate->auxiliary.size(), 6u);
}

TEST_P(PoseEstimatorEndToEnd, HeatmapRefinementMovesLandmarksAsDocumented) {
    // Stage-wise: the stored pass-1 crop through the MediaPipe-mode landmark stage against the
    // stored raw rows. reference.json: refinement moves visible landmarks by a median of
    // 0.4-3.5 and up to ~10 crop pixels.
    ACTIONLENS_REQUIRE_POSE_MODELS(GetParam());
    PoseEstimatorOptions options;
    options.model = GetParam();
    auto estimator = PoseEstimator::create(options);
    ASSERT_TRUE(estimator.ok()) << estimator.error();
    const QJsonObject entry = reference()["landmark_models"].toObject()[landmarkModelName(GetParam())].toObject();
    const auto crop = testing::readRgb(testing::poseDataDir() + "/" + entry["crop_file"].toString().toStdString());
    const QJsonObject r = entry["passes"].toArray()[0].toObject()["roi"].toObject();
    auto pass = estimator->landmarksOnCrop(crop.pixels, PoseRoi{r["cx"].toDouble(), r["cy"].toDouble(), r["size"].toDouble(), r["rotation"].toDouble()});
    ASSERT_TRUE(pass.ok()) << pass.error();
    const auto raw = floats(entry["raw_outputs"].toObject()["Identity"]);
    std::vector<double> moved;
    for (int i = 0; i < 33; ++i) {
        if (pass->landmarks[i].visibility <= 0.5f) continue;
        moved.push_back(std::hypot(pass->rows[i * 5] - raw[i * 5], pass->rows[i * 5 + 1] - raw[i * 5 + 1]));
    }
    ASSERT_GE(moved.size(), 10u);
    std::sort(moved.begin(), moved.end());
    const double median = moved[moved.size() / 2];
    std::printf("[          ] refinement moved visible landmarks: median %.2f, max %.2f crop px\n", median, moved.back());
    EXPECT_GE(median, 0.3);
    EXPECT_LE(median, 3.6);
    EXPECT_LE(moved.back(), 12.0);
}

TEST_P(PoseEstimatorEndToEnd, MediaPipeModeStaysCloseToTheReference) {
    ACTIONLENS_REQUIRE_POSE_MODELS(GetParam());
    PoseEstimatorOptions options;
    options.model = GetParam();
    auto estimator = PoseEstimator::create(options);
    ASSERT_TRUE(estimator.ok()) << estimator.error();
    const auto image = testing::readRgb(testing::poseDataDir() + "/astronaut.png");
    auto estimate = estimator->estimateImage(image.view());
    ASSERT_TRUE(estimate.ok()) << estimate.error();
    ASSERT_TRUE(estimate->found);
    // reference.json's deviations_from_mediapipe[0]: with MediaPipe's letterbox warp the
    // detector scores this image 0.8071 (0.8151 with the reference's resize).
    ASSERT_TRUE(estimate->detection.has_value());
    EXPECT_NEAR(estimate->detection->score, 0.8071, 0.0005);
    // The refinement also moves the auxiliary points, so pass 2 looks at a different square:
    // the typical landmark stays within the loose bound; single ones (hands, occluded joints)
    // move up to twice as far (measured here: 7.4 % lite, 6.6 % full).
    const QJsonObject entry = reference()["landmark_models"].toObject()[landmarkModelName(GetParam())].toObject();
    const Deviation d = compareWithReference(*estimate, entry);
    const QJsonObject tolerances = endToEndTolerances();
    std::printf("[          ] MediaPipe mode vs reference: median %.4f, max %.4f of the side, visibility %.3f\n", d.median, d.maximum, d.visibility);
    EXPECT_GT(d.median, 0.0);
    EXPECT_LE(d.median, tolerances["loose_xy_median_fraction"].toDouble());
    EXPECT_LE(d.maximum, 2 * tolerances["loose_xy_max_fraction"].toDouble());
}

INSTANTIATE_TEST_SUITE_P(Models, PoseEstimatorEndToEnd, ::testing::Values(LandmarkModel::Lite, LandmarkModel::Full),
                         [](const auto& info) { return std::string(landmarkModelName(info.param)); });

TEST(PoseEstimator, EstimatesEachPersonOfAnImageOnce) {
    ACTIONLENS_REQUIRE_POSE_MODELS(LandmarkModel::Lite);
    PoseEstimatorOptions options;
    options.model = LandmarkModel::Lite;
    // Side by side, each astronaut is half the detector's scale of the single image, where the
    // detector scores them 0.49 (left) and 0.71 (right).
    options.minDetectionScore = 0.3f;
    auto estimator = PoseEstimator::create(options);
    ASSERT_TRUE(estimator.ok()) << estimator.error();
    const auto image = testing::readRgb(testing::poseDataDir() + "/astronaut.png");
    const testing::RgbImage two = testing::sideBySide(image, image);
    auto single = estimator->estimateImage(image.view());
    ASSERT_TRUE(single.ok() && single->found);

    auto people = estimator->estimatePeople(two.view(), 4);
    ASSERT_TRUE(people.ok()) << people.error();
    ASSERT_EQ(people->size(), 2u) << "two astronauts, each found once";
    // One on each half, each where the single image has her (the right one shifted by its width);
    // estimatePeople keeps the detector's order (best first).
    std::vector<double> noseX{people->at(0).landmarks[0].x, people->at(1).landmarks[0].x};
    std::sort(noseX.begin(), noseX.end());
    std::printf("[          ] noses at x %.1f and %.1f (alone: %.1f)\n", noseX[0], noseX[1], single->landmarks[0].x);
    EXPECT_NEAR(noseX[0], single->landmarks[0].x, 25.0);
    EXPECT_NEAR(noseX[1], single->landmarks[0].x + image.width, 25.0);
    // At most the number asked for; one person asked: the best detection, as estimateImage.
    auto one = estimator->estimatePeople(two.view(), 1);
    ASSERT_TRUE(one.ok()) << one.error();
    EXPECT_EQ(one->size(), 1u);
    auto alone = estimator->estimatePeople(image.view(), 4);
    ASSERT_TRUE(alone.ok()) << alone.error();
    ASSERT_EQ(alone->size(), 1u);
    EXPECT_EQ(alone->front().landmarks[0].x, single->landmarks[0].x);
}

TEST(PoseEstimator, MissingModelsSayHowToInstallThem) {
    PoseEstimatorOptions options;
    options.modelDirectory = "/nonexistent/models";
    auto estimator = PoseEstimator::create(options);
    ASSERT_FALSE(estimator.ok());
    EXPECT_NE(estimator.error().find("packaging/install-pose-models.sh"), std::string::npos) << estimator.error();
}

}  // namespace
}  // namespace actionlens::pose
