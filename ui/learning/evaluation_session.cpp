#include "ui/learning/evaluation_session.h"

#include "core/runs/run_record.h"
#include "core/train/checkpoint.h"
#include "core/train/evaluation.h"
#include "core/train/training_items.h"
#include "ui/document/project_document.h"
#include "ui/learning/project_clips.h"

#include <QDateTime>

namespace actionlens::ui {

namespace {

// What the work hands back.
struct Evaluated {
    std::string error;
    std::optional<train::EvaluationReport> report;
    std::vector<EvaluatedClip> clips;
    std::string device;
};

}  // namespace

EvaluationSession::EvaluationSession(ProjectDocument& document, QObject* parent) : QObject(parent), document_(document) {}

EvaluationSession::~EvaluationSession() { delete job_; }

void EvaluationSession::cancel() {
    if (job_) job_->cancel();
}

QString EvaluationSession::start(const annotation::TrainingRun& run, const QString& split, const QString& device) {
    if (isRunning()) return tr("An evaluation is running already.");
    if (!document_.isOpen()) return tr("Open a project first.");
    if (run.kind != annotation::RunKind::Training || run.checkpointPath.empty())
        return tr("Only a training run with a model file can be evaluated.");
    const std::string projectPath = document_.path().toStdString();
    const std::string checkpoint = run.checkpointPath;
    const std::string splitName = split.toStdString();
    const std::string requested = device.toStdString();
    const std::int64_t startedMs = QDateTime::currentMSecsSinceEpoch();
    auto evaluated = std::make_shared<Evaluated>();
    auto* job = new Job(
        tr("Evaluating %1").arg(QString::fromStdString(run.name)),
        [projectPath, checkpoint, splitName, requested, evaluated](JobContext& context) {
            context.setStage(tr("Loading the model..."));
            train::CheckpointInfo info;
            auto model = train::loadTrainedModel(checkpoint, &info);
            if (!model) {
                evaluated->error = model.error();
                return;
            }
            auto placed = model::placeModel(*model.value(), requested);
            if (!placed) {
                evaluated->error = placed.error();
                return;
            }
            evaluated->device = placed.value();
            auto dataset = readProjectClips(projectPath, info.snapshot.model.trunkKind, context);
            if (!dataset) {
                evaluated->error = dataset.error();
                return;
            }
            auto items = train::itemsOfSplit(dataset.value(), splitName);
            if (!items) {
                evaluated->error = items.error();
                return;
            }
            if (context.isCancelled()) return;
            context.setStage(tr("Running the model on %1 clips...").arg(items->size()));
            // Each clip is read once: no cache needed.
            const std::unique_ptr<ClipFrames> frames = clipFramesFor(info.snapshot.model.trunkKind, 0);
            auto report = train::evaluateModel(*model.value(), info.snapshot, dataset.value(), items.value(), 64,
                                               frames ? &frames->decoder : nullptr);
            if (!report) {
                evaluated->error = report.error();
                return;
            }
            for (int i : items.value()) {
                const train::LabelledClip& clip = dataset->clips[size_t(i)];
                evaluated->clips.push_back({clip.segmentId, clip.videoId, clip.firstFrame, QString::fromStdString(clip.videoName)});
            }
            evaluated->report = std::move(report).value();
        },
        this);
    connect(job, &Job::finished, this, [this, job, evaluated, run, split, startedMs] {
        job->deleteLater();
        job_ = nullptr;
        if (job->isCancelled()) {
            Q_EMIT finished(tr("Cancelled."));
            return;
        }
        if (!evaluated->report) {
            Q_EMIT finished(QString::fromStdString(evaluated->error));
            return;
        }
        const train::EvaluationReport& report = *evaluated->report;
        result_ = {};
        result_.title = tr("%1 on %2").arg(QString::fromStdString(run.name), split);
        result_.split = split;
        result_.clips = report.clips;
        result_.inconsistentRate = report.inconsistentRate;
        result_.clipRefs = evaluated->clips;
        for (const train::TaskEvaluation& t : report.tasks) {
            TaskResult task;
            task.task = QString::fromStdString(t.task);
            for (const std::string& c : t.classNames) task.classNames << QString::fromStdString(c);
            task.metrics = t.metrics;
            task.labels = t.labels;
            task.probabilities = t.probabilities;
            result_.tasks.push_back(std::move(task));
        }
        recordedRunId_ = 0;
        if (document_.isOpen()) {
            annotation::TrainingRun record =
                runs::evaluationRun("evaluate " + run.name + " on " + split.toStdString(), "window", run.id, run.checkpointPath,
                                    split.toStdString(), train::evaluationToJson(report), evaluated->device, startedMs,
                                    QDateTime::currentMSecsSinceEpoch());
            if (auto id = document_.store().insertRun(record); id) {
                recordedRunId_ = id.value();
                document_.reloadRuns();
            } else {
                document_.reportWriteFailure(tr("the evaluation could not be recorded: %1").arg(QString::fromStdString(id.error())));
            }
        }
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
