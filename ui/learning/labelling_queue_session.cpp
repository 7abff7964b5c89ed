#include "ui/learning/labelling_queue_session.h"

#include "core/annotation/project_store.h"
#include "core/predict/video_prediction.h"
#include "core/train/checkpoint.h"
#include "ui/document/project_document.h"
#include "ui/learning/project_predictor.h"

#include <memory>

namespace actionlens::ui {

namespace {

struct QueueResult {
    std::string error;
    std::vector<predict::QueueClip> queue;
    int candidates = 0;
    bool done = false;
};

}  // namespace

LabellingQueueSession::LabellingQueueSession(ProjectDocument& document, QObject* parent) : QObject(parent), document_(document) {}

LabellingQueueSession::~LabellingQueueSession() { delete job_; }

void LabellingQueueSession::cancel() {
    if (job_) job_->cancel();
}

QString LabellingQueueSession::start(const annotation::TrainingRun& run, const predict::QueueOptions& options, const QString& device) {
    if (!document_.isOpen()) return tr("Open a project first.");
    if (run.kind != annotation::RunKind::Training || run.checkpointPath.empty()) return tr("Only a training run's model can rank clips.");
    // The latest request wins: the running one stops at its next video and reports "Cancelled.".
    if (job_) job_->cancel();
    const std::string projectPath = document_.path().toStdString();
    const std::string checkpoint = run.checkpointPath;
    const std::string requested = device.toStdString();
    auto result = std::make_shared<QueueResult>();
    auto* job = new Job(
        tr("Ranking clips to label"),
        [projectPath, checkpoint, requested, options, result](JobContext& context) {
            context.setStage(tr("Loading the model..."));
            auto predictor = openProjectPredictor(checkpoint, projectPath, requested);
            if (!predictor) {
                result->error = predictor.error();
                return;
            }
            const train::CheckpointInfo& info = predictor->info;
            if (options.task >= int(info.snapshot.tasks.size())) {
                result->error = "the model has no task " + std::to_string(options.task);
                return;
            }
            auto videos = predictor->store->videos();
            if (!videos) {
                result->error = videos.error();
                return;
            }
            const predict::PredictionRequest request = predictor->request(checkpoint, true);
            std::vector<predict::QueueClip> candidates;
            const int count = int(videos->size());
            context.setStage(tr("Asking the model about %n video(s)...", nullptr, count));
            for (int i = 0; i < count; ++i) {
                if (context.isCancelled()) return;
                context.setProgress(i, count);
                const annotation::Video& video = (*videos)[size_t(i)];
                // A model that reads frames cannot look at a video without its file.
                if (video.path.empty() && info.snapshot.model.trunkKind != model::TrunkKind::Skeleton) continue;
                predict::PredictionCallbacks callbacks;
                callbacks.shouldCancel = [&context] { return context.isCancelled(); };
                auto prediction = predict::predictVideo(*predictor->store, video, *predictor->layout, request, callbacks);
                if (!prediction) {
                    result->error = "video " + std::to_string(video.id) + ": " + prediction.error();
                    return;
                }
                if (prediction->cancelled) return;
                auto segments = predictor->store->segmentsOfVideo(video.id);
                if (!segments) {
                    result->error = segments.error();
                    return;
                }
                const std::vector<predict::QueueClip> clips = predict::unlabelledClips(*prediction, video.id, *segments, info.snapshot, options);
                candidates.insert(candidates.end(), clips.begin(), clips.end());
            }
            context.setProgress(count, count);
            result->candidates = int(candidates.size());
            result->queue = predict::rankForLabelling(candidates, options);
            result->done = true;
        },
        this);
    const std::int64_t runId = run.id;
    connect(job, &Job::finished, this, [this, job, result, runId] {
        job->deleteLater();
        if (job_ == job) job_ = nullptr;
        if (!result->done) {
            Q_EMIT finished(job->isCancelled() ? tr("Cancelled.") : QString::fromStdString(result->error));
            return;
        }
        queue_ = result->queue;
        candidates_ = result->candidates;
        runId_ = runId;
        Q_EMIT finished(QString());
    });
    if (QString busy = document_.jobs().start(job, StoreUse::None); !busy.isEmpty()) {
        delete job;
        return busy;
    }
    job_ = job;
    return {};
}

}  // namespace actionlens::ui
