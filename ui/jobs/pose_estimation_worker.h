#pragma once

// PoseEstimationWorker: BlazePose over a list of a project's videos, on its own thread (a
// QObject moved to a QThread). Requests arrive as queued calls; progress, each video's
// landmarks and each video's error go back as signals carrying plain structs. The worker never
// touches the project: the GUI holds its store (and its lock), so the GUI thread stores what
// the worker found (PoseEstimationRun), one transaction per finished video.

#include "core/pose/person_detector.h"
#include "core/pose/pose_model_files.h"
#include "core/pose/pose_video_job.h"
#include "ui/jobs/job.h"

#include <QMetaType>
#include <QObject>
#include <QString>

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace actionlens::ui {

// One video to estimate, as the project records it (checked against the file before the work).
struct PoseVideoRequest {
    std::int64_t videoId = 0;
    QString path;
    QString name;  // for messages
    std::int64_t frameCount = 0;  // 0: not recorded, not checked
    int width = 0, height = 0;    // 0: not recorded, not checked
};

struct PoseEstimationRequest {
    std::vector<PoseVideoRequest> videos;
    pose::LandmarkModel model = pose::LandmarkModel::Full;
    float minScore = 0.5f;
    QString layoutName;      // the skeleton layout the results are stored in (carried back)
    QString modelDirectory;  // empty: pose::poseModelDirectory()
    int threads = 0;         // CPU threads for the networks; 0: LibTorch's choice
    QString device = QStringLiteral("cpu");  // "cpu" or "cuda"
    int maxPeople = 1;  // people per frame: each tracked on its own, stored as a subject of its own
    pose::PersonDetector detector = pose::PersonDetector::BlazePose;  // who finds the people
    int tiles = 1;  // the detector reads the frame in tiles x tiles overlapping tiles
};

struct PoseEstimationProgress {
    int video = 0;       // 0-based index into the request's videos
    int videoCount = 0;
    std::int64_t videoId = 0;
    std::int64_t frame = 0;       // frames done in this video
    std::int64_t frameCount = 0;  // frames of this video
};

struct PoseVideoEstimate {
    std::int64_t videoId = 0;
    QString layoutName;
    QString modelName;  // "lite", "full", "heavy"
    // Shared: a long video's landmarks cross the thread boundary without a copy.
    std::shared_ptr<const pose::PoseVideoResult> result;
};

struct PoseVideoFailure {
    std::int64_t videoId = 0;  // 0: the whole request failed (models missing, ...)
    QString message;
};

class PoseEstimationWorker : public QObject {
    Q_OBJECT
public:
    explicit PoseEstimationWorker(QObject* parent = nullptr);

    // Runs as a Job's work (PoseEstimationRun), or on the calling thread. Emits progress per
    // frame, videoEstimated or videoFailed per video, then finished once. Cancelling `job`
    // cancels the estimate as cancel() does.
    void estimate(const PoseEstimationRequest& request, const JobContext* job = nullptr);
    // From any thread: the video in progress stops before its next frame and is reported as
    // cancelled (nothing of it is handed back); the videos after it are not started.
    void cancel() { cancelled_.store(true); }
    bool isCancelled() const { return cancelled_.load() || (job_ && job_->isCancelled()); }

Q_SIGNALS:
    void progress(const actionlens::ui::PoseEstimationProgress& progress);
    void videoEstimated(const actionlens::ui::PoseVideoEstimate& estimate);
    void videoFailed(const actionlens::ui::PoseVideoFailure& failure);
    // `cancelled`: cancel() stopped the work before every video was done.
    void finished(bool cancelled);

private:
    void estimateVideos(const PoseEstimationRequest& request);

    std::atomic<bool> cancelled_{false};
    const JobContext* job_ = nullptr;  // during estimate() only
};

}  // namespace actionlens::ui

Q_DECLARE_METATYPE(actionlens::ui::PoseEstimationRequest)
Q_DECLARE_METATYPE(actionlens::ui::PoseEstimationProgress)
Q_DECLARE_METATYPE(actionlens::ui::PoseVideoEstimate)
Q_DECLARE_METATYPE(actionlens::ui::PoseVideoFailure)
