#include "ui/learning/ablation_session.h"

#include "core/runs/run_record.h"
#include "core/train/label_mirror.h"
#include "core/train/trainer.h"
#include "core/train/training_items.h"
#include "ui/document/project_document.h"
#include "ui/learning/project_clips.h"

#include <QDateTime>

#include <optional>

namespace actionlens::ui {

namespace {

struct Ablated {
    std::string error;
    std::optional<train::AblationReport> report;
};

std::int64_t nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

}  // namespace

AblationSession::AblationSession(ProjectDocument& document, QObject* parent) : QObject(parent), document_(document) {}

AblationSession::~AblationSession() { delete job_; }

void AblationSession::cancel() {
    if (job_) job_->cancel();
}

void AblationSession::record() {
    if (run_.id == 0 || !document_.isOpen()) return;
    if (auto written = document_.store().updateRun(run_); !written)
        document_.reportWriteFailure(tr("the ablation could not be recorded: %1").arg(QString::fromStdString(written.error())));
    else
        document_.reloadRuns();
}

QString AblationSession::start(const AblationSettings& settings) {
    if (isRunning()) return tr("An ablation is running already.");
    if (!document_.isOpen()) return tr("Open a project first.");
    if (settings.seeds < 1 || settings.folds < 2) return tr("An ablation needs at least 1 seed and 2 folds.");
    if (Status valid = train::validateTrainConfig(settings.config); !valid) return QString::fromStdString(valid.error());
    auto runs = document_.store().runs();
    if (!runs) return QString::fromStdString(runs.error());

    const std::string projectPath = document_.path().toStdString();
    const std::string split = settings.split.toStdString();
    const std::string name = runs::nextRunName(runs.value());
    auto ablated = std::make_shared<Ablated>();
    report_ = {};
    run_ = {};
    run_.name = name;
    auto* job = new Job(
        tr("Single-task vs multi-task ablation"),
        [this, projectPath, split, settings, name, ablated](JobContext& context) {
            auto dataset = readProjectClips(projectPath, settings.config.trunkKind, context);
            if (!dataset) {
                ablated->error = dataset.error();
                return;
            }
            auto items = train::itemsOfSplit(dataset.value(), split);
            if (!items) {
                ablated->error = items.error();
                return;
            }
            const std::unique_ptr<ClipFrames> frames = clipFramesFor(settings.config.trunkKind, settings.config.videoCacheMiB);
            train::AblationRequest request;
            request.dataset = &dataset.value();
            request.items = items.value();
            request.config = settings.config;
            request.seeds = settings.seeds;
            request.folds = settings.folds;
            request.videoClips = frames ? &frames->cache : nullptr;
            train::AblationRequest described = request;  // what the record says; no pointers into this thread's data
            described.dataset = nullptr;
            described.videoClips = nullptr;
            std::string notes;
            if (auto planned = train::snapshotFor(dataset.value(), request.items, request.config))
                notes = train::undeclaredMirrorNotice(dataset.value(), planned.value(), request.config);
            context.deliver([this, name, described, split, notes] {
                run_ = runs::startedAblationRun(name, "window", described, split, nowMs());
                run_.message = notes;
                if (!notes.empty()) Q_EMIT noted(QString::fromStdString(notes));
                if (!document_.isOpen()) return;
                if (auto id = document_.store().insertRun(run_); id) {
                    run_.id = id.value();
                    document_.reloadRuns();
                }
            });
            context.setStage(tr("Training the models..."));
            train::AblationCallbacks callbacks;
            callbacks.progress = [&context, this](int done, int total, const std::string& what) {
                context.setProgress(done, total);
                context.deliver([this, done, total, what = QString::fromStdString(what)] { Q_EMIT progressed(done, total, what); });
            };
            callbacks.shouldCancel = [&context] { return context.isCancelled(); };
            auto report = train::runAblation(request, callbacks);
            if (!report) {
                ablated->error = report.error();
                return;
            }
            ablated->report = std::move(report).value();
        },
        this);
    connect(job, &Job::finished, this, [this, job, ablated] {
        job->deleteLater();
        job_ = nullptr;
        QString message;
        if (ablated->report) {
            report_ = *ablated->report;
            runs::finishAblationRun(run_, *ablated->report, nowMs());
        } else {
            message = job->isCancelled() ? tr("Cancelled.") : QString::fromStdString(ablated->error);
            runs::endRun(run_, job->isCancelled() ? annotation::RunStatus::Cancelled : annotation::RunStatus::Failed, message.toStdString(),
                         nowMs());
        }
        record();
        Q_EMIT finished(message);
    });
    if (QString busy = document_.jobs().start(job, StoreUse::None); !busy.isEmpty()) {
        delete job;
        return busy;
    }
    job_ = job;
    return {};
}

}  // namespace actionlens::ui
