#pragma once

// INTERNAL (includes LibTorch): for core/model's .cpp files, core/train and tests only.
//
// The training objective of a multi-task network: masked per-task losses combined by the
// configured weighting strategy, plus the hierarchy's consistency and graph-regularisation
// terms. A module because uncertainty weighting learns parameters (the log-variances), which
// the optimiser must update alongside the network's.

#include "core/model/internal/grad_norm.h"
#include "core/model/internal/multi_task_network.h"
#include "core/model/loss_weighting.h"
#include "core/model/objective_config.h"

#include <optional>
#include <vector>

namespace actionlens::model::internal {

struct ObjectiveTerms {
    torch::Tensor total;                   // scalar to minimise
    std::vector<torch::Tensor> taskLosses; // per task, unweighted (0 for a task without labels)
    std::vector<bool> labelled;            // per task: did the batch hold any label for it
    torch::Tensor consistency;             // unweighted; 0 without a hierarchy
    torch::Tensor graphPenalty;            // unweighted; 0 without a hierarchy
};

class MultiTaskObjectiveImpl : public torch::nn::Module {
public:
    // Both configs must have passed validation (validateModelConfig, validateObjectiveConfig).
    MultiTaskObjectiveImpl(const ModelConfig& model, const ObjectiveConfig& objective);

    // labels: per task, (N) int64 with kMissingLabel for missing labels. labelled, when given,
    // says per task whether any label is there (the trainer knows it from the host's labels);
    // otherwise it is read back from `labels`, a device synchronisation per task on a GPU.
    ObjectiveTerms forward(const NetworkOutput& output, const std::vector<torch::Tensor>& labels,
                           MultiTaskNetworkImpl& network, const std::vector<bool>* labelled = nullptr);

    // Replaces terms.total.backward(): GradNorm also needs its balance loss's gradient for the
    // task weights; the other strategies back-propagate the total.
    void backward(const ObjectiveTerms& terms, MultiTaskNetworkImpl& network);
    // Call after each optimiser step (GradNorm renormalises its weights; others do nothing).
    void afterOptimiserStep();

    // DWA: the epoch's mean unweighted loss per task; ignored by the other strategies.
    void recordEpoch(const std::vector<double>& meanTaskLosses);
    // The factor each task's loss is multiplied by in the next step (exp(-s_t) for uncertainty).
    std::vector<double> taskWeights() const;
    // Uncertainty weighting's s_t (log-variances); empty for the other strategies.
    std::vector<double> logVariances() const;

    // State that is not a parameter (DWA's loss history, GradNorm's initial losses), as numbers
    // for checkpoints, so a resumed run weights its tasks as the uninterrupted one would.
    std::vector<double> extraState() const;
    // Takes what extraState() of an objective of the same configuration gave; false otherwise.
    bool restoreExtraState(const std::vector<double>& state);

private:
    ObjectiveConfig config_;
    int taskCount_;
    int actionTask_ = -1;
    int groupTask_ = -1;
    torch::Tensor logVariances_;  // parameter (tasks), Uncertainty only
    GradNorm gradNorm_{nullptr};  // GradNorm only
    DwaHistory dwa_;
};
TORCH_MODULE(MultiTaskObjective);

}  // namespace actionlens::model::internal
