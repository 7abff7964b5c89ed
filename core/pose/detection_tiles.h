#pragma once

// Detection on tiles: the frame cut into an n x n grid of overlapping tiles, each given to the
// person detector on its own, so a detector with a small input (BlazePose's is 224 x 224) sees
// small people at n times the resolution. The tiles' detections are mapped back to the frame
// and those that found one person twice (in two tiles' overlap) are merged, best score kept.

#include "core/pose/pose_detection.h"
#include "core/pose/rgb_image.h"

#include <vector>

namespace actionlens::pose {

struct ImageTile {
    int x = 0, y = 0, width = 0, height = 0;  // in the frame's pixels
};

// The n x n tiles of a width x height frame, neighbours overlapping by `overlap` of a tile's
// side (so a person cut by one tile's edge is whole in the next one), row by row. n = 1: the
// whole frame.
std::vector<ImageTile> detectionTiles(int width, int height, int n, double overlap = 0.25);

// The pixels of one tile, without copying.
RgbImageView tileView(const RgbImageView& image, const ImageTile& tile);

// A detection normalised to the tile, normalised to the frame.
PoseDetection detectionInFrame(const PoseDetection& detection, const ImageTile& tile, int frameWidth, int frameHeight);

// Best first; a detection whose body square mostly covers a better one's (the same person found
// in two tiles) is dropped.
std::vector<PoseDetection> mergeTileDetections(std::vector<PoseDetection> detections, int frameWidth, int frameHeight);

}  // namespace actionlens::pose
