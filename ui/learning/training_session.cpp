#include "ui/learning/training_session.h"

#include "core/runs/run_record.h"
#include "core/train/checkpoint.h"
#include "core/train/label_mirror.h"
#include "core/train/trainer.h"
#include "core/train/training_items.h"
#include "ui/document/project_document.h"
#include "ui/learning/project_clips.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <optional>

namespace actionlens::ui {

namespace {

EpochPoint pointOf(const train::EpochReport& r) {
    EpochPoint p;
    p.epoch = r.epoch;
    p.learningRate = r.learningRate;
    p.trainLoss = r.trainLoss;
    p.validationLoss = r.validationLoss;
    p.taskTrainLoss = r.trainTaskLoss;
    p.taskWeight = r.taskWeights;
    p.taskValidationAccuracy = r.validationAccuracy;
    p.best = r.best;
    p.seconds = r.seconds;
    p.clipsPerSecond = r.clipsPerSecond;
    return p;
}

std::int64_t nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

}  // namespace

// What the work hands back when it returns.
struct TrainingSession::Outcome {
    std::optional<train::TrainingOutcome> trained;
    std::string error;
};

TrainingSession::TrainingSession(ProjectDocument& document, QObject* parent) : QObject(parent), document_(document) {
    qRegisterMetaType<EpochPoint>();
}

TrainingSession::~TrainingSession() { delete job_; }

QString TrainingSession::start(const TrainingSettings& settings) { return launch(settings, nullptr); }

QString TrainingSession::resume(const annotation::TrainingRun& run) {
    if (run.kind != annotation::RunKind::Training) return tr("Only a training run can be resumed.");
    auto info = train::readCheckpointInfo(run.checkpointPath);
    if (!info) return QString::fromStdString(info.error());
    if (info->finished) return tr("%1 has finished training: there is nothing to resume.").arg(QString::fromStdString(run.name));
    TrainingSettings settings;
    settings.config = info->config;  // the model file's own config: it continues as it began
    settings.runName = QString::fromStdString(run.name);
    const QJsonObject data = QJsonDocument::fromJson(QByteArray::fromStdString(run.dataJson)).object();
    settings.split = data.value(QStringLiteral("split")).toString(QStringLiteral("train"));
    return launch(settings, &run);
}

QString TrainingSession::launch(const TrainingSettings& settings, const annotation::TrainingRun* resumed) {
    if (isRunning()) return tr("A training run is going already.");
    if (!document_.isOpen()) return tr("Open a project first.");
    if (Status valid = train::validateTrainConfig(settings.config); !valid) return QString::fromStdString(valid.error());
    if (QString busy = document_.jobs().conflictFor(StoreUse::None); !busy.isEmpty()) return busy;
    auto runs = document_.store().runs();
    if (!runs) return QString::fromStdString(runs.error());

    settings_ = settings;
    resuming_ = resumed != nullptr;
    history_ = TrainingHistory();
    if (resumed) {
        run_ = *resumed;  // the same record goes on
        if (auto earlier = TrainingHistory::fromJson(QByteArray::fromStdString(resumed->historyJson)); earlier) history_ = earlier.value();
    } else {
        const std::string name =
            settings.runName.trimmed().isEmpty() ? runs::nextRunName(runs.value()) : settings.runName.trimmed().toStdString();
        const QDir models(QFileInfo(document_.path()).absoluteDir().filePath(QStringLiteral("models")));
        if (!models.exists() && !QDir().mkpath(models.path())) return tr("Cannot create the folder %1 for the model.").arg(models.path());
        QString fileName = QString::fromStdString(name);
        fileName.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
        run_ = {};
        run_.name = name;
        // Never over another model's file (a deleted run's, another project's in the same folder).
        QString file = models.filePath(fileName + QStringLiteral(".alm"));
        for (int n = 2; QFileInfo::exists(file); ++n) file = models.filePath(QStringLiteral("%1-%2.alm").arg(fileName).arg(n));
        run_.checkpointPath = file.toStdString();
    }
    const std::string name = run_.name;
    const std::string resumeFrom = resumed ? run_.checkpointPath : std::string();
    stopRequested_->store(false);

    const std::string projectPath = document_.path().toStdString();
    const std::string split = settings.split.toStdString();
    const train::TrainConfig config = settings.config;
    const std::string checkpoint = run_.checkpointPath;
    auto stop = stopRequested_;
    auto outcome = std::make_shared<Outcome>();
    auto* job = new Job(
        tr("Training %1").arg(QString::fromStdString(name)),
        [this, projectPath, split, config, checkpoint, resumeFrom, stop, outcome](JobContext& context) {
            // A reader of its own beside the window's writer: the document's store stays the window's.
            auto read = readProjectClips(projectPath, config.trunkKind, context);
            if (!read) {
                outcome->error = read.error();
                return;
            }
            const train::LabelledDataset& dataset = read.value();
            auto items = train::chooseTrainingItems(dataset, split, config);
            if (!items) {
                outcome->error = items.error();
                return;
            }
            auto snapshot = train::snapshotFor(dataset, items->train, config);
            if (!snapshot) {
                outcome->error = snapshot.error();
                return;
            }
            QStringList tasks;
            for (const auto& task : snapshot->tasks) tasks << QString::fromStdString(task.name);
            const int trainClips = int(items->train.size()), validationClips = int(items->validation.size());
            std::string notes = items->warning;
            if (const std::string mirror = train::undeclaredMirrorNotice(dataset, snapshot.value(), config); !mirror.empty())
                notes += (notes.empty() ? "" : "\n") + mirror;
            const QString warning = QString::fromStdString(notes);
            context.deliver([this, tasks, trainClips, validationClips, warning] { onStarted(tasks, trainClips, validationClips, warning); });
            context.setStage(tr("Training..."));

            // Video and fusion trunks read frames: decoded once, then cached for later epochs.
            const std::unique_ptr<ClipFrames> frames = clipFramesFor(config.trunkKind, config.videoCacheMiB);
            bool atEpochEnd = false;
            train::TrainingCallbacks callbacks;
            callbacks.progress = [&](const train::TrainingProgress& p) {
                atEpochEnd = false;
                context.setProgress(std::int64_t(p.epoch - 1) * p.stepsPerEpoch + p.step, std::int64_t(p.epochs) * p.stepsPerEpoch);
                const int epoch = p.epoch, step = p.step, steps = p.stepsPerEpoch;
                const double loss = p.loss;
                context.deliver([this, epoch, step, steps, loss] {
                    history_.addStep(epoch, step, steps, loss);
                    Q_EMIT stepDone(epoch, step, steps);
                });
            };
            callbacks.epochEnd = [&](const train::EpochReport& report) {
                atEpochEnd = true;
                context.deliver([this, report] { onEpoch(report); });
            };
            callbacks.shouldCancel = [&] {
                if (!context.waitWhilePaused()) return true;
                return stop->load() && atEpochEnd;
            };
            train::TrainingRequest request;
            request.dataset = &dataset;
            request.trainItems = items->train;
            request.validationItems = items->validation;
            request.config = config;
            request.checkpointPath = checkpoint;
            request.resumeFrom = resumeFrom;
            request.videoClips = frames ? &frames->cache : nullptr;
            auto trained = train::trainModel(request, callbacks);
            if (!trained) {
                outcome->error = trained.error();
                return;
            }
            outcome->trained = std::move(trained).value();
            outcome->trained->model.reset();  // the weights are in the checkpoint
        },
        this);
    connect(job, &Job::stageChanged, this, &TrainingSession::stageChanged);
    connect(job, &Job::finished, this, [this, outcome] { onFinished(outcome); });
    if (QString busy = document_.jobs().start(job, StoreUse::None); !busy.isEmpty()) {
        delete job;
        return busy;
    }
    job_ = job;
    return {};
}

void TrainingSession::onStarted(const QStringList& tasks, int trainClips, int validationClips, const QString& warning) {
    if (resuming_) {
        // The record goes on where it stopped: its earlier epochs stay, the new ones follow.
        if (history_.tasks().isEmpty()) history_ = TrainingHistory(tasks);
        run_.status = annotation::RunStatus::Running;
        run_.endedMs = 0;
        run_.message = warning.toStdString();
        record();
        Q_EMIT started(run_.id);
        return;
    }
    history_ = TrainingHistory(tasks);
    train::TrainingItems counts;
    counts.train.resize(size_t(trainClips));
    counts.validation.resize(size_t(validationClips));
    const std::string name = run_.name, checkpoint = run_.checkpointPath;
    run_ = runs::startedTrainingRun(name, "window", settings_.config, settings_.split.toStdString(), counts, checkpoint, nowMs());
    if (!warning.isEmpty()) run_.message = warning.toStdString();
    if (document_.isOpen()) {
        auto id = document_.store().insertRun(run_);
        if (id) {
            run_.id = id.value();
            document_.reloadRuns();
        } else
            document_.reportWriteFailure(tr("the run could not be recorded: %1").arg(QString::fromStdString(id.error())));
    }
    Q_EMIT started(run_.id);
}

void TrainingSession::onEpoch(const train::EpochReport& report) {
    const EpochPoint point = pointOf(report);
    history_.addEpoch(point);
    const std::vector<std::string> tasks = taskNames();
    runs::appendEpoch(run_, report, tasks);
    record();
    Q_EMIT epochDone(point);
}

void TrainingSession::onFinished(const std::shared_ptr<Outcome>& outcome) {
    const std::vector<std::string> tasks = taskNames();
    QString message;
    if (outcome->trained) {
        runs::finishTrainingRun(run_, *outcome->trained, tasks, stopRequested_->load(), nowMs());
    } else {
        // Cancelled while the clips were read: nothing was trained.
        const bool cancelled = job_ && job_->isCancelled();
        message = cancelled ? tr("cancelled before training began") : QString::fromStdString(outcome->error);
        runs::failTrainingRun(run_, message.toStdString(), nowMs());
        if (cancelled) run_.status = annotation::RunStatus::Cancelled;
    }
    if (run_.id != 0) record();
    const annotation::RunStatus status = run_.status;
    if (message.isEmpty()) message = QString::fromStdString(run_.message);
    job_->deleteLater();
    job_ = nullptr;
    Q_EMIT finished(status, message);
}

std::vector<std::string> TrainingSession::taskNames() const {
    std::vector<std::string> names;
    for (const QString& t : history_.tasks()) names.push_back(t.toStdString());
    return names;
}

void TrainingSession::record() {
    if (run_.id == 0 || !document_.isOpen()) return;
    if (auto written = document_.store().updateRun(run_); !written)
        document_.reportWriteFailure(tr("the run could not be recorded: %1").arg(QString::fromStdString(written.error())));
    else
        document_.reloadRuns();
}

void TrainingSession::setPaused(bool paused) {
    if (job_) job_->setPaused(paused);
}

void TrainingSession::stopAfterEpoch() { stopRequested_->store(true); }

void TrainingSession::cancel() {
    if (job_) job_->cancel();
}

}  // namespace actionlens::ui
