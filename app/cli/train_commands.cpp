// actionlens-cli train / evaluate: the multi-task skeleton model from the command line.

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "app/cli/distributed_support.h"
#include "app/cli/learning_support.h"
#include "app/cli/progress_line.h"
#include "core/runs/project_runs.h"
#include "core/runs/run_record.h"
#include "core/train/checkpoint.h"
#include "core/train/evaluation.h"
#include "core/train/label_mirror.h"
#include "core/train/trainer.h"

#include <QFileInfo>

#include <cmath>
#include <cstdio>
#include <optional>

namespace actionlens::cli {

namespace {

QString epochLine(const train::EpochReport& r, const train::ModelSnapshot& snapshot, int epochs) {
    QString line = QStringLiteral("epoch %1/%2: loss %3, lr %4").arg(r.epoch).arg(epochs).arg(r.trainLoss, 0, 'f', 4).arg(r.learningRate, 0, 'g', 3);
    for (size_t t = 0; t < snapshot.tasks.size() && t < r.validationAccuracy.size(); ++t)
        if (std::isfinite(r.validationAccuracy[t]))
            line += QStringLiteral(", %1 %2").arg(QString::fromStdString(snapshot.tasks[t].name)).arg(r.validationAccuracy[t], 0, 'f', 3);
    line += QStringLiteral(", %1 clips/s").arg(r.clipsPerSecond, 0, 'f', 0);
    if (r.best) line += QStringLiteral(" *");
    return line;
}

// A rank other than 0 of a distributed run: the same training steps, nothing printed, recorded
// or written (rank 0 does that); its exit status says whether the run failed.
int trainSilently(const ProjectDataset& data, const train::TrainingItems& items, const train::TrainConfig& config,
                  const std::string& modelPath, bool resume, train::ProcessGroup* group) {
    catchInterrupts();
    train::TrainingCallbacks callbacks;
    callbacks.shouldCancel = [] { return interrupted(); };
    const std::unique_ptr<VideoFrames> frames = videoFramesFor(config.trunkKind, config.videoCacheMiB);
    train::TrainingRequest request{&data.dataset, items.train, items.validation, config, modelPath,
                                   resume ? modelPath : std::string(), 0, frames ? &frames->cache : nullptr, group};
    Result<train::TrainingOutcome> outcome = train::trainModel(request, callbacks);
    if (!outcome) return fail(outcome.error());
    return outcome->cancelled ? kExitFailure : kExitSuccess;
}

int runTrain(const QStringList& arguments) {
    const QString name = QStringLiteral("train");
    QCommandLineParser parser;
    const QCommandLineOption project = projectOption();
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("Training config (JSON); defaults without."),
                                    QStringLiteral("file"));
    const QCommandLineOption split(QStringLiteral("split"),
                                   QStringLiteral("Dataset split to train on ('all': every clip). Default: train."),
                                   QStringLiteral("name"), QStringLiteral("train"));
    const QCommandLineOption output = outputOption(QStringLiteral("Model file to write (.alm), after every epoch."));
    const QCommandLineOption resume(QStringLiteral("resume"),
                                    QStringLiteral("Continue the unfinished training in the -o file."));
    const QCommandLineOption writeConfig(QStringLiteral("write-config"),
                                         QStringLiteral("Write the default config, every option documented, and exit."),
                                         QStringLiteral("file"));
    const QCommandLineOption subjects = subjectsOption(QStringLiteral("to train on"));
    for (const QCommandLineOption* o : {&project, &config, &split, &output, &resume, &writeConfig, &subjects}) parser.addOption(*o);
    const DistributedOptions distributed;
    distributed.addTo(parser);
    if (auto stop = parseCommandLine(parser, name,
                                     QStringLiteral("Trains the multi-task model (trunk skeleton, video or fusion: the config's \"trunk\") on a project's segments: "
                                                    "one head per task of the taxonomy (action, its group, attributes), "
                                                    "validated on a part of the split (validation_fraction; by label, or by whole videos where a video has several clips). "
                                                    "Ctrl+C stops after saving the last finished epoch; --resume "
                                                    "continues it. The run is recorded in the project ('runs' lists it); "
                                                    "while the window has the project open, the clips are read beside it and "
                                                    "the run's record stays in the model file, which the window adds "
                                                    "(Runs > Add from file). With --distributed, the processes that "
                                                    "torchrun starts train together (data-parallel: batch_size per process); "
                                                    "rank 0 prints, records the run and writes the model file."),
                                     arguments, 0))
        return *stop;
    if (parser.isSet(writeConfig)) {
        if (Status s = train::saveTrainConfig(train::TrainConfig(), parser.value(writeConfig).toStdString()); !s)
            return fail(s.error());
        printLine(QStringLiteral("%1: written").arg(parser.value(writeConfig)));
        return kExitSuccess;
    }
    if (!parser.isSet(project)) return usageError(name, QStringLiteral("-p PROJECT is required"));
    if (!parser.isSet(output)) return usageError(name, QStringLiteral("-o MODEL is required"));
    const auto consent = parseSubjects(name, parser, subjects);
    if (!consent) return kExitUsage;
    if (parser.isSet(resume) && parser.isSet(config))
        return usageError(name, QStringLiteral("--resume continues with the model file's own config; leave out --config"));
    // torchrun restarts every rank of a failed attempt with the same command line: the restarted
    // attempt continues from the model file's last finished epoch when it holds one.
    bool resuming = parser.isSet(resume);
    if (!resuming && parser.isSet(distributed.distributed))
        if (Result<train::DistributedEnvironment> env = train::distributedEnvironmentFromVariables())
            if (train::resumesAfterRestart(parser.value(output).toStdString(), env->restartCount)) {
                resuming = true;
                if (env->rank == 0)
                    std::fprintf(stderr, "actionlens-cli: restart %d: continuing the run in %s\n", env->restartCount,
                                 qPrintable(parser.value(output)));
            }

