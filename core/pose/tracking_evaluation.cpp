#include "core/pose/tracking_evaluation.h"

#include <algorithm>
#include <tuple>

namespace actionlens::pose {

namespace {

double overlap(const PersonExtent& a, const PersonExtent& b) {
    const double w = std::min(a.x1, b.x1) - std::max(a.x0, b.x0), h = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
    if (w <= 0 || h <= 0) return 0.0;
    const double both = w * h;
    const double either = (a.x1 - a.x0) * (a.y1 - a.y0) + (b.x1 - b.x0) * (b.y1 - b.y0) - both;
    return either > 0 ? both / either : 0.0;
}

}  // namespace

void TrackingScorer::addFrame(const std::vector<PersonExtent>& known, const std::vector<PersonExtent>& tracked) {
    std::vector<std::tuple<double, std::size_t, std::size_t>> pairs;
    for (std::size_t k = 0; k < known.size(); ++k)
        for (std::size_t t = 0; t < tracked.size(); ++t)
            if (const double o = overlap(known[k], tracked[t]); o >= minOverlap_) pairs.emplace_back(-o, k, t);
    std::sort(pairs.begin(), pairs.end());
    std::vector<bool> knownFound(known.size(), false), trackedUsed(tracked.size(), false);
    for (const auto& [negative, k, t] : pairs) {
        if (knownFound[k] || trackedUsed[t]) continue;
        knownFound[k] = trackedUsed[t] = true;
        const auto last = lastNumber_.find(known[k].id);
        if (last != lastNumber_.end() && last->second != tracked[t].id) ++score_.identitySwitches;
        lastNumber_[known[k].id] = tracked[t].id;
    }
    for (std::size_t k = 0; k < known.size(); ++k) {
        auto& cls = score_.foundByHeight[int(known[k].height()) / heightClass_ * heightClass_];
        ++cls.second;
        ++score_.people;
        if (knownFound[k]) {
            ++cls.first;
            ++score_.found;
        }
    }
    for (std::size_t t = 0; t < tracked.size(); ++t) {
        if (!trackedUsed[t]) ++score_.strayPoses;
        numbers_[tracked[t].id] = true;
    }
    score_.numbersUsed = int(numbers_.size());
}

bool extentOf(const std::vector<std::pair<double, double>>& points, PersonExtent* extent) {
    if (points.size() < 2) return false;
    extent->x0 = extent->y0 = 1e300;
    extent->x1 = extent->y1 = -1e300;
    for (const auto& [x, y] : points) {
        extent->x0 = std::min(extent->x0, x);
        extent->x1 = std::max(extent->x1, x);
        extent->y0 = std::min(extent->y0, y);
        extent->y1 = std::max(extent->y1, y);
    }
    return true;
}

std::vector<PersonExtent> trackedExtents(const std::vector<PersonPose>& people, float minVisibility) {
    std::vector<PersonExtent> out;
    for (const PersonPose& person : people) {
        std::vector<std::pair<double, double>> points;
        for (int j : {0, 11, 12, 13, 14, 15, 16, 23, 24, 25, 26, 27, 28}) {
            if (std::size_t(j) >= person.estimate.landmarks.size()) continue;
            const PoseLandmark& l = person.estimate.landmarks[std::size_t(j)];
            if (l.visibility >= minVisibility) points.emplace_back(l.x, l.y);
        }
        PersonExtent e;
        e.id = person.person;
        if (extentOf(points, &e)) out.push_back(e);
    }
    return out;
}

}  // namespace actionlens::pose
