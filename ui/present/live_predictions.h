#pragma once

// LivePredictions: what a training run's model says about each subject at each frame of one
// video, for the presentation view's confidence bars. When a video is chosen the model reads
// the whole video once in the background (a Job: the model on the GPU where there is one, the
// skeleton tracks through a read-only connection of its own, core/predict's sliding windows) and
// keeps every frame's class probabilities per task; the bars then follow the playhead at any
// speed with nothing left to compute. A video without skeletons has answers only from a model
// that reads the frames.

#include "core/annotation/training_run.h"
#include "ui/jobs/job.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace actionlens::ui {

class ProjectDocument;

struct TaskAnswer {
    std::string task;
    std::vector<std::string> classes;  // most likely first
    std::vector<float> probabilities;  // of `classes`
};

struct SubjectAnswer {
    std::int64_t subjectId = 0;  // 0: the whole frame (a video-only model without poses)
    std::vector<TaskAnswer> tasks;
};

class LivePredictions : public QObject {
    Q_OBJECT
public:
    explicit LivePredictions(ProjectDocument& document, QObject* parent = nullptr);
    ~LivePredictions() override;  // cancels and waits

    // Reads video `videoId` with `run`'s model; an empty message when it started. A request for
    // the video and run already read is ready at once.
    QString start(const annotation::TrainingRun& run, std::int64_t videoId, const QString& device = QStringLiteral("auto"));
    bool isRunning() const { return job_ && job_->isRunning(); }
    bool isReady() const { return ready_; }
    std::int64_t videoId() const { return videoId_; }
    std::int64_t runId() const { return runId_; }
    const std::string& device() const { return device_; }  // where the model ran ("cpu", "cuda:0")
    double secondsTaken() const { return seconds_; }      // the whole video, model loading included

    // Each subject the model covers at `frame`, with every task's `top` likeliest classes.
    std::vector<SubjectAnswer> answersAt(std::int64_t frame, int top = 3) const;

Q_SIGNALS:
    // The video is read (an empty message), or why not.
    void finished(const QString& message);

private:
    struct Track;
    ProjectDocument& document_;
    QPointer<Job> job_;
    std::vector<std::shared_ptr<const Track>> tracks_;
    std::int64_t videoId_ = 0;
    std::int64_t runId_ = 0;
    std::string device_;
    double seconds_ = 0.0;
    bool ready_ = false;
};

}  // namespace actionlens::ui