    train::TrainConfig trainConfig;
    if (parser.isSet(config) && !resuming) {
        Result<train::TrainConfig> loaded = train::loadTrainConfig(parser.value(config).toStdString());
        if (!loaded) return fail(loaded.error());
        trainConfig = loaded.value();
    }
    const std::string projectPath = parser.value(project).toStdString();
    const std::string modelPath = parser.value(output).toStdString();
    // The record names the file absolutely: the project may lie elsewhere than this directory.
    const std::string modelFile = QFileInfo(parser.value(output)).absoluteFilePath().toStdString();
    if (resuming && !QFileInfo::exists(parser.value(output)))
        return fail("cannot resume: '" + modelPath + "' does not exist");
    std::optional<train::CheckpointInfo> resumed;
    if (resuming) {
        Result<train::CheckpointInfo> info = train::readCheckpointInfo(modelPath);
        if (!info) return fail(info.error());
        resumed = std::move(info).value();
        trainConfig = resumed->config;
    }
    Result<ProjectDataset> data = readProjectDataset(projectPath, trainConfig.trunkKind, *consent);
    if (!data) return fail(data.error());
    const std::string splitName = parser.value(split).toStdString();
    Result<train::TrainingItems> items = train::chooseTrainingItems(data->dataset, splitName, trainConfig);
    if (!items) return fail(items.error());
    // Every rank has read the project before rank 0 writes the run's record into it.
    int exitCode = kExitSuccess;
    std::optional<std::unique_ptr<train::ProcessGroup>> group =
        joinIfDistributed(parser, name, distributed, trainConfig.device, &exitCode);
    if (!group) return exitCode;
    const bool reports = !*group || group->get()->rank() == 0;
    if (!reports) return trainSilently(*data, items.value(), trainConfig, modelPath, resumed.has_value(), group->get());
    if (!items->warning.empty()) std::fprintf(stderr, "actionlens-cli: warning: %s\n", items->warning.c_str());
    const std::vector<int>& trainItems = items->train;
    const std::vector<int>& validationItems = items->validation;
    train::ModelSnapshot snapshot;
    if (Result<train::ModelSnapshot> s = train::snapshotFor(data->dataset, trainItems, trainConfig)) snapshot = s.value();
    if (resumed) snapshot = resumed->snapshot;
    const std::string mirrorNotice = train::undeclaredMirrorNotice(data->dataset, snapshot, trainConfig);
    if (!mirrorNotice.empty()) std::fprintf(stderr, "actionlens-cli: note: %s\n", mirrorNotice.c_str());

