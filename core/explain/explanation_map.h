#pragma once

// Explanation maps as plain arrays, and the arithmetic on them that needs no network: scaling
// for display, the temporal importance curve, the difference of two heads' maps, and where a
// source frame of the segment falls in the network's time.
//
// A map is a grid over (frames, rows, columns) of non-negative evidence. A skeleton map has one
// row and a column per joint; a video map has the network's rows and columns over its square
// view of the subject (the crop, region_mapping.h).

#include <cstdint>
#include <string>
#include <vector>

#include "core/explain/explanation_method.h"

namespace actionlens::explain {

struct ExplanationMap {
    int frames = 0;
    int rows = 0;
    int columns = 0;
    std::vector<float> values;  // frames * rows * columns, frame after frame, rows top to bottom

    ExplanationMap() = default;
    ExplanationMap(int f, int r, int c) : frames(f), rows(r), columns(c), values(size_t(f) * r * c, 0.0f) {}
    bool empty() const { return values.empty(); }
    size_t cellsPerFrame() const { return size_t(rows) * size_t(columns); }
    float& at(int frame, int row, int column) { return values[(size_t(frame) * rows + row) * columns + column]; }
    float at(int frame, int row, int column) const { return values[(size_t(frame) * rows + row) * columns + column]; }
};

// Negative values (evidence against the class: occlusion that raised the score) become 0, then
// the map is divided by its maximum over the clip or per frame; an all-zero map (or frame) stays 0.
ExplanationMap normaliseMap(const ExplanationMap& map, MapNormalisation normalisation);

// Each frame's share of the map's (non-negative) total: how much each frame mattered. Sums to 1,
// or is all zero for an all-zero map.
std::vector<float> temporalImportance(const ExplanationMap& map);

// a - b, cell by cell, for maps of one shape (two heads on the same clip): positive where the
// first head looks more. Empty when the shapes differ.
ExplanationMap differenceMap(const ExplanationMap& a, const ExplanationMap& b);

// Each column's (joint's) share summed over frames and rows.
std::vector<float> columnImportance(const ExplanationMap& map);

// The network's clips sample a segment of `segmentFrames` source frames at `clipFrames` evenly
// spaced times (the centre of each of clipFrames equal parts). The position of source frame
// `offset` (0 = the segment's first frame) on the clip's time axis, in clip frames, clamped to
// [0, clipFrames - 1]: fractional between two samples.
double clipPositionOfSourceFrame(std::int64_t offset, std::int64_t segmentFrames, int clipFrames);

// The map at source frame `offset` of the segment, interpolated linearly between the two
// nearest clip frames: rows x columns values.
std::vector<float> mapAtSourceFrame(const ExplanationMap& map, std::int64_t offset, std::int64_t segmentFrames);

// The map at every source frame of a segment as CSV: a header "frame,<column names>" (columns
// without a name are "column_N"), then one row per source frame, firstFrame first.
std::string mapCsvOverSourceFrames(const ExplanationMap& map, std::int64_t firstFrame, std::int64_t segmentFrames,
                                   const std::vector<std::string>& columnNames);

// Rank correlation (Spearman, ties ranked by their mean) of two equally long value lists; 0 when
// either is constant or they are empty.
double spearmanCorrelation(const std::vector<float>& a, const std::vector<float>& b);

}  // namespace actionlens::explain
