#pragma once

// How the per-task losses of a multi-task network are combined into one. Tasks differ in
// difficulty, class count and label coverage; summing them as they are lets the easiest or the
// noisiest task steer the shared trunk. The strategy is a configuration choice so that the
// evaluation can compare them side by side.

#include "core/common/result.h"

#include <vector>

namespace actionlens::model {

enum class WeightingStrategy {
    Equal,                 // sum of the task losses
    Fixed,                 // sum of w_t L_t with the configured weights
    Uncertainty,           // Kendall et al. 2018: sum exp(-s_t) L_t + s_t, s_t learnt
    DynamicWeightAverage,  // Liu et al. 2019: weights from the last two epochs' loss ratios
    GradNorm,              // Chen et al. 2018: weights learnt to balance gradient norms
};

struct WeightingConfig {
    WeightingStrategy strategy = WeightingStrategy::Equal;
    std::vector<double> fixedWeights;  // one per task, for Fixed
    double dwaTemperature = 2.0;       // for DynamicWeightAverage; larger is closer to equal
    double gradNormAlpha = 1.5;        // for GradNorm; 0 asks for equal gradient norms
};

Status validateWeightingConfig(const WeightingConfig& config, int taskCount);

// DWA weights: r_t = L_t(e-1) / L_t(e-2), w_t = K exp(r_t / T) / sum_i exp(r_i / T), with K the
// task count, so that the weights sum to K like equal weighting does. A task whose loss fell
// faster gets less weight. Sizes of both histories must be equal.
std::vector<double> dynamicWeightAverage(const std::vector<double>& previousEpoch,
                                         const std::vector<double>& epochBefore, double temperature);

// Keeps the mean task losses of past epochs and gives DWA's weights for the next one: equal
// weights (1 each) until two epochs are recorded.
class DwaHistory {
public:
    DwaHistory(int taskCount, double temperature);

    void recordEpoch(const std::vector<double>& meanTaskLosses);
    std::vector<double> weights() const;
    int epochsRecorded() const { return epochs_; }

    // The history as numbers (epochs recorded, then both epochs' losses), for checkpoints;
    // restore() takes what state() gave and refuses anything else.
    std::vector<double> state() const;
    bool restore(const std::vector<double>& state);

private:
    int taskCount_;
    double temperature_;
    int epochs_ = 0;
    std::vector<double> previous_;
    std::vector<double> beforePrevious_;
};

}  // namespace actionlens::model
