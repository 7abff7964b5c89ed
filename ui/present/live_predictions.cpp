#include "ui/present/live_predictions.h"

#include "core/annotation/project_store.h"
#include "core/predict/video_prediction.h"
#include "core/train/checkpoint.h"
#include "ui/document/project_document.h"
#include "ui/learning/project_predictor.h"

#include <QElapsedTimer>

#include <algorithm>
#include <numeric>

namespace actionlens::ui {

struct LivePredictions::Track {
    clips::TrackSpan span;
    train::TrackPrediction prediction;
    std::vector<std::vector<std::string>> classNames;  // per task
};

namespace {

struct ReadResult {
    std::string error;
    std::string device;
    double seconds = 0.0;
    bool done = false;
};

}  // namespace

LivePredictions::LivePredictions(ProjectDocument& document, QObject* parent) : QObject(parent), document_(document) {}

LivePredictions::~LivePredictions() { delete job_; }

QString LivePredictions::start(const annotation::TrainingRun& run, std::int64_t videoId, const QString& device) {
    if (!document_.isOpen()) return tr("Open a project first.");
    const annotation::Video* video = document_.video(videoId);
    if (!video) return tr("The project has no video %1.").arg(videoId);
    if (run.kind != annotation::RunKind::Training || run.checkpointPath.empty()) return tr("Only a training run's model can predict.");
    if (ready_ && videoId == videoId_ && run.id == runId_) {
        Q_EMIT finished(QString());
        return {};
    }
    if (job_) job_->cancel();  // the latest request wins
    ready_ = false;
    tracks_.clear();
    videoId_ = videoId;
    runId_ = run.id;
    const std::string projectPath = document_.path().toStdString();
    const std::string checkpoint = run.checkpointPath;
    const std::string requested = device.toStdString();
    const annotation::Video target = *video;
    auto result = std::make_shared<ReadResult>();
    auto tracks = std::make_shared<std::vector<std::shared_ptr<const Track>>>();
    auto* job = new Job(
        tr("Reading the video with the model"),
        [projectPath, checkpoint, requested, target, result, tracks](JobContext& context) {
            QElapsedTimer clock;
            clock.start();
            context.setStage(tr("Loading the model..."));
            auto predictor = openProjectPredictor(checkpoint, projectPath, requested);
            if (!predictor) {
                result->error = predictor.error();
                return;
            }
            result->device = predictor->device;
            const train::CheckpointInfo& info = predictor->info;
            const predict::PredictionRequest request = predictor->request(checkpoint, true);
            predict::PredictionCallbacks callbacks;
            callbacks.progress = [&context](int done, int total) { context.setProgress(done, total); };
            callbacks.shouldCancel = [&context] { return context.isCancelled(); };
            context.setStage(tr("Reading the video..."));
            auto prediction = predict::predictVideo(*predictor->store, target, *predictor->layout, request, callbacks);
            if (!prediction) {
                result->error = prediction.error();
                return;
            }
            if (prediction->cancelled) return;
            std::vector<std::vector<std::string>> classNames;
            for (const train::DatasetTask& task : info.snapshot.tasks) classNames.push_back(task.classNames);
            for (predict::PredictedTrack& t : prediction->tracks) {
                if (!t.frameProbabilities) continue;
                auto track = std::make_shared<Track>();
                track->span = t.track;
                track->prediction = std::move(*t.frameProbabilities);
                track->classNames = classNames;
                tracks->push_back(std::move(track));
            }
            result->seconds = double(clock.elapsed()) / 1000.0;
            result->done = true;
        },
        this);
    connect(job, &Job::finished, this, [this, job, result, tracks, videoId] {
        job->deleteLater();
        if (job_ == job) job_ = nullptr;
        if (videoId != videoId_ || job->isCancelled()) return;  // replaced by a later request
        if (!result->done) {
            Q_EMIT finished(QString::fromStdString(result->error));
            return;
        }
        tracks_ = *tracks;
        device_ = result->device;
        seconds_ = result->seconds;
        ready_ = true;
        Q_EMIT finished(QString());
    });
    if (QString busy = document_.jobs().start(job, StoreUse::None); !busy.isEmpty()) {
        delete job;
        return busy;
    }
    job_ = job;
    return {};
}

std::vector<SubjectAnswer> LivePredictions::answersAt(std::int64_t frame, int top) const {
    std::vector<SubjectAnswer> out;
    if (!ready_) return out;
    for (const auto& track : tracks_) {
        if (frame < track->span.firstFrame || frame > track->span.lastFrame) continue;
        const size_t f = size_t(frame - track->span.firstFrame);
        if (f >= track->prediction.covered.size() || !track->prediction.covered[f]) continue;
        SubjectAnswer answer;
        answer.subjectId = track->span.subjectId;
        for (size_t t = 0; t < track->prediction.tasks.size(); ++t) {
            const train::TaskFrameProbabilities& p = track->prediction.tasks[t];
            const float* row = p.probabilities.data() + f * size_t(p.classCount);
            std::vector<int> order(size_t(p.classCount));
            std::iota(order.begin(), order.end(), 0);
            const int shown = std::min(top, p.classCount);
            std::partial_sort(order.begin(), order.begin() + shown, order.end(), [row](int a, int b) { return row[a] > row[b]; });
            TaskAnswer task;
            task.task = p.task;
            for (int i = 0; i < shown; ++i) {
                const auto& names = track->classNames[t];
                task.classes.push_back(size_t(order[size_t(i)]) < names.size() ? names[size_t(order[size_t(i)])] : std::to_string(order[size_t(i)]));
                task.probabilities.push_back(row[order[size_t(i)]]);
            }
            answer.tasks.push_back(std::move(task));
        }
        out.push_back(std::move(answer));
    }
    return out;
}

}  // namespace actionlens::ui
