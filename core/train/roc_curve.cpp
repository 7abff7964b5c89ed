#include "core/train/roc_curve.h"

#include <algorithm>
#include <numeric>

namespace actionlens::train {

std::vector<RocPoint> rocCurve(const std::vector<bool>& positive, const std::vector<double>& scores) {
    const size_t n = std::min(positive.size(), scores.size());
    const auto positives = std::count(positive.begin(), positive.begin() + std::ptrdiff_t(n), true);
    const auto negatives = std::ptrdiff_t(n) - positives;
    if (positives == 0 || negatives == 0) return {};
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), size_t{0});
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return scores[a] > scores[b]; });
    std::vector<RocPoint> curve{{0.0, 0.0}};
    double truePositives = 0, falsePositives = 0;
    for (size_t i = 0; i < n; ++i) {
        (positive[order[i]] ? truePositives : falsePositives) += 1;
        // One point after each run of equal scores: a threshold cannot split ties.
        if (i + 1 < n && scores[order[i + 1]] == scores[order[i]]) continue;
        curve.push_back({falsePositives / double(negatives), truePositives / double(positives)});
    }
    return curve;
}

}  // namespace actionlens::train
