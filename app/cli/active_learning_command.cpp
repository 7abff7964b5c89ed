// actionlens-cli active-learning-sim: does asking the model which clips to label help? A
// simulated annotator labels batches chosen by the model's uncertainty and, from the same start,
// chosen at random; the report holds accuracy against labelled clips for both.

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "app/cli/learning_support.h"
#include "app/cli/progress_line.h"
#include "core/train/active_learning.h"
#include "core/train/dataset_file.h"

namespace actionlens::cli {

namespace {

int runActiveLearningSim(const QStringList& arguments) {
    const QString name = QStringLiteral("active-learning-sim");
    QCommandLineParser parser;
    const QCommandLineOption project = projectOption();
    const QCommandLineOption dataset(QStringLiteral("dataset"), QStringLiteral("Simulate over a dataset file (export-dataset) instead of a project."),
                                     QStringLiteral("file"));
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("Training config (JSON) of every round's model."), QStringLiteral("file"));
    const QCommandLineOption split(QStringLiteral("split"), QStringLiteral("Clips to simulate over: a split or 'all' (default train)."),
                                   QStringLiteral("name"), QStringLiteral("train"));
    const QCommandLineOption start(QStringLiteral("start"), QStringLiteral("Clips labelled at the start, at random (default 50)."),
                                   QStringLiteral("n"), QStringLiteral("50"));
    const QCommandLineOption budget(QStringLiteral("budget"), QStringLiteral("Clips labelled per round (default 50)."), QStringLiteral("n"),
                                    QStringLiteral("50"));
    const QCommandLineOption rounds(QStringLiteral("rounds"), QStringLiteral("Rounds after the start (default 5)."), QStringLiteral("n"),
                                    QStringLiteral("5"));
    const QCommandLineOption heldOut(QStringLiteral("held-out"), QStringLiteral("Share of the clips kept for measuring (default 0.2)."),
                                     QStringLiteral("share"), QStringLiteral("0.2"));
    const QCommandLineOption measure(QStringLiteral("measure"), QStringLiteral("Uncertainty: entropy (default) or margin."),
                                     QStringLiteral("name"), QStringLiteral("entropy"));
    const QCommandLineOption task(QStringLiteral("task"), QStringLiteral("Rank by this task's uncertainty (default: the mean over tasks)."),
                                  QStringLiteral("name"));
    const QCommandLineOption noDiversity(QStringLiteral("no-diversity"),
                                         QStringLiteral("Take the most uncertain clips even when several come from one video."));
    const QCommandLineOption randomShare(QStringLiteral("random-share"),
                                         QStringLiteral("Share of each uncertainty batch drawn at random instead (default 0)."),
                                         QStringLiteral("share"), QStringLiteral("0"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of the split and the start (default 1)."), QStringLiteral("n"),
                                  QStringLiteral("1"));
    const QCommandLineOption output = outputOption(QStringLiteral("Write the report JSON here instead of stdout."));
    for (const QCommandLineOption* o : {&project, &dataset, &config, &split, &start, &budget, &rounds, &heldOut, &measure, &task, &noDiversity, &randomShare, &seed, &output})
        parser.addOption(*o);
    if (auto stop = parseCommandLine(parser, name,
                                     QStringLiteral("Simulates active learning: from a few labelled clips, each round trains a "
                                                    "model on the labelled clips, measures it on held-out clips, and labels a "
                                                    "batch more (the simulated annotator answers with the true label), chosen "
                                                    "by the model's uncertainty and, from the same start, at random. The report "
                                                    "holds both curves: accuracy per task against labelled clips."),
                                     arguments, 0))
        return *stop;
    if (parser.isSet(project) == parser.isSet(dataset)) return usageError(name, QStringLiteral("give either -p PROJECT or --dataset FILE"));
    auto startClips = parseInteger(name, QStringLiteral("--start"), parser.value(start), 1, 1000000);
    auto batchClips = parseInteger(name, QStringLiteral("--budget"), parser.value(budget), 1, 1000000);
    auto roundCount = parseInteger(name, QStringLiteral("--rounds"), parser.value(rounds), 1, 1000);
    auto seedValue = parseInteger(name, QStringLiteral("--seed"), parser.value(seed), 0, 2147483647);
    auto share = parsePositive(name, QStringLiteral("--held-out"), parser.value(heldOut));
    if (!startClips || !batchClips || !roundCount || !seedValue || !share) return kExitUsage;
    if (*share >= 1.0) return usageError(name, QStringLiteral("--held-out must be below 1"));
    train::ActiveLearningOptions options;
    if (!train::uncertaintyMeasureFromName(parser.value(measure).toStdString(), &options.measure))
        return usageError(name, QStringLiteral("--measure is entropy or margin, not '%1'").arg(parser.value(measure)));
    if (parser.isSet(config)) {
        Result<train::TrainConfig> loaded = train::loadTrainConfig(parser.value(config).toStdString());
        if (!loaded) return fail(loaded.error());
        options.config = loaded.value();
    }
    options.startClips = *startClips;
    options.batchClips = *batchClips;
    options.rounds = *roundCount;
    options.heldOutFraction = *share;
    options.diversity = !parser.isSet(noDiversity);
    bool shareOk = false;
    options.randomShare = parser.value(randomShare).toDouble(&shareOk);
    if (!shareOk || options.randomShare < 0.0 || options.randomShare > 1.0)
        return usageError(name, QStringLiteral("--random-share is a share from 0 to 1, not '%1'").arg(parser.value(randomShare)));
    options.seed = std::uint32_t(*seedValue);

    Result<train::LabelledDataset> read =
        readProjectOrDatasetFile(parser.value(project).toStdString(), parser.value(dataset).toStdString(), options.config.trunkKind);
    if (!read) return fail(read.error());
    train::LabelledDataset data = std::move(read).value();
    if (parser.isSet(task)) {
        options.task = data.taskIndex(parser.value(task).toStdString());
        if (options.task < 0) return fail(QStringLiteral("the clips have no task '%1'").arg(parser.value(task)));
    }
    Result<std::vector<int>> items = train::itemsOfSplit(data, parser.value(split).toStdString());
    if (!items) return fail(items.error());
    catchInterrupts();
    ProgressLine progress(QStringLiteral("training"));
    train::ActiveLearningCallbacks callbacks;
    callbacks.progress = [&](int done, int total) { progress.update(done, total); };
    callbacks.shouldCancel = [] { return interrupted(); };
    Result<train::ActiveLearningReport> report = train::simulateActiveLearning(data, items.value(), options, callbacks);
    progress.finish();
    if (!report) return fail(report.error());
    if (Status s = writeJsonResult(train::activeLearningToJson(report.value(), options), parser.value(output)); !s) return fail(s.error());
    return report->cancelled ? kExitFailure : kExitSuccess;
}

}  // namespace

void registerActiveLearningCommand(CommandRegistry& registry) {
    registry.add({QStringLiteral("active-learning-sim"),
                  QStringLiteral("Accuracy against labelled clips: clips chosen by the model's uncertainty vs at random"),
                  runActiveLearningSim});
}

}  // namespace actionlens::cli
