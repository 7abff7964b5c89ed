#pragma once

// LabellingQueueSession: the labelling queue of the open project (core/predict/labelling_queue.h)
// under a training run's model, computed as a Job: the model loaded once on the device asked
// for, every video's tracks predicted through a read-only connection of its own, the unlabelled
// clips ranked by the model's uncertainty. The ranked queue comes back to the GUI thread; a new
// request while one runs replaces it (the latest wins).

#include "core/annotation/training_run.h"
#include "core/predict/labelling_queue.h"
#include "ui/jobs/job.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <vector>

namespace actionlens::ui {

class ProjectDocument;

class LabellingQueueSession : public QObject {
    Q_OBJECT
public:
    explicit LabellingQueueSession(ProjectDocument& document, QObject* parent = nullptr);
    ~LabellingQueueSession() override;  // cancels and waits

    // Ranks the project's unlabelled clips under `run`'s model; an empty message when it started.
    QString start(const annotation::TrainingRun& run, const predict::QueueOptions& options, const QString& device = QStringLiteral("auto"));
    bool isRunning() const { return job_ && job_->isRunning(); }
    Job* job() const { return job_; }
    void cancel();

    // The last queue computed, most useful clip first, and the run it came from.
    const std::vector<predict::QueueClip>& queue() const { return queue_; }
    std::int64_t runId() const { return runId_; }
    // Clips in the project before ranking (how many the queue was chosen from).
    int candidateCount() const { return candidates_; }

Q_SIGNALS:
    // The queue is ready (an empty message), or why not ("Cancelled." when replaced or cancelled).
    void finished(const QString& message);

private:
    ProjectDocument& document_;
    QPointer<Job> job_;
    std::vector<predict::QueueClip> queue_;
    std::int64_t runId_ = 0;
    int candidates_ = 0;
};

}  // namespace actionlens::ui
