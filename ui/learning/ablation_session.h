#pragma once

// AblationSession: the single-task vs multi-task ablation of the open project as a Job: for each
// seed and fold, one multi-task model and one single-task model per task, trained with the same
// config on the same clips (grouped by video) and tested on the fold's held-out clips. Reads the
// clips through its own read-only connection; recorded in the project as an ablation run when
// it starts and when it ends. Progress names the model in training; Cancel stops it.

#include "core/annotation/training_run.h"
#include "core/train/train_config.h"
#include "ui/jobs/job.h"
#include "core/train/ablation.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace actionlens::ui {

class ProjectDocument;

struct AblationSettings {
    train::TrainConfig config;
    QString split = QStringLiteral("train");
    int seeds = 3;
    int folds = 5;
};

class AblationSession : public QObject {
    Q_OBJECT
public:
    explicit AblationSession(ProjectDocument& document, QObject* parent = nullptr);
    ~AblationSession() override;  // cancels and waits

    QString start(const AblationSettings& settings);
    bool isRunning() const { return job_ && job_->isRunning(); }
    Job* job() const { return job_; }
    void cancel();
    const train::AblationReport& report() const { return report_; }
    QString runName() const { return QString::fromStdString(run_.name); }
    std::int64_t runId() const { return run_.id; }

Q_SIGNALS:
    // (models done, models in all, what trains now: "seed 2 fold 3: action").
    void progressed(int done, int total, const QString& what);
    void finished(const QString& message);  // empty when the table is there
    // Before the models train: what the user should know (tasks whose labels cannot be mirrored).
    void noted(const QString& notes);

private:
    void record();

    ProjectDocument& document_;
    QPointer<Job> job_;
    annotation::TrainingRun run_;
    train::AblationReport report_;
};

}  // namespace actionlens::ui
