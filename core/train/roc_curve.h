#pragma once

// The one-vs-rest ROC curve of one class: the points (false positive rate, true positive rate)
// as the threshold sweeps the scores from high to low, one point per distinct score (tied scores
// move both rates at once, so the area under these points is the exact, ties-halved AUC that
// binaryRocAuc computes). Empty without positives or without negatives.

#include <vector>

namespace actionlens::train {

struct RocPoint {
    double falsePositiveRate = 0.0;
    double truePositiveRate = 0.0;
};

std::vector<RocPoint> rocCurve(const std::vector<bool>& positive, const std::vector<double>& scores);

}  // namespace actionlens::train
