#include "ui/learning/prediction_session.h"

#include "core/annotation/project_store.h"
#include "core/predict/video_prediction.h"
#include "core/train/checkpoint.h"
#include "ui/commands/model_segments_command.h"
#include "ui/document/project_document.h"
#include "ui/learning/project_predictor.h"

#include <memory>

namespace actionlens::ui {

namespace {

// What the job shares with the GUI thread.
struct PredictionTally {
    std::string error;   // the run's own failure (the model), or the last video's
    int videosStored = 0;
    int videosFailed = 0;
    int segments = 0;
};

}  // namespace

PredictionSession::PredictionSession(ProjectDocument& document, QObject* parent) : QObject(parent), document_(document) {}

PredictionSession::~PredictionSession() { delete job_; }

void PredictionSession::cancel() {
    if (job_) job_->cancel();
}

QString PredictionSession::start(const annotation::TrainingRun& run, const std::vector<std::int64_t>& videoIds, const QString& device) {
    if (isRunning()) return tr("A prediction is running already.");
    if (!document_.isOpen()) return tr("Open a project first.");
    if (run.kind != annotation::RunKind::Training || run.checkpointPath.empty()) return tr("Only a training run's model can predict.");
    std::vector<annotation::Video> targets;
    for (std::int64_t id : videoIds) {
        const annotation::Video* video = document_.video(id);
        if (!video) return tr("The project has no video %1.").arg(id);
        targets.push_back(*video);
    }
    if (targets.empty()) return tr("Choose a video of the project first.");
    const std::string projectPath = document_.path().toStdString();
    const std::string checkpoint = run.checkpointPath;
    const std::string requested = device.toStdString();
    const std::string annotator = predict::modelAnnotator(checkpoint);
    auto tally = std::make_shared<PredictionTally>();
    QPointer<PredictionSession> self(this);
    auto* job = new Job(
        tr("Predicting with %1").arg(QString::fromStdString(run.name)),
        [this, self, projectPath, checkpoint, requested, targets, annotator, tally](JobContext& context) {
            context.setStage(tr("Loading the model..."));
            auto predictor = openProjectPredictor(checkpoint, projectPath, requested);
            if (!predictor) {
                tally->error = predictor.error();
                return;
            }
            const predict::PredictionRequest request = predictor->request(checkpoint);
            const int count = int(targets.size());
            for (int index = 0; index < count; ++index) {
                if (context.isCancelled()) return;
                const annotation::Video& target = targets[size_t(index)];
                predict::PredictionCallbacks callbacks;
                // Whole videos done plus the share of this one's tracks, in thousandths.
                callbacks.progress = [&context, index, count](int done, int total) {
                    context.setProgress(qint64(index) * 1000 + (total > 0 ? qint64(done) * 1000 / total : 0), qint64(count) * 1000);
                };
                callbacks.shouldCancel = [&context] { return context.isCancelled(); };
                const QString name = target.name.empty() ? tr("video %1").arg(target.id) : QString::fromStdString(target.name);
                context.setStage(tr("Predicting %1 (%2 of %3)...").arg(name).arg(index + 1).arg(count));
                context.setProgress(qint64(index) * 1000, qint64(count) * 1000);
                auto prediction = predict::predictVideo(*predictor->store, target, *predictor->layout, request, callbacks);
                if (prediction && prediction->cancelled) return;
                const std::int64_t videoId = target.id;
                std::vector<annotation::Segment> segments = prediction ? prediction->segmentsToStore() : std::vector<annotation::Segment>{};
                const std::string error = prediction ? std::string() : prediction.error();
                // Stored on the GUI thread, through the document (it holds the project's lock).
                context.deliver([this, self, videoId, index, annotator, segments = std::move(segments), error, tally] {
                    if (!self) return;
                    QString message = QString::fromStdString(error);
                    if (message.isEmpty() && (!document_.isOpen() || !document_.video(videoId)))
                        message = tr("the video is no longer in the project");
                    if (message.isEmpty())
                        message = DocumentCommand::push(document_, std::make_unique<ModelSegmentsCommand>(document_, videoId, annotator, segments));
                    if (message.isEmpty()) {
                        ++tally->videosStored;
                        tally->segments += int(segments.size());
                    } else {
                        ++tally->videosFailed;
                        tally->error = message.toStdString();
                    }
                    Q_EMIT videoPredicted(videoId, index, message.isEmpty() ? int(segments.size()) : 0, message);
                });
            }
            context.setProgress(qint64(count) * 1000, qint64(count) * 1000);
        },
        this);
    connect(job, &Job::finished, this, [this, job, tally] {
        job->deleteLater();
        job_ = nullptr;
        QString message;
        if (job->isCancelled())
            message = tr("Cancelled.");
        else if (tally->videosStored == 0)
            message = QString::fromStdString(tally->error.empty() ? "nothing was predicted" : tally->error);
        Q_EMIT finished(tally->segments, message);
    });
    if (QString busy = document_.jobs().start(job, StoreUse::Writes); !busy.isEmpty()) {
        delete job;
        return busy;
    }
    job_ = job;
    return {};
}

}  // namespace actionlens::ui
