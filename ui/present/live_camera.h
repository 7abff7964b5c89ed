#pragma once

// LiveCamera: the presentation view's camera. core/live's pipeline (camera -> poses -> the newest
// trained model's answers over each person's last frames) runs as a Job of the open project: a
// camera is a long-running stream, but it is long work like any other (cancel, owner, finished),
// so it uses the one job mechanism rather than a thread of its own. Frames reach the GUI thread
// coalesced: while one waits to be shown, a newer one replaces it (the pipeline itself drops
// camera frames it cannot keep up with), so a slow window never makes the stream lag. When the
// camera cannot be opened, ends, fails or is unplugged, stopped() says why; stop() ends it at
// once (a camera waiting for its next frame is interrupted).

#include "core/annotation/skeleton_layout.h"
#include "core/pose/person_detector.h"
#include "core/pose/pose_estimator.h"
#include "ui/jobs/job.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

namespace actionlens::live {
struct LiveFrame;
}

namespace actionlens::ui {

class ProjectDocument;

struct LiveCameraOptions {
    QString device;  // as a user types it: /dev/video0, lavfi:testsrc=..., lavfi:movie=FILE
    pose::LandmarkModel model = pose::LandmarkModel::Lite;  // the fastest: a camera does not wait
    pose::PersonDetector detector = pose::PersonDetector::BlazePose;
    int tiles = 1;
    int maxPeople = 1;
    QString poseDevice = QStringLiteral("auto");  // "cpu", "cuda", or the GPU where there is one
    bool withModel = true;  // the newest trained model's answers, where it reads skeletons
};

class LiveCamera : public QObject {
    Q_OBJECT
public:
    explicit LiveCamera(ProjectDocument& document, QObject* parent = nullptr);
    ~LiveCamera() override;  // stops and waits

    // Starts the camera (a running one is stopped first); an empty message when it started,
    // else why not (no project, a job in the way). Opening errors come as stopped().
    QString start(const LiveCameraOptions& options);
    void stop();
    bool isRunning() const { return job_ && job_->isRunning(); }

    // The newest frame processed (picture, people, answers, rates); null before the first.
    std::shared_ptr<const live::LiveFrame> latest() const { return latest_; }
    qint64 framesShown() const { return framesShown_; }  // frames handed to the view since start
    QString description() const { return description_; }  // the camera's, once opened
    QString modelName() const { return modelName_; }      // empty: poses only
    QString modelNote() const { return modelNote_; }      // why there are no answers, when there are none
    QString modelDevice() const { return modelDevice_; }  // where the model runs ("cpu", "cuda:0")
    const annotation::SkeletonLayout& layout() const { return layout_; }  // the skeletons' joints

Q_SIGNALS:
    void opened();         // the camera, the pose estimator and the model are ready
    void frameArrived();   // latest() is newer
    void stopped(const QString& message);  // the camera stopped, or could not start; empty after stop()

private:
    struct Shared;
    ProjectDocument& document_;
    QPointer<Job> job_;
    std::shared_ptr<Shared> shared_;
    std::shared_ptr<const live::LiveFrame> latest_;
    qint64 framesShown_ = 0;
    QString description_;
    QString modelName_;
    QString modelNote_;
    QString modelDevice_;
    annotation::SkeletonLayout layout_;
};

}  // namespace actionlens::ui
