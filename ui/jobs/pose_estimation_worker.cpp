#include "ui/jobs/pose_estimation_worker.h"

#include "core/pose/pose_estimator.h"
#include "core/pose/tflite_graph.h"

namespace actionlens::ui {

namespace {

// The file must still be the video the project describes, or the skeletons would not line up.
QString mismatch(const PoseVideoRequest& video, const pose::PoseVideoResult& result) {
    const auto frames = static_cast<std::int64_t>(result.frames.size());
    const bool framesDiffer = video.frameCount > 0 && video.frameCount != frames;
    const bool sizeDiffers = video.width > 0 && (video.width != result.width || video.height != result.height);
    if (!framesDiffer && !sizeDiffers) return {};
    return PoseEstimationWorker::tr("%1 (%2 frames, %3x%4) is not the video the project records (%5 frames, %6x%7)")
        .arg(video.path).arg(frames).arg(result.width).arg(result.height).arg(video.frameCount).arg(video.width).arg(video.height);
}

}  // namespace

PoseEstimationWorker::PoseEstimationWorker(QObject* parent) : QObject(parent) {
    qRegisterMetaType<PoseEstimationRequest>();
    qRegisterMetaType<PoseEstimationProgress>();
    qRegisterMetaType<PoseVideoEstimate>();
    qRegisterMetaType<PoseVideoFailure>();
}

void PoseEstimationWorker::estimate(const PoseEstimationRequest& request, const JobContext* job) {
    job_ = job;
    estimateVideos(request);
    job_ = nullptr;
}

void PoseEstimationWorker::estimateVideos(const PoseEstimationRequest& request) {
    pose::PoseEstimatorOptions options;
    options.model = request.model;
    options.minDetectionScore = request.minScore;
    options.detector = request.detector;
    options.hog.minScore = request.minScore;
    options.detectionTiles = request.tiles;
    options.device = request.device.toStdString();
    if (!request.modelDirectory.isEmpty()) options.modelDirectory = request.modelDirectory.toStdString();
    // Checked first: the missing-models message says how to install them.
    if (Status installed = pose::checkPoseModelsInstalled(options.modelDirectory, options.model); !installed.ok()) {
        Q_EMIT videoFailed({0, QString::fromStdString(installed.error())});
        Q_EMIT finished(false);
        return;
    }
    if (request.threads > 0) pose::setInferenceThreads(request.threads);
    auto estimator = pose::PoseEstimator::create(options);
    if (!estimator.ok()) {
        Q_EMIT videoFailed({0, QString::fromStdString(estimator.error())});
        Q_EMIT finished(false);
        return;
    }

    const int count = static_cast<int>(request.videos.size());
    for (int i = 0; i < count; ++i) {
        if (isCancelled()) break;
        const PoseVideoRequest& video = request.videos[static_cast<std::size_t>(i)];
        if (video.path.isEmpty()) {
            Q_EMIT videoFailed({video.videoId, tr("video %1 (%2) has no video file: it holds skeletons only")
                                                   .arg(video.videoId).arg(video.name)});
            continue;
        }
        pose::PoseVideoCallbacks callbacks;
        callbacks.shouldCancel = [this] { return isCancelled(); };
        callbacks.progress = [&](std::int64_t done, std::int64_t total) {
            Q_EMIT progress({i, count, video.videoId, done, total});
        };
        pose::PeopleTrackerOptions tracking;
        tracking.maxPeople = request.maxPeople;
        auto result = pose::estimatePosesInVideo(estimator.value(), video.path.toStdString(), 25.0, callbacks, tracking);
        if (isCancelled()) break;  // a video stopped part-way is not handed back at all
        if (!result.ok()) {
            Q_EMIT videoFailed({video.videoId, QString::fromStdString(result.error())});
            continue;
        }
        if (const QString wrong = mismatch(video, result.value()); !wrong.isEmpty()) {
            Q_EMIT videoFailed({video.videoId, wrong});
            continue;
        }
        PoseVideoEstimate estimate;
        estimate.videoId = video.videoId;
        estimate.layoutName = request.layoutName;
        estimate.modelName = QString::fromLatin1(pose::landmarkModelName(request.model));
        estimate.result = std::make_shared<const pose::PoseVideoResult>(std::move(result).value());
        Q_EMIT videoEstimated(estimate);
    }
    Q_EMIT finished(isCancelled());
}

}  // namespace actionlens::ui
