#include "core/pose/detection_tiles.h"

#include "core/pose/pose_estimator.h"

#include <algorithm>
#include <cmath>

namespace actionlens::pose {

std::vector<ImageTile> detectionTiles(int width, int height, int n, double overlap) {
    n = std::max(1, n);
    overlap = std::clamp(overlap, 0.0, 0.9);
    // n tiles of side s with (n - 1) overlaps of overlap x s cover the side: s (n - (n - 1) overlap) = side.
    const auto side = [&](int total) {
        return n == 1 ? total : std::min(total, int(std::ceil(total / (n - (n - 1) * overlap))));
    };
    const int tileWidth = side(width), tileHeight = side(height);
    const auto origin = [&](int k, int total, int tile) {
        return n == 1 ? 0 : int(std::lround(double(k) * (total - tile) / (n - 1)));
    };
    std::vector<ImageTile> tiles;
    for (int row = 0; row < n; ++row)
        for (int column = 0; column < n; ++column)
            tiles.push_back({origin(column, width, tileWidth), origin(row, height, tileHeight), tileWidth, tileHeight});
    return tiles;
}

RgbImageView tileView(const RgbImageView& image, const ImageTile& tile) {
    RgbImageView view = image;
    view.pixels = image.pixels + static_cast<std::ptrdiff_t>(tile.y) * image.stride + static_cast<std::ptrdiff_t>(tile.x) * 3;
    view.width = tile.width;
    view.height = tile.height;
    return view;
}

PoseDetection detectionInFrame(const PoseDetection& d, const ImageTile& tile, int frameWidth, int frameHeight) {
    const auto x = [&](float v) { return float((tile.x + double(v) * tile.width) / frameWidth); };
    const auto y = [&](float v) { return float((tile.y + double(v) * tile.height) / frameHeight); };
    PoseDetection out = d;
    out.cx = x(d.cx);
    out.cy = y(d.cy);
    out.width = float(double(d.width) * tile.width / frameWidth);
    out.height = float(double(d.height) * tile.height / frameHeight);
    for (std::size_t k = 0; k + 1 < out.keypoints.size(); k += 2) {
        out.keypoints[k] = x(d.keypoints[k]);
        out.keypoints[k + 1] = y(d.keypoints[k + 1]);
    }
    return out;
}

std::vector<PoseDetection> mergeTileDetections(std::vector<PoseDetection> detections, int frameWidth, int frameHeight) {
    std::stable_sort(detections.begin(), detections.end(), [](const PoseDetection& a, const PoseDetection& b) { return a.score > b.score; });
    std::vector<PoseDetection> kept;
    std::vector<PoseRoi> squares;
    for (const PoseDetection& d : detections) {
        const PoseRoi square = PoseEstimator::roiFromDetection(d, frameWidth, frameHeight);
        bool seen = false;
        for (const PoseRoi& other : squares) seen = seen || roiOverlap(square, other) > kSamePersonOverlap;
        if (seen) continue;
        squares.push_back(square);
        kept.push_back(d);
    }
    return kept;
}

}  // namespace actionlens::pose
