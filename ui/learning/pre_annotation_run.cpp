#include "ui/learning/pre_annotation_run.h"

#include "core/train/checkpoint.h"
#include "ui/document/project_document.h"
#include "ui/jobs/pose_estimation_run.h"
#include "ui/learning/prediction_session.h"

#include <QFileInfo>

#include <algorithm>
#include <set>

namespace actionlens::ui {

PreAnnotationRun::PreAnnotationRun(ProjectDocument& document, QObject* parent)
    : QObject(parent), document_(document), poses_(new PoseEstimationRun(document, this)), prediction_(new PredictionSession(document, this)) {
    connect(poses_, &PoseEstimationRun::progress, this, [this](const PoseEstimationProgress& p) {
        const double within = p.frameCount > 0 ? double(p.frame) / double(p.frameCount) : 0.0;
        const int stages = poseVideos_ + int(request_.videoIds.size());
        Q_EMIT progressChanged(int(1000.0 * (p.video + within) / std::max(1, stages)));
    });
    connect(poses_, &PoseEstimationRun::videoDone, this, [this](const PoseVideoOutcome& outcome) {
        const QString name = videoName(outcome.videoId);
        switch (outcome.state) {
        case PoseVideoOutcome::State::Stored:
            Q_EMIT reported(outcome.framesStored > 0
                                ? tr("%1: poses of %n person(s) in %2 of %3 frames", nullptr, int(outcome.subjectIds.size()))
                                      .arg(name)
                                      .arg(outcome.framesWithPose)
                                      .arg(outcome.framesTotal)
                                : tr("%1: no person found, so nothing to predict from").arg(name));
            break;
        case PoseVideoOutcome::State::Failed: Q_EMIT reported(tr("%1: poses not estimated: %2").arg(name, outcome.message)); break;
        case PoseVideoOutcome::State::Cancelled: break;
        }
    });
    connect(poses_, &PoseEstimationRun::finished, this, [this](bool cancelled) {
        if (!running_) return;
        if (cancelled || cancelled_) {
            end(true, tr("Cancelled while estimating poses; the poses stored so far stay."));
            return;
        }
        if (const QString refused = startPrediction(); !refused.isEmpty()) end(false, tr("Nothing predicted: %1").arg(refused));
    });
    connect(prediction_, &PredictionSession::videoPredicted, this, [this](std::int64_t videoId, int, int segments, const QString& message) {
        if (message.isEmpty()) {
            ++videosPredicted_;
            proposals_ += segments;
            Q_EMIT reported(tr("%1: %n proposal(s)", nullptr, segments).arg(videoName(videoId)));
        } else {
            Q_EMIT reported(tr("%1: not predicted: %2").arg(videoName(videoId), message));
        }
    });
    connect(prediction_, &PredictionSession::finished, this, [this](int, const QString& message) {
        if (!running_) return;
        const bool cancelled = cancelled_ || message == tr("Cancelled.");
        QString summary = tr("%n proposal(s) in ", nullptr, proposals_) + tr("%n video(s)", nullptr, videosPredicted_);
        if (cancelled)
            summary = tr("Cancelled; %1 stored so far stay.").arg(summary);
        else if (videosPredicted_ == 0)
            summary = tr("Nothing predicted: %1").arg(message);
        else
            summary += tr(" — review them in the lane under each subject (Edit > Predictions).");
        end(cancelled, summary);
    });
}

PreAnnotationRun::~PreAnnotationRun() {
    running_ = false;  // the parts' last reports find nobody waiting
}

QString PreAnnotationRun::videoName(std::int64_t videoId) const {
    const annotation::Video* video = document_.video(videoId);
    if (!video) return tr("video %1").arg(videoId);
    return video->name.empty() ? QFileInfo(QString::fromStdString(video->path)).fileName() : QString::fromStdString(video->name);
}

std::vector<std::int64_t> PreAnnotationRun::videosWithoutSkeletons(const std::vector<std::int64_t>& videoIds) const {
    std::set<std::int64_t> withSkeletons;
    if (document_.isOpen())
        if (auto progress = document_.store().videoProgress())
            for (const annotation::VideoProgress& p : *progress)
                if (p.framesWithSkeletons > 0) withSkeletons.insert(p.videoId);
    std::vector<std::int64_t> out;
    for (std::int64_t id : videoIds) {
        const annotation::Video* video = document_.video(id);
        if (video && !video->path.empty() && !withSkeletons.count(id)) out.push_back(id);
    }
    return out;
}

QString PreAnnotationRun::start(const PreAnnotationRequest& request) {
    if (running_) return tr("Pre-annotation is running already.");
    if (!document_.isOpen()) return tr("Open a project first.");
    if (request.videoIds.empty()) return tr("Tick the videos to pre-annotate.");
    if (request.run.kind != annotation::RunKind::Training || request.run.checkpointPath.empty())
        return tr("Choose a training run with a model file.");
    auto info = train::readCheckpointInfo(request.run.checkpointPath);
    if (!info) return tr("The run's model cannot be read: %1").arg(QString::fromStdString(info.error()));
    request_ = request;
    proposals_ = 0;
    videosPredicted_ = 0;
    cancelled_ = false;
    // Poses only matter to a model that reads them.
    const bool readsSkeletons = info->snapshot.model.trunkKind != model::TrunkKind::Video;
    const std::vector<std::int64_t> needPoses =
        request.estimatePoses && readsSkeletons ? videosWithoutSkeletons(request.videoIds) : std::vector<std::int64_t>{};
    poseVideos_ = int(needPoses.size());
    running_ = true;
    if (needPoses.empty()) {
        const QString refused = startPrediction();
        if (!refused.isEmpty()) running_ = false;
        return refused;
    }
    PoseEstimationRequest pose = request.pose;
    pose.videos = PoseEstimationRun::videoRequests(document_, needPoses);
    pose.layoutName = QString::fromStdString(info->snapshot.layoutName);
    Q_EMIT stageChanged(tr("Estimating poses in %n video(s) without skeletons...", nullptr, poseVideos_));
    if (!poses_->start(pose)) {
        running_ = false;
        const QString why = poses_->outcomes().empty() ? tr("pose estimation could not start") : poses_->outcomes().front().message;
        return tr("Poses cannot be estimated: %1").arg(why);
    }
    return {};
}

QString PreAnnotationRun::startPrediction() {
    Q_EMIT stageChanged(tr("Predicting with %1...").arg(QString::fromStdString(request_.run.name)));
    if (const QString refused = prediction_->start(request_.run, request_.videoIds, request_.device); !refused.isEmpty()) return refused;
    const int stages = poseVideos_ + int(request_.videoIds.size());
    if (Job* running = prediction_->job())
        connect(running, &Job::progressChanged, this, [this, stages](qint64 done, qint64 total) {
            const double share = total > 0 ? double(done) / double(total) : 0.0;
            Q_EMIT progressChanged(int(1000.0 * (poseVideos_ + share * double(request_.videoIds.size())) / std::max(1, stages)));
        });
    return {};
}

void PreAnnotationRun::cancel() {
    if (!running_) return;
    cancelled_ = true;
    if (poses_->isRunning()) poses_->cancel();
    if (prediction_->isRunning()) prediction_->cancel();
}

void PreAnnotationRun::end(bool cancelled, const QString& summary) {
    running_ = false;
    Q_EMIT progressChanged(1000);
    Q_EMIT finished(cancelled, summary);
}

}  // namespace actionlens::ui
