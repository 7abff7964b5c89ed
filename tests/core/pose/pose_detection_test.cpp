// Detector decoding: anchors, sigmoid scores, weighted NMS and letterbox removal, fed the
// stored candidate rows of reference.json (stage-wise, no model needed).

#include "core/pose/pose_detection.h"
#include "core/pose/ssd_anchors.h"
#include "tests/core/pose/pose_reference.h"

#include <gtest/gtest.h>

#include <cmath>

namespace actionlens::pose {
namespace {

using testing::floats;
using testing::reference;

TEST(SsdAnchors, CountOrderAndCentres) {
    const auto& anchors = blazePoseAnchors();
    ASSERT_EQ(anchors.size(), 2254u);
    // Stride 8: 28 x 28 cells x 2; stride 16 from index 1568; the three stride-32 layers share
    // one 7 x 7 grid with 6 anchors per cell from index 1960.
    EXPECT_FLOAT_EQ(anchors[0].x, 0.5f / 28);
    EXPECT_FLOAT_EQ(anchors[1].x, 0.5f / 28);
    EXPECT_FLOAT_EQ(anchors[2].x, 1.5f / 28);
    EXPECT_FLOAT_EQ(anchors[1568].x, 0.5f / 14);
    EXPECT_FLOAT_EQ(anchors[1960].y, 0.5f / 7);
    EXPECT_FLOAT_EQ(anchors[1965].x, 0.5f / 7);
    EXPECT_FLOAT_EQ(anchors[1966].x, 1.5f / 7);
    EXPECT_FLOAT_EQ(anchors[2253].x, 6.5f / 7);
    EXPECT_FLOAT_EQ(anchors[2253].y, 6.5f / 7);
    for (const QJsonValue& entry : reference()["detector"].toObject()["top5"].toArray()) {
        const auto centre = floats(entry["anchor_center"]);
        const int a = entry["anchor"].toInt();
        EXPECT_FLOAT_EQ(anchors[a].x, centre[0]) << a;
        EXPECT_FLOAT_EQ(anchors[a].y, centre[1]) << a;
    }
}

// The detector outputs with only the stored candidates scoring (every other anchor far below).
void storedRawOutputs(std::vector<float>* boxes, std::vector<float>* scores) {
    boxes->assign(2254 * 12, 0.0f);
    scores->assign(2254, -100.0f);
    for (const QJsonValue& entry : reference()["detector"].toObject()["candidates"].toArray()) {
        const int a = entry["anchor"].toInt();
        const auto raw = floats(entry["raw"]);
        std::copy(raw.begin(), raw.end(), boxes->begin() + a * 12);
        (*scores)[a] = static_cast<float>(entry["raw_score"].toDouble());
    }
}

TEST(PoseDetection, WeightedNmsOfTheStoredCandidates) {
    std::vector<float> boxes, scores;
    storedRawOutputs(&boxes, &scores);
    const QJsonObject detector = reference()["detector"].toObject();
    DetectionDecoding options;
    options.minScore = static_cast<float>(detector["score_threshold"].toDouble());
    const auto detections = decodePoseDetections(boxes, scores, options);
    ASSERT_FALSE(detections.empty());
    const PoseDetection& d = detections.front();
    const double tol = reference()["protocol"].toObject()["suggested_tolerances"].toObject()["stage_wise"].toObject()
                           ["detection_from_stored_candidates_normalised"].toDouble();
    const QJsonObject expected = detector["detection"].toObject()["letterboxed"].toObject();
    const QJsonObject box = expected["box"].toObject();
    EXPECT_NEAR(d.cx, box["cx"].toDouble(), tol);
    EXPECT_NEAR(d.cy, box["cy"].toDouble(), tol);
    EXPECT_NEAR(d.width, box["w"].toDouble(), tol);
    EXPECT_NEAR(d.height, box["h"].toDouble(), tol);
    const auto keypoints = floats(expected["keypoints"]);
    ASSERT_EQ(keypoints.size(), 8u);
    for (int k = 0; k < 8; ++k) EXPECT_NEAR(d.keypoints[k], keypoints[k], tol) << k;
    EXPECT_FLOAT_EQ(d.score, static_cast<float>(detector["best_score"].toDouble()));
    // Every stored candidate is in the one cluster here.
    EXPECT_EQ(detections.size(), 1u);
}

TEST(PoseDetection, SeparateBodiesGiveSeparateClustersBestFirst) {
    std::vector<float> boxes(2254 * 12, 0.0f), scores(2254, -100.0f);
    // Two anchors far apart with 20-pixel boxes: no overlap, two detections.
    boxes[100 * 12 + 2] = boxes[100 * 12 + 3] = 20.0f;
    boxes[1500 * 12 + 2] = boxes[1500 * 12 + 3] = 20.0f;
    scores[100] = 1.0f;
    scores[1500] = 2.0f;
    scores[101] = -0.5f;  // below 0.5 after the sigmoid
    const auto detections = decodePoseDetections(boxes, scores);
    ASSERT_EQ(detections.size(), 2u);
    EXPECT_NEAR(detections[0].score, 1.0 / (1.0 + std::exp(-2.0)), 1e-6);
    EXPECT_NEAR(detections[0].cx, blazePoseAnchors()[1500].x, 1e-6);
    EXPECT_NEAR(detections[1].cy, blazePoseAnchors()[100].y, 1e-6);
}

TEST(PoseDetection, LetterboxRemoval) {
    PoseDetection d;
    d.cx = 0.5f;
    d.cy = 0.25f + 0.125f;
    d.width = 0.1f;
    d.height = 0.1f;
    d.keypoints = {0.5f, 0.25f, 0.0f, 0.75f, 0, 0, 0, 0};
    const Letterbox box{0.0, 0.25, 1.0, 0.5};  // a 2:1 image: bands above and below
    const PoseDetection out = removeLetterbox(d, box);
    EXPECT_FLOAT_EQ(out.cy, 0.25f);
    EXPECT_FLOAT_EQ(out.height, 0.2f);
    EXPECT_FLOAT_EQ(out.keypoints[1], 0.0f);
    EXPECT_FLOAT_EQ(out.keypoints[3], 1.0f);
    EXPECT_FLOAT_EQ(out.cx, 0.5f);
}

}  // namespace
}  // namespace actionlens::pose
