// Detection on tiles: the grid covers the frame with overlaps, detections come back in the
// frame's coordinates, and one person found in two tiles is one detection.

#include "core/pose/detection_tiles.h"

#include "core/pose/hog_people_detector.h"

#include <gtest/gtest.h>

#include <vector>

namespace actionlens::pose {
namespace {

TEST(DetectionTiles, OneTileIsTheWholeFrame) {
    const auto tiles = detectionTiles(768, 576, 1);
    ASSERT_EQ(tiles.size(), 1u);
    EXPECT_EQ(tiles[0].x, 0);
    EXPECT_EQ(tiles[0].y, 0);
    EXPECT_EQ(tiles[0].width, 768);
    EXPECT_EQ(tiles[0].height, 576);
}

TEST(DetectionTiles, AGridCoversTheFrameWithOverlaps) {
    const auto tiles = detectionTiles(768, 576, 3, 0.25);
    ASSERT_EQ(tiles.size(), 9u);
    // Side s with 3 s - 2 x 0.25 s = 768: s = 308 (rounded up); the last tile ends at the edge.
    EXPECT_EQ(tiles[0].width, 308);
    EXPECT_EQ(tiles[0].height, 231);
    EXPECT_EQ(tiles[2].x + tiles[2].width, 768);
    EXPECT_EQ(tiles[8].y + tiles[8].height, 576);
    // Every pixel lies in some tile; neighbours overlap by about a quarter of a tile.
    for (int y = 0; y < 576; y += 7)
        for (int x = 0; x < 768; x += 7) {
            bool inside = false;
            for (const ImageTile& t : tiles) inside = inside || (x >= t.x && x < t.x + t.width && y >= t.y && y < t.y + t.height);
            ASSERT_TRUE(inside) << x << "," << y;
        }
    const int overlap = tiles[0].x + tiles[0].width - tiles[1].x;
    EXPECT_NEAR(overlap, 0.25 * 308, 2.0);
}

TEST(DetectionTiles, ATileViewPointsIntoTheFrameWithoutCopying) {
    std::vector<std::uint8_t> pixels(40 * 30 * 3);
    for (std::size_t i = 0; i < pixels.size(); ++i) pixels[i] = std::uint8_t(i % 251);
    const RgbImageView frame{pixels.data(), 40, 30, 120};
    const RgbImageView view = tileView(frame, {10, 5, 20, 12});
    EXPECT_EQ(view.width, 20);
    EXPECT_EQ(view.height, 12);
    EXPECT_EQ(view.stride, 120);
    EXPECT_EQ(view.pixels, pixels.data() + 5 * 120 + 10 * 3);
}

TEST(DetectionTiles, DetectionsComeBackInTheFramesCoordinates) {
    const ImageTile tile{400, 300, 200, 100};
    // A person box 20 x 60 at (450, 320) in the frame is (50, 20) in the tile.
    const PoseDetection inTile = detectionFromPersonBox(50, 20, 20, 60, tile.width, tile.height, 0.8f);
    const PoseDetection inFrame = detectionInFrame(inTile, tile, 800, 600);
    const PoseDetection expected = detectionFromPersonBox(450, 320, 20, 60, 800, 600, 0.8f);
    EXPECT_NEAR(inFrame.cx, expected.cx, 1e-6);
    EXPECT_NEAR(inFrame.cy, expected.cy, 1e-6);
    EXPECT_NEAR(inFrame.width, expected.width, 1e-6);
    EXPECT_NEAR(inFrame.height, expected.height, 1e-6);
    for (std::size_t k = 0; k < expected.keypoints.size(); ++k) EXPECT_NEAR(inFrame.keypoints[k], expected.keypoints[k], 1e-6) << k;
    EXPECT_FLOAT_EQ(inFrame.score, 0.8f);
}

TEST(DetectionTiles, APersonFoundInTwoTilesIsOneDetectionWithTheBetterScore) {
    const PoseDetection a = detectionFromPersonBox(300, 200, 40, 100, 800, 600, 0.6f);
    const PoseDetection b = detectionFromPersonBox(303, 202, 40, 98, 800, 600, 0.9f);  // the same person, other tile
    const PoseDetection c = detectionFromPersonBox(500, 200, 40, 100, 800, 600, 0.7f);  // someone else
    const auto merged = mergeTileDetections({a, b, c}, 800, 600);
    ASSERT_EQ(merged.size(), 2u);
    EXPECT_FLOAT_EQ(merged[0].score, 0.9f);
    EXPECT_FLOAT_EQ(merged[1].score, 0.7f);
}

}  // namespace
}  // namespace actionlens::pose
