#pragma once

// PredictionSession: a trained run's model over videos of the project, as one Job (the model
// loaded once, on the device asked for; each video's skeleton tracks read through a read-only
// connection of its own, sliding windows, smoothing and hysteresis: core/predict). Each video's
// segments come back to the GUI thread as soon as it is done and are stored as one undoable step
// (ModelSegmentsCommand), replacing that model's earlier predictions of the video. A video that
// fails (no skeletons of the model's layout, an unreadable file) is reported and the others go on.

#include "core/annotation/training_run.h"
#include "ui/jobs/job.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <cstdint>
#include <vector>

namespace actionlens::ui {

class ProjectDocument;

class PredictionSession : public QObject {
    Q_OBJECT
public:
    explicit PredictionSession(ProjectDocument& document, QObject* parent = nullptr);
    ~PredictionSession() override;  // cancels and waits

    // Predicts videos `videoIds`, in that order, with `run`'s model; an empty message when it started.
    QString start(const annotation::TrainingRun& run, const std::vector<std::int64_t>& videoIds,
                  const QString& device = QStringLiteral("auto"));
    bool isRunning() const { return job_ && job_->isRunning(); }
    Job* job() const { return job_; }
    void cancel();

Q_SIGNALS:
    // One video's segments stored (an empty message), or why not; `index` counts from 0.
    void videoPredicted(std::int64_t videoId, int index, int segments, const QString& message);
    // The run is over: segments stored in all videos, and an empty message, or why it stopped
    // (the model could not be read, "Cancelled.", or the last video's error when every video failed).
    void finished(int segments, const QString& message);

private:
    ProjectDocument& document_;
    QPointer<Job> job_;
};

}  // namespace actionlens::ui
