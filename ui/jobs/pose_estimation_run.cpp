#include "ui/jobs/pose_estimation_run.h"

#include "core/pose/pose_skeleton_frames.h"
#include "ui/commands/store_pose_estimate_command.h"
#include "ui/document/project_document.h"

#include <QFileInfo>

#include <algorithm>
#include <memory>

namespace actionlens::ui {

PoseEstimationRun::PoseEstimationRun(ProjectDocument& document, QObject* parent) : QObject(parent), document_(document) {
    qRegisterMetaType<PoseVideoOutcome>();
    // Results for a project that is no longer open have nowhere to go.
    connect(&document_, &ProjectDocument::closed, this, &PoseEstimationRun::cancel);
}

PoseEstimationRun::~PoseEstimationRun() { stopJob(); }

std::vector<PoseVideoRequest> PoseEstimationRun::videoRequests(const ProjectDocument& document, const std::vector<std::int64_t>& videoIds) {
    std::vector<PoseVideoRequest> requests;
    for (std::int64_t id : videoIds) {
        const annotation::Video* video = document.video(id);
        if (!video) continue;
        PoseVideoRequest request;
        request.videoId = id;
        request.path = QString::fromStdString(video->path);
        request.name = video->name.empty() ? QFileInfo(request.path).fileName() : QString::fromStdString(video->name);
        request.frameCount = video->frameCount;
        request.width = video->width;
        request.height = video->height;
        requests.push_back(request);
    }
    return requests;
}

QString PoseEstimationRun::defaultLayoutName(ProjectDocument& document, const std::vector<std::int64_t>& videoIds) {
    const QString fallback = QStringLiteral("COCO-17");
    if (!document.isOpen()) return fallback;
    for (std::int64_t id : videoIds) {
        auto presence = document.store().skeletonPresence(id);
        if (!presence.ok() || presence->empty()) continue;
        const std::int64_t frame = presence->front().frame;
        auto skeletons = document.store().skeletonFrames(id, frame, frame, presence->front().subjectId);
        if (!skeletons.ok() || skeletons->empty()) continue;
        if (const annotation::SkeletonLayout* layout = document.layoutById(skeletons->front().layoutId)) {
            return QString::fromStdString(layout->name);
        }
    }
    return fallback;
}

bool PoseEstimationRun::start(const PoseEstimationRequest& request) {
    if (running_) return false;
    outcomes_.clear();
    auto refuse = [this](const QString& message) {
        outcomes_.push_back({0, PoseVideoOutcome::State::Failed, message, {}, 0, 0, 0});
        return false;
    };
    if (!document_.isOpen()) return refuse(tr("no project is open"));
    if (!document_.store().skeletonLayout(request.layoutName.toStdString())) {
        return refuse(tr("the project has no skeleton layout '%1'").arg(request.layoutName));
    }
    if (request.videos.empty()) return refuse(tr("no videos chosen"));
    projectPath_ = document_.path();
    pending_.clear();
    for (const PoseVideoRequest& video : request.videos) pending_.push_back(video.videoId);

    // The worker emits from the job's thread: its signals reach this object queued, in order.
    auto* worker = new PoseEstimationWorker(this);
    connect(worker, &PoseEstimationWorker::progress, this, &PoseEstimationRun::progress);
    connect(worker, &PoseEstimationWorker::videoEstimated, this, &PoseEstimationRun::store);
    connect(worker, &PoseEstimationWorker::videoFailed, this, &PoseEstimationRun::fail);
    connect(worker, &PoseEstimationWorker::finished, this, &PoseEstimationRun::finish);
    auto* job = new Job(tr("Estimating poses"), [worker, request](JobContext& context) { worker->estimate(request, &context); }, this);
    running_ = true;  // before the start: a queued report may only arrive later, but never to a run that says it is idle
    if (const QString busy = document_.jobs().start(job, StoreUse::Writes); !busy.isEmpty()) {
        running_ = false;
        delete job;
        delete worker;
        return refuse(busy);
    }
    job_ = job;
    worker_ = worker;
    return true;
}

void PoseEstimationRun::cancel() {
    if (worker_) worker_->cancel();
    if (job_) job_->cancel();
}

void PoseEstimationRun::store(const PoseVideoEstimate& estimate) {
    if (!running_) return;
    if (!document_.isOpen() || document_.path() != projectPath_) {
        fail({estimate.videoId, tr("the project was closed before the poses of video %1 were stored").arg(estimate.videoId)});
        return;
    }
    // The command keeps a copy: the store reloads its own layout list on writes.
    const annotation::SkeletonLayout* layout = document_.store().skeletonLayout(estimate.layoutName.toStdString());
    if (!layout) {
        fail({estimate.videoId, tr("the project has no skeleton layout '%1'").arg(estimate.layoutName)});
        return;
    }
    const std::string subjectName = pose::poseSubjectName(estimate.videoId, estimate.modelName.toStdString());
    auto command = std::make_unique<StorePoseEstimateCommand>(document_, estimate.videoId, *layout, subjectName,
                                                              tr("Estimate poses (video %1, BlazePose %2)").arg(estimate.videoId).arg(estimate.modelName));
    if (Status stored = command->apply(estimate.result->frames); !stored.ok()) {
        fail({estimate.videoId, QString::fromStdString(stored.error())});
        return;
    }
    pending_.erase(std::remove(pending_.begin(), pending_.end(), estimate.videoId), pending_.end());
    PoseVideoOutcome outcome{estimate.videoId, PoseVideoOutcome::State::Stored, {}, command->subjectIds(), command->framesStored(),
                             estimate.result->framesWithPose(), static_cast<int>(estimate.result->frames.size())};
    outcomes_.push_back(outcome);
    document_.undoStack().push(command.release());  // already applied (and the document reloaded)
    Q_EMIT videoDone(outcome);
}

void PoseEstimationRun::fail(const PoseVideoFailure& failure) {
    if (!running_) return;
    pending_.erase(std::remove(pending_.begin(), pending_.end(), failure.videoId), pending_.end());
    PoseVideoOutcome outcome{failure.videoId, PoseVideoOutcome::State::Failed, failure.message, {}, 0, 0, 0};
    outcomes_.push_back(outcome);
    Q_EMIT videoDone(outcome);
}

void PoseEstimationRun::finish(bool cancelled) {
    if (!running_) return;
    const bool runFailed = std::any_of(outcomes_.begin(), outcomes_.end(), [](const PoseVideoOutcome& o) { return o.videoId == 0; });
    for (std::int64_t id : pending_) {
        PoseVideoOutcome outcome{id, PoseVideoOutcome::State::Cancelled, {}, {}, 0, 0, 0};
        if (!cancelled) {
            outcome.state = PoseVideoOutcome::State::Failed;
            outcome.message = runFailed ? tr("not estimated") : tr("no result from the worker");
        }
        outcomes_.push_back(outcome);
        Q_EMIT videoDone(outcome);
    }
    pending_.clear();
    stopJob();
    Q_EMIT finished(cancelled);
}

void PoseEstimationRun::stopJob() {
    if (worker_) worker_->cancel();
    delete job_;  // cancels and waits for the work to return
    delete worker_;
    worker_ = nullptr;
    running_ = false;
}

}  // namespace actionlens::ui
