#include "ui/present/live_camera.h"

#include "core/live/live_pipeline.h"
#include "core/media/camera_source.h"
#include "core/pose/tflite_graph.h"
#include "ui/document/project_document.h"
#include "ui/learning/project_predictor.h"
#include "ui/learning/trained_models.h"

#include <QFileInfo>

#include <atomic>
#include <mutex>
#include <optional>

namespace actionlens::ui {

// What the job's thread and the GUI thread share: the camera (so that stop() can interrupt a
// read that waits for a frame), and the newest frame not yet shown.
struct LiveCamera::Shared {
    std::mutex mutex;
    media::CameraSource* camera = nullptr;
    bool stopping = false;
    std::shared_ptr<const live::LiveFrame> waiting;
    std::atomic<bool> deliveryQueued{false};
};

namespace {

annotation::SkeletonLayout defaultLayout() {
    for (const annotation::SkeletonLayout& l : annotation::builtinSkeletonLayouts())
        if (l.name == "COCO-17") return l;
    return annotation::builtinSkeletonLayouts().front();
}

}  // namespace

LiveCamera::LiveCamera(ProjectDocument& document, QObject* parent) : QObject(parent), document_(document) {}

LiveCamera::~LiveCamera() {
    stop();
    delete job_;
}

void LiveCamera::stop() {
    if (!job_) return;
    job_->cancel();
    if (shared_) {
        std::lock_guard<std::mutex> lock(shared_->mutex);
        shared_->stopping = true;
        if (shared_->camera) shared_->camera->interrupt();
    }
}

QString LiveCamera::start(const LiveCameraOptions& options) {
    if (!document_.isOpen()) return tr("Open a project first.");
    if (job_) {
        stop();
        job_->wait();
    }
    latest_.reset();
    framesShown_ = 0;
    description_.clear();
    modelName_.clear();
    modelNote_.clear();
    modelDevice_.clear();
    layout_ = defaultLayout();

    std::string checkpoint;
    if (options.withModel) {
        const std::vector<annotation::TrainingRun> models = trainedModels(document_);
        if (models.empty()) modelNote_ = tr("No trained model yet: train one (Model > Train...) and its answers appear here.");
        else {
            checkpoint = models.front().checkpointPath;
            modelName_ = QString::fromStdString(models.front().name);
        }
    }
    struct Opened {
        std::string description, modelDevice, modelNote;
        annotation::SkeletonLayout layout;
    };
    auto shared = std::make_shared<Shared>();
    shared_ = shared;
    const std::string device = options.device.toStdString();
    const std::string projectPath = document_.path().toStdString();
    const annotation::SkeletonLayout fallbackLayout = layout_;
    pose::PoseEstimatorOptions poseOptions;
    poseOptions.model = options.model;
    poseOptions.detector = options.detector;
    poseOptions.detectionTiles = options.tiles;
    poseOptions.device = options.poseDevice.toStdString();
    pose::PeopleTrackerOptions tracking;
    tracking.maxPeople = std::max(1, options.maxPeople);

    auto* job = new Job(
        tr("Camera"),
        [this, shared, device, projectPath, checkpoint, fallbackLayout, poseOptions, tracking](JobContext& context) mutable {
            auto report = [&context, this](const std::string& message) {
                const QString text = QString::fromStdString(message);
                context.deliver([this, text] { Q_EMIT stopped(text); });
            };
            context.setStage(tr("Opening the camera..."));
            media::CameraOptions cameraOptions;  // RGB: what the pose estimator reads
            auto camera = media::CameraSource::open(device, cameraOptions);
            if (!camera) return report(camera.error());
            {
                std::lock_guard<std::mutex> lock(shared->mutex);
                if (shared->stopping) return;
                shared->camera = camera.value().get();
            }
            auto forget = [&shared] {
                std::lock_guard<std::mutex> lock(shared->mutex);
                shared->camera = nullptr;
            };
            context.setStage(tr("Loading the pose models..."));
            if (poseOptions.device == "auto") poseOptions.device = pose::cudaAvailable() ? "cuda" : "cpu";
            if (poseOptions.detector != pose::PersonDetector::BlazePose) poseOptions.hog.minScore = poseOptions.minDetectionScore;
            auto estimator = pose::PoseEstimator::create(poseOptions);
            if (!estimator) {
                forget();
                return report(estimator.error());
            }
            Opened ready;
            ready.description = camera.value()->description();
            ready.layout = fallbackLayout;
            std::optional<ProjectPredictor> predictor;
            std::optional<live::LiveActionWindows> windows;
            if (!checkpoint.empty()) {
                context.setStage(tr("Loading the model..."));
                auto p = openProjectPredictor(checkpoint, projectPath, "auto");
                if (!p) ready.modelNote = "The model cannot be used: " + p.error();
                else if (p->info.snapshot.model.trunkKind != model::TrunkKind::Skeleton)
                    ready.modelNote = std::string("The newest model reads video frames (a ") +
                                       model::trunkKindName(p->info.snapshot.model.trunkKind) +
                                       " model); live answers come from a skeleton model.";
                else {
                    predictor = std::move(p).value();
                    ready.layout = *predictor->layout;
                    ready.modelDevice = predictor->device;
                    windows.emplace(*predictor->model, predictor->info.snapshot);
                }
            }
            context.deliver([this, ready] {
                description_ = QString::fromStdString(ready.description);
                layout_ = ready.layout;
                modelDevice_ = QString::fromStdString(ready.modelDevice);
                if (!ready.modelNote.empty()) {
                    modelNote_ = QString::fromStdString(ready.modelNote);
                    modelName_.clear();
                }
                Q_EMIT opened();
            });
            context.setStage(tr("Live"));
            live::LivePipelineOptions pipeline;
            pipeline.layout = ready.layout;
            pipeline.tracking = tracking;
            pipeline.windows = windows ? &*windows : nullptr;
            live::LiveCallbacks callbacks;
            callbacks.shouldCancel = [&context] { return context.isCancelled(); };
            callbacks.frame = [&context, shared, this](live::LiveFrame frame) {
                {
                    std::lock_guard<std::mutex> lock(shared->mutex);
                    shared->waiting = std::make_shared<const live::LiveFrame>(std::move(frame));
                }
                // One delivery queued at a time: it takes whatever frame is newest when it runs.
                if (shared->deliveryQueued.exchange(true)) return;
                context.deliver([this, shared] {
                    std::shared_ptr<const live::LiveFrame> newest;
                    {
                        std::lock_guard<std::mutex> lock(shared->mutex);
                        newest = std::move(shared->waiting);
                        shared->deliveryQueued = false;
                    }
                    if (!newest) return;
                    latest_ = std::move(newest);
                    ++framesShown_;
                    Q_EMIT frameArrived();
                });
            };
            const live::LiveOutcome outcome = live::runLivePipeline(*camera.value(), estimator.value(), pipeline, callbacks);
            forget();
            if (!outcome.cancelled && !context.isCancelled()) report(outcome.stopped);
        },
        this);
    connect(job, &Job::finished, this, [this, job] {
        job->deleteLater();
        if (job_ == job) job_ = nullptr;
    });
    if (QString busy = document_.jobs().start(job, StoreUse::None); !busy.isEmpty()) {
        delete job;
        return busy;
    }
    job_ = job;
    return {};
}

}  // namespace actionlens::ui
