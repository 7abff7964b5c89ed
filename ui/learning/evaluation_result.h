#pragma once

// EvaluationResult: what the Evaluation dock shows of a model evaluated on a split: per task the
// metrics (accuracy, top-k, macro precision / recall / F1, ROC-AUC, per-class values, the
// confusion matrix), the hierarchy's inconsistency rate, and, for an evaluation run in this
// session, each clip's label and scores (for the ROC curves) and which segment it is (to jump
// to it from a confusion cell). A stored evaluation (a run's metrics JSON, read with Qt's JSON)
// has everything but the per-clip part.

#include "core/common/result.h"
#include "core/train/classification_metrics.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace actionlens::ui {

struct EvaluatedClip {
    std::int64_t segmentId = 0;
    std::int64_t videoId = 0;
    std::int64_t firstFrame = 0;
    QString videoName;
};

struct TaskResult {
    QString task;
    QStringList classNames;
    train::TaskMetrics metrics;
    std::vector<int> labels;           // per clip; -1 not labelled (empty for a stored evaluation)
    std::vector<float> probabilities;  // per clip, classNames.size() each
    // The clips whose truth is `truth` and prediction `predicted` (a confusion cell).
    std::vector<int> clipsIn(int truth, int predicted) const;
    int predictionOf(int clip) const;  // arg-max, ties to the lowest class
};

struct EvaluationResult {
    QString title;   // "run 3 on test"
    QString split;
    int clips = 0;
    std::vector<TaskResult> tasks;
    std::vector<EvaluatedClip> clipRefs;  // per clip (empty for a stored evaluation)
    std::optional<double> inconsistentRate;

    bool hasClips() const { return !clipRefs.empty(); }
    // A stored evaluation: core/train's evaluationToJson as the run's metrics.
    static Result<EvaluationResult> fromJson(const QByteArray& metricsJson);
};

}  // namespace actionlens::ui
