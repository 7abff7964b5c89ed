#pragma once

// EvaluationSession: evaluates a trained run's model on a split of the project, as a Job: the
// clips are read through a read-only connection of its own (beside the window's writer), the
// model runs where asked (CPU or CUDA), and the result (per-task metrics, per-clip scores, the
// segments evaluated) comes back to the GUI thread, where it is recorded in the project as an
// evaluation run whose parent is the trained run.

#include "core/annotation/training_run.h"
#include "ui/jobs/job.h"
#include "ui/learning/evaluation_result.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <cstdint>
#include <memory>

namespace actionlens::ui {

class ProjectDocument;

class EvaluationSession : public QObject {
    Q_OBJECT
public:
    explicit EvaluationSession(ProjectDocument& document, QObject* parent = nullptr);
    ~EvaluationSession() override;  // cancels and waits

    // Evaluates `run` (a training run with a model file) on `split` ("all": every clip) on
    // `device` ("auto", "cpu", "cuda"); an empty message when it started, else why not.
    QString start(const annotation::TrainingRun& run, const QString& split, const QString& device = QStringLiteral("auto"));
    bool isRunning() const { return job_ && job_->isRunning(); }
    Job* job() const { return job_; }
    void cancel();
    const EvaluationResult& result() const { return result_; }
    std::int64_t recordedRunId() const { return recordedRunId_; }

Q_SIGNALS:
    // An empty message when the result is there (and recorded), else why not.
    void finished(const QString& message);

private:
    ProjectDocument& document_;
    QPointer<Job> job_;
    EvaluationResult result_;
    std::int64_t recordedRunId_ = 0;
};

}  // namespace actionlens::ui
