// Landmark decoding: projection of the stored raw rows into the image, and MediaPipe's heatmap
// refinement on constructed heatmaps.

#include "core/pose/pose_landmarks.h"
#include "tests/core/pose/pose_reference.h"

#include <gtest/gtest.h>

#include <cmath>

namespace actionlens::pose {
namespace {

using testing::floats;
using testing::reference;

TEST(PoseLandmarks, ProjectionOfStoredRowsMatchesTheReference) {
    const double tol = reference()["protocol"].toObject()["suggested_tolerances"].toObject()["stage_wise"].toObject()["projection_px"].toDouble();
    for (const char* model : {"lite", "full"}) {
        const QJsonObject entry = reference()["landmark_models"].toObject()[model].toObject();
        const QJsonArray passes = entry["passes"].toArray();
        for (int p = 0; p < 2; ++p) {
            const QJsonObject pass = passes[p].toObject();
            const QJsonObject raw = p == 0 ? entry["raw_outputs"].toObject() : pass["raw_outputs"].toObject();
            const QJsonObject r = pass["roi"].toObject();
            const PoseRoi roi{r["cx"].toDouble(), r["cy"].toDouble(), r["size"].toDouble(), r["rotation"].toDouble()};
            const auto projected = projectLandmarks(floats(raw["Identity"]), roi);
            const auto expected = floats(pass["landmarks_39"]);
            ASSERT_EQ(projected.size(), 39u);
            ASSERT_EQ(expected.size(), 39u * 5);
            for (int i = 0; i < 39; ++i) {
                EXPECT_NEAR(projected[i].x, expected[i * 5], tol) << model << " pass " << p << " row " << i;
                EXPECT_NEAR(projected[i].y, expected[i * 5 + 1], tol) << model << " pass " << p << " row " << i;
                EXPECT_NEAR(projected[i].z, expected[i * 5 + 2], tol) << model << " pass " << p << " row " << i;
                EXPECT_NEAR(projected[i].visibility, expected[i * 5 + 3], 1e-6);
                EXPECT_NEAR(projected[i].presence, expected[i * 5 + 4], 1e-6);
            }
        }
    }
}

std::vector<float> emptyHeatmap() { return std::vector<float>(64 * 64 * 39, -20.0f); }
float& cell(std::vector<float>& heatmap, int x, int y, int landmark) { return heatmap[(y * 64 + x) * 39 + landmark]; }

TEST(PoseLandmarks, HeatmapRefinementMovesConfidentPointsToTheWeightedPeak) {
    std::vector<float> rows(39 * 5, 0.0f);
    rows[0] = 100.0f;  // landmark 0 at crop (100, 60): cell (25, 15)
    rows[1] = 60.0f;
    rows[5] = 100.0f;  // landmark 1 at the same place, but its heatmap is not confident
    rows[6] = 60.0f;
    auto heatmap = emptyHeatmap();
    cell(heatmap, 27, 15, 0) = 20.0f;  // sigmoid ~ 1 two cells to the right
    cell(heatmap, 27, 16, 0) = 20.0f;  // and one below it
    cell(heatmap, 27, 15, 1) = -1.0f;  // sigmoid 0.27 < 0.5
    refineRowsFromHeatmap(&rows, heatmap);
    // Weighted mean of the window: two cells at ~1, 47 at ~2e-9: column 27, row 15.5; / 64 * 256.
    EXPECT_NEAR(rows[0], 27 * 4.0f, 1e-3);
    EXPECT_NEAR(rows[1], 15.5f * 4.0f, 1e-3);
    EXPECT_FLOAT_EQ(rows[5], 100.0f);
    EXPECT_FLOAT_EQ(rows[6], 60.0f);
}

TEST(PoseLandmarks, HeatmapRefinementLeavesPointsOutsideTheCrop) {
    std::vector<float> rows(39 * 5, 0.0f);
    rows[0] = -10.0f;  // outside
    rows[1] = 60.0f;
    auto heatmap = emptyHeatmap();
    for (int y = 0; y < 64; ++y) cell(heatmap, 0, y, 0) = 20.0f;
    refineRowsFromHeatmap(&rows, heatmap);
    EXPECT_FLOAT_EQ(rows[0], -10.0f);
}

}  // namespace
}  // namespace actionlens::pose
