#include "core/pose/track_linking.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace actionlens::pose {

std::vector<int> linkToLostPeople(const std::vector<LostPerson>& lost, const std::vector<FoundPerson>& found, double now,
                                  const TrackLinkingOptions& options) {
    std::vector<int> numbers(found.size(), 0);
    std::vector<std::tuple<double, std::size_t, std::size_t>> pairs;  // cost, found, lost
    for (std::size_t l = 0; l < lost.size(); ++l) {
        const LostPerson& person = lost[l];
        const double away = now - person.seconds;
        if (away < 0 || away > options.rememberSeconds) continue;
        const double carried = std::min(away, options.predictSeconds);
        const double predictedX = person.roi.cx + person.velocityX * carried;
        const double predictedY = person.roi.cy + person.velocityY * carried;
        for (std::size_t f = 0; f < found.size(); ++f) {
            const PoseRoi& roi = found[f].roi;
            const double larger = std::max(roi.size, person.roi.size), smaller = std::min(roi.size, person.roi.size);
            if (smaller <= 0 || larger / smaller > options.maxSizeRatio) continue;
            const double side = 0.5 * (roi.size + person.roi.size);
            const double gate = std::min(options.gateMax, options.gateBase + options.gateGrowth * away) * side;
            const double distance = std::hypot(roi.cx - predictedX, roi.cy - predictedY);
            if (distance > gate) continue;
            const double look = appearanceDistance(found[f].appearance, person.appearance);
            if (look > options.maxAppearanceDistance) continue;
            pairs.emplace_back(distance / gate + look, f, l);
        }
    }
    std::sort(pairs.begin(), pairs.end());
    std::vector<bool> lostTaken(lost.size(), false);
    for (const auto& [cost, f, l] : pairs) {
        if (numbers[f] != 0 || lostTaken[l]) continue;
        numbers[f] = lost[l].person;
        lostTaken[l] = true;
    }
    return numbers;
}

}  // namespace actionlens::pose
