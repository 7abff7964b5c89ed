#pragma once

// Chance-corrected agreement of categorical codes (nominal data), as inter-annotator studies
// report it. Codes are small non-negative integers (category indices); kMissing marks a unit a
// coder did not code.
//
// - Cohen's kappa (two coders): (p_o - p_e) / (1 - p_e) over the units both coded; p_e from
//   each coder's own marginal distribution.
// - Fleiss' kappa (any fixed number of coders per unit): units coded by every coder only.
// - Krippendorff's alpha, nominal: 1 - D_o / D_e from the coincidence matrix; units with fewer
//   than two codes are not pairable and left out, so missing codes are allowed.
// Each returns NaN where it is undefined (no units, or only one category in play: expected
// disagreement 0), which a report shows as "n/a" rather than a number.

#include <vector>

namespace actionlens::agreement {

inline constexpr int kMissing = -1;

// a[i], b[i]: the two coders' codes of unit i.
double cohenKappa(const std::vector<int>& a, const std::vector<int>& b);

// units[i][c]: coder c's code of unit i (every row the same length: the coders).
double fleissKappa(const std::vector<std::vector<int>>& units);

// units[i][c]: coder c's code of unit i, or kMissing.
double krippendorffAlphaNominal(const std::vector<std::vector<int>>& units);

// The share of units (both coded) on which the two coders agree; NaN with none.
double percentAgreement(const std::vector<int>& a, const std::vector<int>& b);

}  // namespace actionlens::agreement
