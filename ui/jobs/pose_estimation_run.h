#pragma once

// PoseEstimationRun: one "Estimate poses" job of the open project. It runs a
// PoseEstimationWorker's estimate() as a Job (StoreUse::Writes) and stores each video's landmarks on the GUI
// thread, through the document's own store (which holds the project's lock: a second
// connection could not open it), as skeleton frames of source "model" under a new subject, in
// one transaction per video, as an undoable command (StorePoseEstimateCommand). A video is reported done only after that transaction committed,
// so what the GUI shows as done is on disk; a cancelled or failed video writes nothing.

#include "ui/jobs/job.h"
#include "ui/jobs/pose_estimation_worker.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <cstdint>
#include <vector>

namespace actionlens::ui {

class ProjectDocument;

struct PoseVideoOutcome {
    std::int64_t videoId = 0;  // 0: the whole run failed (models missing, ...)
    enum class State { Stored, Failed, Cancelled } state = State::Failed;
    QString message;            // the error when failed
    std::vector<std::int64_t> subjectIds;  // when stored: one per person found
    int framesStored = 0;                   // skeleton frames stored, every person
    int framesWithPose = 0;                 // frames with at least one person
    int framesTotal = 0;
};

class PoseEstimationRun : public QObject {
    Q_OBJECT
public:
    explicit PoseEstimationRun(ProjectDocument& document, QObject* parent = nullptr);
    ~PoseEstimationRun() override;  // cancels and waits for the worker thread

    // The videos to estimate, as the document records them (ids it does not know are skipped).
    static std::vector<PoseVideoRequest> videoRequests(const ProjectDocument& document, const std::vector<std::int64_t>& videoIds);
    // The layout the project already uses for these videos' skeletons, else COCO-17.
    static QString defaultLayoutName(ProjectDocument& document, const std::vector<std::int64_t>& videoIds);

    // Starts the job; false (with a message in outcomes()) when a run is already going, no
    // project is open, the layout is not one of the project's, or another job holds the store.
    bool start(const PoseEstimationRequest& request);
    void cancel();
    bool isRunning() const { return running_; }
    const std::vector<PoseVideoOutcome>& outcomes() const { return outcomes_; }

Q_SIGNALS:
    void progress(const actionlens::ui::PoseEstimationProgress& progress);
    void videoDone(const actionlens::ui::PoseVideoOutcome& outcome);  // stored, failed or cancelled
    void finished(bool cancelled);

private:
    void store(const PoseVideoEstimate& estimate);
    void fail(const PoseVideoFailure& failure);
    void finish(bool cancelled);
    void stopJob();

    ProjectDocument& document_;
    QPointer<Job> job_;
    PoseEstimationWorker* worker_ = nullptr;  // the job's work; lives as long as the job
    QString projectPath_;  // the results belong to this project only
    std::vector<std::int64_t> pending_;  // videos not yet reported
    std::vector<PoseVideoOutcome> outcomes_;
    bool running_ = false;
};

}  // namespace actionlens::ui

Q_DECLARE_METATYPE(actionlens::ui::PoseVideoOutcome)