    // The run's record: in the project when no other process (the window) holds it, else only in
    // the model file, which the window adds to its runs (Runs > Add from file). A resumed model
    // file continues its own record where the project has one.
    annotation::TrainingRun run = runs::startedTrainingRun("", "cli", trainConfig, splitName, items.value(), modelFile, nowMs());
    run.message = items->warning;
    if (!mirrorNotice.empty()) run.message += (run.message.empty() ? "" : "\n") + mirrorNotice;
    if (resumed) {
        run.historyJson = train::writeJson(resumed->history, -1);
        if (auto reader = annotation::ProjectStore::openToRead(projectPath))
            if (auto known = reader.value()->runs())
                if (const std::int64_t id = runs::trainingRunOfCheckpoint(known.value(), modelFile))
                    if (auto earlier = reader.value()->run(id)) {
                        run.id = id;
                        run.name = earlier->name;
                        run.origin = earlier->origin;
                        run.parentId = earlier->parentId;
                        run.startedMs = earlier->startedMs;
                    }
    }
    const std::string staysIn = "; its record stays in " + modelPath + " (the window adds it: Runs > Add from file)";
    bool warned = false;
    bool recorded = recordRunInProject(projectPath, run, "the run", staysIn, &warned);

    catchInterrupts();
    ProgressLine progress(QStringLiteral("training"));
    train::TrainingCallbacks callbacks;
    callbacks.progress = [&](const train::TrainingProgress& p) {
        progress.update(std::int64_t(p.epoch - 1) * p.stepsPerEpoch + p.step, std::int64_t(p.epochs) * p.stepsPerEpoch);
    };
    callbacks.epochEnd = [&](const train::EpochReport& r) {
        progress.interrupt();
        std::fprintf(stderr, "%s\n", qPrintable(epochLine(r, snapshot, trainConfig.epochs)));
    };
    callbacks.shouldCancel = [] { return interrupted(); };
    const std::unique_ptr<VideoFrames> frames = videoFramesFor(trainConfig.trunkKind, trainConfig.videoCacheMiB);
    train::TrainingRequest request{&data->dataset, trainItems, validationItems, trainConfig, modelPath,
                                   resumed ? modelPath : std::string(), 0,
                                   frames ? &frames->cache : nullptr, group->get()};
    Result<train::TrainingOutcome> outcome = train::trainModel(request, callbacks);
    progress.finish();
    if (!outcome) {
        runs::failTrainingRun(run, outcome.error(), nowMs());
        recordRunInProject(projectPath, run, "the run's end", staysIn, &warned);
        return fail(outcome.error());
    }
    std::vector<std::string> taskNames;
    for (const train::DatasetTask& t : outcome->snapshot.tasks) taskNames.push_back(t.name);
    runs::finishTrainingRun(run, outcome.value(), taskNames, false, nowMs());
    recorded = recordRunInProject(projectPath, run, run.id ? "the run's end" : "the run", staysIn, &warned);

