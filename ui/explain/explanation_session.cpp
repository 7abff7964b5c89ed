#include "ui/explain/explanation_session.h"

#include "core/annotation/project_store.h"
#include "core/clips/project_dataset.h"
#include "core/model/multi_task_model.h"
#include "core/train/checkpoint.h"
#include "ui/document/project_document.h"
#include "ui/learning/project_clips.h"

namespace actionlens::ui {

// The model of the last run explained, kept for the next request; used by one job at a time.
struct ExplanationSession::LoadedModel {
    std::string checkpointPath;
    train::CheckpointInfo info;
    std::unique_ptr<model::MultiTaskModel> model;
};

namespace {

struct Outcome {
    std::shared_ptr<ExplanationResult> result;
    std::string error;
};

}  // namespace

ExplanationSession::ExplanationSession(ProjectDocument& document, QObject* parent)
    : QObject(parent), document_(document), model_(std::make_shared<LoadedModel>()) {}

ExplanationSession::~ExplanationSession() { delete job_; }

void ExplanationSession::clear() {
    pending_.reset();
    if (job_) job_->cancel();
    cache_.clear();
    model_ = std::make_shared<LoadedModel>();
}

std::shared_ptr<const ExplanationResult> ExplanationSession::cached(const ExplanationRequest& request) const {
    for (const auto& r : cache_)
        if (r->request.key() == request.key() && r->request.checkpointPath == request.checkpointPath) return r;
    return nullptr;
}

std::shared_ptr<const ExplanationResult> ExplanationSession::request(const ExplanationRequest& request) {
    if (auto hit = cached(request)) {
        // Most recently used last, so it is the last to be forgotten.
        cache_.erase(std::find(cache_.begin(), cache_.end(), hit));
        cache_.push_back(hit);
        return hit;
    }
    if (job_) {
        pending_ = request;  // the latest wins: the ones in between were scrubbed past
        return nullptr;
    }
    start(request);
    return nullptr;
}

void ExplanationSession::remember(std::shared_ptr<const ExplanationResult> result) {
    cache_.push_back(std::move(result));
    while (cache_.size() > kCacheSize) cache_.erase(cache_.begin());
}

void ExplanationSession::start(const ExplanationRequest& request) {
    if (!document_.isOpen()) {
        Q_EMIT failed(tr("Open a project first."));
        return;
    }
    const std::string projectPath = document_.path().toStdString();
    auto outcome = std::make_shared<Outcome>();
    std::shared_ptr<LoadedModel> loaded = model_;
    auto* job = new Job(
        tr("Explaining frames %1-%2").arg(request.firstFrame).arg(request.lastFrame),
        [projectPath, request, loaded, outcome](JobContext& context) {
            if (loaded->checkpointPath != request.checkpointPath || !loaded->model) {
                context.setStage(tr("Loading the model..."));
                loaded->model.reset();
                auto model = train::loadTrainedModel(request.checkpointPath, &loaded->info);
                if (!model) {
                    outcome->error = model.error();
                    return;
                }
                // On the GPU where LibTorch has one, as the window's prediction does.
                if (auto placed = model::placeModel(*model.value(), "auto"); !placed) {
                    outcome->error = placed.error();
                    return;
                }
                loaded->model = std::move(model).value();
                loaded->checkpointPath = request.checkpointPath;
            }
            if (context.isCancelled()) return;
            context.setStage(tr("Reading the frames..."));
            auto store = annotation::ProjectStore::openReadOnly(projectPath);
            if (!store) {
                outcome->error = store.error();
                return;
            }
            auto video = store.value()->video(request.videoId);
            if (!video) {
                outcome->error = video.error();
                return;
            }
            const train::ModelSnapshot& snapshot = loaded->info.snapshot;
            const annotation::SkeletonLayout* layout = store.value()->skeletonLayout(snapshot.layoutName);
            const int joints = layout ? int(layout->joints.size()) : snapshot.model.layout.jointCount;
            auto clip = clips::readUnlabelledClip(*store.value(), video.value(), request.subjectId, request.firstFrame,
                                                  request.lastFrame, joints, snapshot.tasks.size());
            if (!clip) {
                outcome->error = clip.error();
                return;
            }
            auto result = std::make_shared<ExplanationResult>();
            result->request = request;
            result->skeleton = clip->skeleton;
            if (layout) {
                result->edges = layout->edges;
                result->jointNames = layout->joints;
            }
            const train::LabelledDataset one = explain::datasetOfOneClip(snapshot, std::move(clip).value());
            const std::unique_ptr<ClipFrames> frames = clipFramesFor(snapshot.model.trunkKind, 0);
            auto input = explain::prepareClipInput(one, 0, snapshot, frames ? &frames->decoder : nullptr);
            if (!input) {
                outcome->error = input.error();
                return;
            }
            if (context.isCancelled()) return;
            context.setStage(tr("Explaining..."));
            explain::Explainer explainer(*loaded->model, snapshot);
            std::vector<explain::ExplainTarget> targets;
            for (size_t t = 0; t < snapshot.tasks.size(); ++t) targets.push_back(explain::ExplainTarget{int(t), -1});
            explain::ExplainOptions options;
            options.method = request.method;
            options.normalisation = request.normalisation;
            auto heads = explainer.explain(input.value(), targets, options);
            if (!heads) {
                outcome->error = heads.error();
                return;
            }
            result->heads = std::move(heads).value();
            result->clip = std::move(input).value();
            outcome->result = std::move(result);
        },
        this);
    connect(job, &Job::finished, this, [this, job, outcome] {
        job->deleteLater();
        job_ = nullptr;
        if (outcome->result) {
            remember(outcome->result);
            Q_EMIT ready(outcome->result);
        } else if (!job->isCancelled()) {
            Q_EMIT failed(QString::fromStdString(outcome->error));
        }
        if (pending_) {
            const ExplanationRequest next = *pending_;
            pending_.reset();
            if (auto hit = cached(next)) Q_EMIT ready(hit);
            else start(next);
        }
        if (!job_) Q_EMIT busyChanged(false);
    });
    if (QString busy = document_.jobs().start(job, StoreUse::None); !busy.isEmpty()) {
        delete job;
        Q_EMIT failed(busy);
        return;
    }
    const bool wasIdle = !job_;
    job_ = job;
    if (wasIdle) Q_EMIT busyChanged(true);
}

}  // namespace actionlens::ui
