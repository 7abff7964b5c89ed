#include "core/synth/dataset_splits.h"

#include "core/synth/synth_random.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace actionlens::synth {

std::vector<std::string> assignSplits(int videos, double testFraction, std::uint32_t seed) {
    std::vector<std::string> splits(static_cast<size_t>(std::max(0, videos)), kTrainSplit);
    if (videos < 2) return splits;
    const int tests = std::clamp(static_cast<int>(std::lround(videos * testFraction)), 1, videos - 1);
    // A partial Fisher-Yates shuffle with SynthRandom (std::shuffle is not the same everywhere).
    SynthRandom random(seed ^ 0x51e7d00du);
    std::vector<int> order(static_cast<size_t>(videos));
    std::iota(order.begin(), order.end(), 0);
    for (int i = 0; i < tests; ++i) {
        const int j = random.integer(i, videos - 1);
        std::swap(order[static_cast<size_t>(i)], order[static_cast<size_t>(j)]);
        splits[static_cast<size_t>(order[static_cast<size_t>(i)])] = kTestSplit;
    }
    return splits;
}

}  // namespace actionlens::synth
