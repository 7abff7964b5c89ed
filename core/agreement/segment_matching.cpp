#include "core/agreement/segment_matching.h"

#include <algorithm>
#include <cstdlib>

namespace actionlens::agreement {

namespace {

double median(std::vector<double> v) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

}  // namespace

double intersectionOverUnion(const CodedSegment& a, const CodedSegment& b) {
    const std::int64_t overlap = std::min(a.lastFrame, b.lastFrame) - std::max(a.firstFrame, b.firstFrame) + 1;
    if (overlap <= 0) return 0.0;
    const std::int64_t together = std::max(a.lastFrame, b.lastFrame) - std::min(a.firstFrame, b.firstFrame) + 1;
    return double(overlap) / double(together);
}

std::vector<SegmentMatch> matchSegments(const std::vector<CodedSegment>& a, const std::vector<CodedSegment>& b, double threshold) {
    std::vector<SegmentMatch> candidates;
    for (size_t i = 0; i < a.size(); ++i)
        for (size_t j = 0; j < b.size(); ++j) {
            if (a[i].subjectId != b[j].subjectId || a[i].label != b[j].label) continue;
            const double iou = intersectionOverUnion(a[i], b[j]);
            if (iou >= threshold && iou > 0) candidates.push_back({i, j, iou});
        }
    std::stable_sort(candidates.begin(), candidates.end(), [](const auto& x, const auto& y) { return x.iou > y.iou; });
    std::vector<bool> usedA(a.size(), false), usedB(b.size(), false);
    std::vector<SegmentMatch> matches;
    for (const SegmentMatch& c : candidates) {
        if (usedA[c.a] || usedB[c.b]) continue;
        usedA[c.a] = usedB[c.b] = true;
        matches.push_back(c);
    }
    return matches;
}

BoundaryOffsets boundaryOffsets(const std::vector<CodedSegment>& a, const std::vector<CodedSegment>& b,
                                const std::vector<SegmentMatch>& matches) {
    BoundaryOffsets out;
    std::vector<double> starts, ends;
    for (const SegmentMatch& m : matches) {
        starts.push_back(double(std::llabs(a[m.a].firstFrame - b[m.b].firstFrame)));
        ends.push_back(double(std::llabs(a[m.a].lastFrame - b[m.b].lastFrame)));
    }
    out.pairs = int(matches.size());
    if (matches.empty()) return out;
    for (size_t i = 0; i < starts.size(); ++i) {
        out.meanStart += starts[i] / double(starts.size());
        out.meanEnd += ends[i] / double(ends.size());
    }
    out.medianStart = median(starts);
    out.medianEnd = median(ends);
    return out;
}

}  // namespace actionlens::agreement
