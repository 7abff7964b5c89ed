#include "ui/learning/prediction_session.h"

#include "core/annotation/project_store.h"
#include "core/predict/video_prediction.h"
#include "core/train/checkpoint.h"
#include "ui/commands/model_segments_command.h"
#include "ui/document/project_document.h"
#include "ui/learning/project_clips.h"

#include <memory>

namespace actionlens::ui {

namespace {

struct Predicted {
    std::string error;
    std::vector<annotation::Segment> segments;
    bool done = false;
};

}  // namespace

PredictionSession::PredictionSession(ProjectDocument& document, QObject* parent) : QObject(parent), document_(document) {}

PredictionSession::~PredictionSession() { delete job_; }

void PredictionSession::cancel() {
    if (job_) job_->cancel();
}

QString PredictionSession::start(const annotation::TrainingRun& run, std::int64_t videoId, const QString& device) {
    if (isRunning()) return tr("A prediction is running already.");
    if (!document_.isOpen()) return tr("Open a project first.");
    const annotation::Video* video = document_.video(videoId);
    if (!video) return tr("Choose a video of the project first.");
    if (run.kind != annotation::RunKind::Training || run.checkpointPath.empty()) return tr("Only a training run's model can predict.");
    const std::string projectPath = document_.path().toStdString();
    const std::string checkpoint = run.checkpointPath;
    const std::string requested = device.toStdString();
    const annotation::Video target = *video;
    const std::string annotator = predict::modelAnnotator(checkpoint);
    auto predicted = std::make_shared<Predicted>();
    auto* job = new Job(
        tr("Predicting with %1").arg(QString::fromStdString(run.name)),
        [projectPath, checkpoint, requested, target, annotator, predicted](JobContext& context) {
            context.setStage(tr("Loading the model..."));
            train::CheckpointInfo info;
            auto model = train::loadTrainedModel(checkpoint, &info);
            if (!model) {
                predicted->error = model.error();
                return;
            }
            auto placed = model::placeModel(*model.value(), requested);
            if (!placed) {
                predicted->error = placed.error();
                return;
            }
            auto store = annotation::ProjectStore::openReadOnly(projectPath);
            if (!store) {
                predicted->error = store.error();
                return;
            }
            auto layout = predict::modelLayout(*store.value(), info.snapshot);
            if (!layout) {
                predicted->error = layout.error();
                return;
            }
            const std::unique_ptr<ClipFrames> frames = clipFramesFor(info.snapshot.model.trunkKind, 0);
            predict::PredictionRequest request;
            request.model = model.value().get();
            request.snapshot = &info.snapshot;
            request.annotator = annotator;
            request.videoClips = frames ? &frames->decoder : nullptr;
            predict::PredictionCallbacks callbacks;
            callbacks.progress = [&context](int done, int total) { context.setProgress(done, total); };
            callbacks.shouldCancel = [&context] { return context.isCancelled(); };
            context.setStage(tr("Predicting..."));
            auto prediction = predict::predictVideo(*store.value(), target, *layout.value(), request, callbacks);
            if (!prediction) {
                predicted->error = prediction.error();
                return;
            }
            if (prediction->cancelled) return;
            predicted->segments = prediction->segmentsToStore();
            predicted->done = true;
        },
        this);
    connect(job, &Job::finished, this, [this, job, predicted, videoId, annotator] {
        job->deleteLater();
        job_ = nullptr;
        if (!predicted->done) {
            Q_EMIT finished(0, job->isCancelled() ? tr("Cancelled.") : QString::fromStdString(predicted->error));
            return;
        }
        if (!document_.isOpen() || !document_.video(videoId)) {
            Q_EMIT finished(0, tr("the video is no longer in the project"));
            return;
        }
        const int count = int(predicted->segments.size());
        const QString error =
            DocumentCommand::push(document_, std::make_unique<ModelSegmentsCommand>(document_, videoId, annotator, predicted->segments));
        Q_EMIT finished(error.isEmpty() ? count : 0, error);
    });
    if (QString busy = document_.jobs().start(job, StoreUse::Writes); !busy.isEmpty()) {
        delete job;
        return busy;
    }
    job_ = job;
    return {};
}

}  // namespace actionlens::ui
