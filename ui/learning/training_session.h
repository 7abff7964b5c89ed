#pragma once

// TrainingSession: one training run of the open project from the window, as a Job, while the
// user goes on annotating and playing. The job reads the labelled clips through a read-only
// connection of its own (a reader beside the document's writer: the window's store is never
// lent), chooses the training and validation clips as `actionlens-cli train` does, and trains
// through core/train's callbacks; the session records the run in the project (runs table) when
// the clips are read, after every epoch and at the end, and writes the model to
// <project folder>/models/<run name>.alm after every epoch. Pause holds the work between steps;
// Stop finishes the epoch in progress and keeps the checkpoint; Cancel stops at the next step
// (the checkpoint keeps the last finished epoch).

#include "core/annotation/training_run.h"
#include "core/train/train_config.h"
#include "core/train/trainer.h"
#include "ui/jobs/job.h"
#include "ui/learning/training_history.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>

namespace actionlens::ui {

class ProjectDocument;

struct TrainingSettings {
    train::TrainConfig config;
    QString split = QStringLiteral("train");  // a split of the project's videos, or "all"
    QString runName;                           // empty: the next "run N"
};

class TrainingSession : public QObject {
    Q_OBJECT
public:
    explicit TrainingSession(ProjectDocument& document, QObject* parent = nullptr);
    ~TrainingSession() override;  // cancels and waits

    // Starts a run; an empty message, or why not (no project, a run going, another job in the way).
    QString start(const TrainingSettings& settings);
    // Continues a stopped or cancelled run from its model file (its own config, the split it
    // trained on); the same record goes on, its earlier epochs kept.
    QString resume(const annotation::TrainingRun& run);
    bool isRunning() const { return job_ && job_->isRunning(); }
    Job* job() const { return job_; }

    void setPaused(bool paused);
    bool isPaused() const { return job_ && job_->isPaused(); }
    // Finishes the epoch in progress, keeps its checkpoint, then ends the run as "stopped".
    void stopAfterEpoch();
    bool isStopping() const { return stopRequested_->load(); }
    void cancel();

    std::int64_t runId() const { return run_.id; }
    const annotation::TrainingRun& run() const { return run_; }
    const TrainingHistory& history() const { return history_; }
    QString checkpointPath() const { return QString::fromStdString(run_.checkpointPath); }
    int epochs() const { return settings_.config.epochs; }

Q_SIGNALS:
    void stageChanged(const QString& stage);
    // Clips read and split, run recorded: the curves may start.
    void started(std::int64_t runId);
    // Steps count from 1 in each epoch; the whole run is epochs x stepsPerEpoch steps.
    void stepDone(int epoch, int step, int stepsPerEpoch);
    void epochDone(const actionlens::ui::EpochPoint& epoch);
    void finished(actionlens::annotation::RunStatus status, const QString& message);

private:
    struct Outcome;
    QString launch(const TrainingSettings& settings, const annotation::TrainingRun* resumed);
    void onStarted(const QStringList& tasks, int trainClips, int validationClips, const QString& warning);
    void onEpoch(const train::EpochReport& report);
    void onFinished(const std::shared_ptr<Outcome>& outcome);
    void record();
    std::vector<std::string> taskNames() const;  // the model's tasks, for the run's records

    ProjectDocument& document_;
    QPointer<Job> job_;
    TrainingSettings settings_;
    annotation::TrainingRun run_;
    TrainingHistory history_;
    bool resuming_ = false;
    std::shared_ptr<std::atomic<bool>> stopRequested_ = std::make_shared<std::atomic<bool>>(false);
};

}  // namespace actionlens::ui

Q_DECLARE_METATYPE(actionlens::ui::EpochPoint)
