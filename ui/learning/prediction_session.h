#pragma once

// PredictionSession: a trained run's model over one video of the project, as a Job (the model
// on the device asked for, the video's skeleton tracks read through a read-only connection of its
// own, sliding windows, smoothing and hysteresis: core/predict). The segments come back to the
// GUI thread and are stored as one undoable step (ModelSegmentsCommand), replacing that model's
// earlier predictions of the video.

#include "core/annotation/training_run.h"
#include "ui/jobs/job.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <cstdint>

namespace actionlens::ui {

class ProjectDocument;

class PredictionSession : public QObject {
    Q_OBJECT
public:
    explicit PredictionSession(ProjectDocument& document, QObject* parent = nullptr);
    ~PredictionSession() override;  // cancels and waits

    // Predicts video `videoId` with `run`'s model; an empty message when it started.
    QString start(const annotation::TrainingRun& run, std::int64_t videoId, const QString& device = QStringLiteral("auto"));
    bool isRunning() const { return job_ && job_->isRunning(); }
    Job* job() const { return job_; }
    void cancel();

Q_SIGNALS:
    // The segments stored (an empty message), or why not.
    void finished(int segments, const QString& message);

private:
    ProjectDocument& document_;
    QPointer<Job> job_;
};

}  // namespace actionlens::ui