    nlohmann::ordered_json summary = nlohmann::ordered_json::object();
    summary["model"] = modelPath;
    summary["device"] = outcome->device;
    summary["train_clips"] = int(trainItems.size());
    summary["validation_clips"] = int(validationItems.size());
    summary["epochs_done"] = outcome->epochsDone;
    summary["best_epoch"] = outcome->bestEpoch;
    summary["finished"] = outcome->finished;
    summary["stopped_early"] = outcome->stoppedEarly;
    summary["cancelled"] = outcome->cancelled;
    summary["parameters"] = std::int64_t(outcome->model->parameterCount());
    nlohmann::ordered_json tasks = nlohmann::ordered_json::array();
    for (const std::string& t : taskNames) tasks.push_back(t);
    summary["tasks"] = tasks;
    summary["trunk"] = model::trunkKindName(outcome->snapshot.model.trunkKind);
    if (frames) summary["video_frames"] = videoFramesToJson(*frames);
    // The project's record of this run (its id), or false: the record is the model file's only.
    if (recorded)
        summary["recorded"] = run.id;
    else
        summary["recorded"] = false;
    if (Status s = writeJsonResult(summary, QString()); !s) return fail(s.error());
    if (outcome->cancelled) {
        std::fprintf(stderr, "actionlens-cli: training interrupted after epoch %d; continue with --resume\n", outcome->epochsDone);
        return kExitFailure;
    }
    return kExitSuccess;
}

int runEvaluate(const QStringList& arguments) {
    const QString name = QStringLiteral("evaluate");
    QCommandLineParser parser;
    const QCommandLineOption project = projectOption();
    const QCommandLineOption model = modelOption();
    const QCommandLineOption split(QStringLiteral("split"),
                                   QStringLiteral("Dataset split to evaluate on ('all': every clip). Default: test."),
                                   QStringLiteral("name"), QStringLiteral("test"));
    const QCommandLineOption output = outputOption(QStringLiteral("Write the metrics JSON here instead of stdout."));
    const QCommandLineOption device = deviceOption();
    for (const QCommandLineOption* o : {&project, &model, &split, &output, &device}) parser.addOption(*o);
    if (auto stop = parseCommandLine(parser, name,
                                     QStringLiteral("Evaluates a trained model on a split of a project: per task accuracy, "
                                                    "top-k, macro precision/recall/F1, ROC-AUC and the confusion matrix, "
                                                    "and the rate of action/group predictions that contradict the "
                                                    "hierarchy, as JSON. Reads the project beside the window; the "
                                                    "evaluation is recorded in the project as a run (parent: the "
                                                    "training run of the model file) unless the window has it open."),
                                     arguments, 0))
        return *stop;
    if (!parser.isSet(project)) return usageError(name, QStringLiteral("-p PROJECT is required"));
    if (!parser.isSet(model)) return usageError(name, QStringLiteral("-m MODEL is required"));
    const std::int64_t startedMs = nowMs();
    train::CheckpointInfo info;
    Result<std::unique_ptr<model::MultiTaskModel>> loaded = train::loadTrainedModel(parser.value(model).toStdString(), &info);
    if (!loaded) return fail(loaded.error());
    Result<std::string> placed = model::placeModel(*loaded.value(), parser.value(device).toStdString());
    if (!placed) return fail(placed.error());
    const std::string projectPath = parser.value(project).toStdString();
    Result<ProjectDataset> data = readProjectDataset(projectPath, info.snapshot.model.trunkKind);
    if (!data) return fail(data.error());
    const std::string splitName = parser.value(split).toStdString();
    Result<std::vector<int>> items = train::itemsOfSplit(data->dataset, splitName);
    if (!items) return fail(items.error());
    const std::unique_ptr<VideoFrames> frames = videoFramesFor(info.snapshot.model.trunkKind, 0);
    Result<train::EvaluationReport> report = train::evaluateModel(*loaded.value(), info.snapshot, data->dataset, items.value(),
                                                                  64, frames ? &frames->cache : nullptr);
    if (!report) return fail(report.error());
    nlohmann::ordered_json json = train::evaluationToJson(report.value());
    json["model"] = parser.value(model).toStdString();
    json["split"] = splitName;
    json["device"] = placed.value();

    // Recorded in the project as an evaluation of the training run that wrote the model file.
    const std::string modelFile = QFileInfo(parser.value(model)).absoluteFilePath().toStdString();
    std::int64_t parent = 0;
    if (auto reader = annotation::ProjectStore::openToRead(projectPath))
        if (auto known = reader.value()->runs()) parent = runs::trainingRunOfCheckpoint(known.value(), modelFile);
    annotation::TrainingRun run =
        runs::evaluationRun("", "cli", parent, modelFile, splitName, json, placed.value(), startedMs, nowMs());
    if (recordRunInProject(projectPath, run, "the evaluation", "", nullptr))
        json["recorded"] = run.id;
    else
        json["recorded"] = false;
    if (Status s = writeJsonResult(json, parser.value(output)); !s) return fail(s.error());
    return kExitSuccess;
}

}  // namespace

void registerTrainCommands(CommandRegistry& registry) {
    registry.add({QStringLiteral("train"), QStringLiteral("Train the multi-task skeleton model on a project"), runTrain});
    registry.add({QStringLiteral("evaluate"), QStringLiteral("Per-task metrics of a trained model on a project split"), runEvaluate});
}

}  // namespace actionlens::cli
