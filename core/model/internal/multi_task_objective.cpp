#include "core/model/internal/multi_task_objective.h"

#include "core/model/internal/multi_task_losses.h"

namespace actionlens::model::internal {

namespace {

int indexOfTask(const ModelConfig& model, const std::string& name) {
    for (size_t t = 0; t < model.tasks.size(); ++t)
        if (model.tasks[t].name == name) return int(t);
    return -1;
}

}  // namespace

MultiTaskObjectiveImpl::MultiTaskObjectiveImpl(const ModelConfig& model, const ObjectiveConfig& objective)
    : config_(objective),
      taskCount_(int(model.tasks.size())),
      dwa_(int(model.tasks.size()), objective.weighting.dwaTemperature) {
    if (config_.hierarchy) {
        actionTask_ = indexOfTask(model, config_.hierarchy->actionTask);
        groupTask_ = indexOfTask(model, config_.hierarchy->groupTask);
    }
    if (config_.weighting.strategy == WeightingStrategy::Uncertainty)
        logVariances_ = register_parameter("log_variances", torch::zeros({taskCount_}));
    if (config_.weighting.strategy == WeightingStrategy::GradNorm)
        gradNorm_ = register_module("grad_norm", GradNorm(taskCount_, config_.weighting.gradNormAlpha));
}

ObjectiveTerms MultiTaskObjectiveImpl::forward(const NetworkOutput& output, const std::vector<torch::Tensor>& labels,
                                               MultiTaskNetworkImpl& network, const std::vector<bool>* labelledTasks) {
    ObjectiveTerms terms;
    const torch::Tensor zero = torch::zeros({}, output.logits.front().options());
    torch::Tensor total = zero;
    const bool uncertainty = config_.weighting.strategy == WeightingStrategy::Uncertainty;
    const bool gradNorm = config_.weighting.strategy == WeightingStrategy::GradNorm;
    const std::vector<double> weights = uncertainty || gradNorm ? std::vector<double>() : taskWeights();
    for (int t = 0; t < taskCount_; ++t) {
        const torch::Tensor& taskLabels = labels[size_t(t)];
        const bool labelled = labelledTasks ? (*labelledTasks)[size_t(t)] : taskLabels.ne(kMissingLabel).any().item<bool>();
        terms.labelled.push_back(labelled);
        terms.taskLosses.push_back(maskedCrossEntropy(output.logits[size_t(t)], taskLabels));
        if (!labelled) continue;
        if (uncertainty) {
            // Only tasks present in the batch: for an absent task, exp(-s) * 0 + s would still
            // pull s_t down each step and inflate that task's weight for later batches.
            const torch::Tensor s = logVariances_[t];
            total = total + torch::exp(-s) * terms.taskLosses.back() + s;
        } else if (gradNorm) {
            // Detached: GradNorm's weights learn from its balance loss alone (see backward()).
            total = total + gradNorm_->weights[t].detach() * terms.taskLosses.back();
        } else {
            total = total + weights[size_t(t)] * terms.taskLosses.back();
        }
    }

    terms.consistency = zero;
    terms.graphPenalty = zero;
    if (config_.hierarchy) {
        const std::vector<int>& groupOf = config_.hierarchy->groupOfAction;
        terms.consistency = hierarchyConsistencyLoss(output.logits[size_t(actionTask_)],
                                                     output.logits[size_t(groupTask_)], groupOf);
        terms.graphPenalty = graphRegularisation(network.head(actionTask_)->classifier->weight,
                                                 network.head(groupTask_)->classifier->weight, groupOf);
        if (config_.consistencyWeight > 0.0) total = total + config_.consistencyWeight * terms.consistency;
        if (config_.graphRegularisationWeight > 0.0)
            total = total + config_.graphRegularisationWeight * terms.graphPenalty;
    }
    terms.total = total;
    return terms;
}

void MultiTaskObjectiveImpl::backward(const ObjectiveTerms& terms, MultiTaskNetworkImpl& network) {
    if (!gradNorm_.is_empty())
        gradNorm_->backward(terms.total, terms.taskLosses, terms.labelled, network.lastSharedWeight());
    else
        terms.total.backward();
}

void MultiTaskObjectiveImpl::afterOptimiserStep() {
    if (!gradNorm_.is_empty()) gradNorm_->renormalise();
}

void MultiTaskObjectiveImpl::recordEpoch(const std::vector<double>& meanTaskLosses) {
    if (config_.weighting.strategy == WeightingStrategy::DynamicWeightAverage) dwa_.recordEpoch(meanTaskLosses);
}

std::vector<double> MultiTaskObjectiveImpl::taskWeights() const {
    switch (config_.weighting.strategy) {
    case WeightingStrategy::Equal:
        return std::vector<double>(size_t(taskCount_), 1.0);
    case WeightingStrategy::Fixed:
        return config_.weighting.fixedWeights;
    case WeightingStrategy::DynamicWeightAverage:
        return dwa_.weights();
    case WeightingStrategy::GradNorm: {
        const torch::Tensor w = gradNorm_->weights.detach().to(torch::kCPU, torch::kFloat64).contiguous();
        return std::vector<double>(w.data_ptr<double>(), w.data_ptr<double>() + w.numel());
    }
    case WeightingStrategy::Uncertainty: {
        std::vector<double> w;
        for (double s : logVariances()) w.push_back(std::exp(-s));
        return w;
    }
    }
    return {};
}

std::vector<double> MultiTaskObjectiveImpl::logVariances() const {
    if (!logVariances_.defined()) return {};
    const torch::Tensor s = logVariances_.detach().to(torch::kCPU, torch::kFloat64).contiguous();
    return std::vector<double>(s.data_ptr<double>(), s.data_ptr<double>() + s.numel());
}

std::vector<double> MultiTaskObjectiveImpl::extraState() const {
    std::vector<double> out = dwa_.state();
    if (!gradNorm_.is_empty()) {
        const std::vector<double>& initial = gradNorm_->initialLosses();
        out.insert(out.end(), initial.begin(), initial.end());
    }
    return out;
}

bool MultiTaskObjectiveImpl::restoreExtraState(const std::vector<double>& state) {
    const size_t dwaSize = 1 + 2 * size_t(taskCount_);
    const size_t expected = dwaSize + (gradNorm_.is_empty() ? 0 : size_t(taskCount_));
    if (state.size() != expected) return false;
    if (!dwa_.restore(std::vector<double>(state.begin(), state.begin() + long(dwaSize)))) return false;
    if (!gradNorm_.is_empty()) gradNorm_->setInitialLosses(std::vector<double>(state.begin() + long(dwaSize), state.end()));
    return true;
}

}  // namespace actionlens::model::internal
