#include "core/agreement/reliability.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace actionlens::agreement {

namespace {
constexpr double kUndefined = std::numeric_limits<double>::quiet_NaN();
}

double percentAgreement(const std::vector<int>& a, const std::vector<int>& b) {
    int both = 0, same = 0;
    for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
        if (a[i] == kMissing || b[i] == kMissing) continue;
        ++both;
        same += a[i] == b[i];
    }
    return both ? double(same) / both : kUndefined;
}

double cohenKappa(const std::vector<int>& a, const std::vector<int>& b) {
    std::map<int, double> marginalA, marginalB;
    int both = 0, same = 0;
    for (size_t i = 0; i < std::min(a.size(), b.size()); ++i) {
        if (a[i] == kMissing || b[i] == kMissing) continue;
        ++both;
        same += a[i] == b[i];
        marginalA[a[i]] += 1;
        marginalB[b[i]] += 1;
    }
    if (both == 0) return kUndefined;
    const double observed = double(same) / both;
    double expected = 0;
    for (const auto& [code, count] : marginalA)
        if (auto it = marginalB.find(code); it != marginalB.end()) expected += (count / both) * (it->second / both);
    if (expected >= 1.0) return kUndefined;
    return (observed - expected) / (1.0 - expected);
}

double fleissKappa(const std::vector<std::vector<int>>& units) {
    // Units coded by every coder: n ratings each.
    std::map<int, double> totals;
    double sumAgreement = 0;
    int used = 0;
    size_t raters = 0;
    for (const auto& unit : units) {
        if (unit.size() < 2 || std::count(unit.begin(), unit.end(), kMissing) > 0) continue;
        if (raters == 0) raters = unit.size();
        if (unit.size() != raters) continue;
        std::map<int, int> counts;
        for (int code : unit) ++counts[code];
        double pairs = 0;
        for (const auto& [code, n] : counts) {
            pairs += double(n) * (n - 1);
            totals[code] += n;
        }
        sumAgreement += pairs / (double(raters) * (raters - 1));
        ++used;
    }
    if (used == 0) return kUndefined;
    const double observed = sumAgreement / used;
    double expected = 0;
    for (const auto& [code, n] : totals) {
        const double p = n / (double(used) * raters);
        expected += p * p;
    }
    if (expected >= 1.0) return kUndefined;
    return (observed - expected) / (1.0 - expected);
}

double krippendorffAlphaNominal(const std::vector<std::vector<int>>& units) {
    // Coincidence matrix o[c][k]: each pairable unit adds, for every ordered pair of its codes
    // from different coders, 1 / (m_u - 1).
    std::map<int, std::map<int, double>> coincidences;
    for (const auto& unit : units) {
        std::vector<int> codes;
        for (int code : unit)
            if (code != kMissing) codes.push_back(code);
        const size_t m = codes.size();
        if (m < 2) continue;
        for (size_t i = 0; i < m; ++i)
            for (size_t j = 0; j < m; ++j)
                if (i != j) coincidences[codes[i]][codes[j]] += 1.0 / double(m - 1);
    }
    std::map<int, double> marginals;
    double n = 0;
    double disagreeing = 0;
    for (const auto& [c, row] : coincidences)
        for (const auto& [k, value] : row) {
            marginals[c] += value;
            n += value;
            if (c != k) disagreeing += value;
        }
    if (n <= 1) return kUndefined;
    double expectedDisagreement = 0;
    for (const auto& [c, nc] : marginals)
        for (const auto& [k, nk] : marginals)
            if (c != k) expectedDisagreement += nc * nk;
    if (expectedDisagreement <= 0) return kUndefined;
    // alpha = 1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c n_k
    return 1.0 - (n - 1.0) * disagreeing / expectedDisagreement;
}

}  // namespace actionlens::agreement
