#include "core/pose/track_confirmation.h"

#include <algorithm>

namespace actionlens::pose {

std::vector<std::size_t> unconfirmedTracks(const std::vector<long long>& confirmedFrames, long long frame, int detectionInterval,
                                           int intervals) {
    const long long patience = static_cast<long long>(intervals) * std::max(1, detectionInterval);
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k < confirmedFrames.size(); ++k)
        if (frame - confirmedFrames[k] > patience) out.push_back(k);
    std::stable_sort(out.begin(), out.end(), [&](std::size_t a, std::size_t b) { return confirmedFrames[a] < confirmedFrames[b]; });
    return out;
}

}  // namespace actionlens::pose
