#include "core/model/loss_weighting.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <string>

namespace actionlens::model {

Status validateWeightingConfig(const WeightingConfig& config, int taskCount) {
    if (config.strategy == WeightingStrategy::Fixed) {
        if (int(config.fixedWeights.size()) != taskCount)
            return makeError("fixed loss weighting has " + std::to_string(config.fixedWeights.size()) +
                             " weights for " + std::to_string(taskCount) + " tasks");
        for (size_t t = 0; t < config.fixedWeights.size(); ++t)
            if (!(config.fixedWeights[t] >= 0.0) || !std::isfinite(config.fixedWeights[t]))
                return makeError("fixed loss weight " + std::to_string(t) + " is " +
                                 std::to_string(config.fixedWeights[t]) + ", expected a finite value >= 0");
    }
    if (config.strategy == WeightingStrategy::DynamicWeightAverage && !(config.dwaTemperature > 0.0))
        return makeError("DWA temperature is " + std::to_string(config.dwaTemperature) + ", expected > 0");
    if (config.strategy == WeightingStrategy::GradNorm &&
        !(config.gradNormAlpha >= 0.0 && std::isfinite(config.gradNormAlpha)))
        return makeError("GradNorm alpha is " + std::to_string(config.gradNormAlpha) + ", expected a finite value >= 0");
    return Status::success();
}

std::vector<double> dynamicWeightAverage(const std::vector<double>& previousEpoch,
                                         const std::vector<double>& epochBefore, double temperature) {
    assert(previousEpoch.size() == epochBefore.size());
    const size_t k = previousEpoch.size();
    std::vector<double> logits(k);
    for (size_t t = 0; t < k; ++t) {
        // A task with no loss two epochs ago (no labels yet) has no trend: ratio 1.
        const double ratio = epochBefore[t] > 0.0 ? previousEpoch[t] / epochBefore[t] : 1.0;
        logits[t] = ratio / temperature;
    }
    // Subtracting the largest exponent keeps exp() finite for tiny temperatures; it cancels out.
    const double top = k ? *std::max_element(logits.begin(), logits.end()) : 0.0;
    double sum = 0.0;
    for (double& l : logits) sum += (l = std::exp(l - top));
    for (double& l : logits) l = double(k) * l / sum;
    return logits;
}

DwaHistory::DwaHistory(int taskCount, double temperature)
    : taskCount_(taskCount), temperature_(temperature) {}

void DwaHistory::recordEpoch(const std::vector<double>& meanTaskLosses) {
    assert(int(meanTaskLosses.size()) == taskCount_);
    beforePrevious_ = std::move(previous_);
    previous_ = meanTaskLosses;
    ++epochs_;
}

std::vector<double> DwaHistory::state() const {
    std::vector<double> out{double(epochs_)};
    for (const std::vector<double>* epoch : {&previous_, &beforePrevious_})
        for (size_t t = 0; t < size_t(taskCount_); ++t) out.push_back(t < epoch->size() ? (*epoch)[t] : 0.0);
    return out;
}

bool DwaHistory::restore(const std::vector<double>& state) {
    if (state.size() != 1 + 2 * size_t(taskCount_) || state[0] < 0) return false;
    epochs_ = int(state[0]);
    const auto first = state.begin() + 1;
    previous_.assign(first, first + taskCount_);
    beforePrevious_.assign(first + taskCount_, first + 2 * taskCount_);
    if (epochs_ < 1) previous_.clear();
    if (epochs_ < 2) beforePrevious_.clear();
    return true;
}

std::vector<double> DwaHistory::weights() const {
    if (epochs_ < 2) return std::vector<double>(size_t(taskCount_), 1.0);
    return dynamicWeightAverage(previous_, beforePrevious_, temperature_);
}

}  // namespace actionlens::model
