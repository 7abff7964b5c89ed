#pragma once

// Segment-level agreement of two annotators: their segments of one subject and label are
// matched one to one, most overlapping pairs first, where the overlap (intersection over union
// of the frame ranges, both ends inclusive) reaches a threshold; F1 = 2 x matches / (segments of
// one + segments of the other). For the pairs matched, how far the boundaries lie apart.

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::agreement {

struct CodedSegment {
    std::int64_t subjectId = 0;
    std::string label;
    std::int64_t firstFrame = 0;
    std::int64_t lastFrame = 0;
};

struct SegmentMatch {
    size_t a = 0;  // index into the first annotator's segments
    size_t b = 0;  // ... the second's
    double iou = 0.0;
};

double intersectionOverUnion(const CodedSegment& a, const CodedSegment& b);

// Matches of a and b at `threshold` (same subject and label, IoU >= threshold, one to one).
std::vector<SegmentMatch> matchSegments(const std::vector<CodedSegment>& a, const std::vector<CodedSegment>& b, double threshold);

struct BoundaryOffsets {
    int pairs = 0;
    double meanStart = 0.0;    // mean |first frame difference|, frames
    double meanEnd = 0.0;      // mean |last frame difference|, frames
    double medianStart = 0.0;
    double medianEnd = 0.0;
};

BoundaryOffsets boundaryOffsets(const std::vector<CodedSegment>& a, const std::vector<CodedSegment>& b,
                                const std::vector<SegmentMatch>& matches);

}  // namespace actionlens::agreement
