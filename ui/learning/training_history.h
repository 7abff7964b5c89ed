#pragma once

// TrainingHistory: the per-epoch curves of one training run, as the dashboard plots them: the
// training loss (total and per task), the validation loss, each task's validation accuracy, task
// weight and the learning rate, epoch by epoch, plus the steps of the epoch in progress. Filled
// live from the learning engine's epoch reports, or read from a run's stored history (the
// engine's JSON: one object per epoch, see core/train's epochReportToJson) with Qt's JSON.

#include "core/common/result.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace actionlens::ui {

struct EpochPoint {
    int epoch = 0;  // 1-based
    double learningRate = 0.0;
    double trainLoss = 0.0;
    double validationLoss = 0.0;  // 0 without validation clips
    std::vector<double> taskTrainLoss;           // per task
    std::vector<double> taskWeight;              // per task
    std::vector<double> taskValidationAccuracy;  // per task; NaN where nothing was validated
    bool best = false;
    double seconds = 0.0;
    double clipsPerSecond = 0.0;
};

class TrainingHistory {
public:
    TrainingHistory() = default;
    explicit TrainingHistory(QStringList tasks) : tasks_(std::move(tasks)) {}

    // A stored run's history: a JSON array of epoch objects. The tasks are those of the first
    // epoch, in the file's order. An error names what is wrong ("epoch 3: no 'train_loss'").
    static Result<TrainingHistory> fromJson(const QByteArray& json);

    const QStringList& tasks() const { return tasks_; }
    const std::vector<EpochPoint>& epochs() const { return epochs_; }
    // The epoch whose weights were kept (the last one marked best), or 0.
    int bestEpoch() const;

    void addEpoch(EpochPoint point);  // replaces an epoch of the same number (a resumed run)
    // The epoch in progress: its step losses, 1-based steps.
    void addStep(int epoch, int step, int stepsPerEpoch, double loss);
    const std::vector<double>& stepLosses() const { return stepLosses_; }
    int stepEpoch() const { return stepEpoch_; }
    int stepsPerEpoch() const { return stepsPerEpoch_; }

private:
    QStringList tasks_;
    std::vector<EpochPoint> epochs_;
    std::vector<double> stepLosses_;
    int stepEpoch_ = 0;
    int stepsPerEpoch_ = 0;
};

// Exponential moving average (the dashboard's smoothing slider): weight 0 keeps the values, 0.99
// follows them slowly; NaN values stay NaN and do not reset the average.
std::vector<double> smoothed(const std::vector<double>& values, double weight);

}  // namespace actionlens::ui
