// actionlens-cli ablate: single-task vs multi-task models on a project, over seeds and folds.

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "app/cli/distributed_support.h"
#include "app/cli/learning_support.h"
#include "app/cli/progress_line.h"
#include "core/runs/run_record.h"
#include "core/train/ablation.h"
#include "core/train/dataset_file.h"
#include "core/train/file_replacement.h"
#include "core/train/label_mirror.h"
#include "core/train/trainer.h"

#include <cstdio>

namespace actionlens::cli {

namespace {

int runAblate(const QStringList& arguments) {
    const QString name = QStringLiteral("ablate");
    QCommandLineParser parser;
    const QCommandLineOption project = projectOption();
    const QCommandLineOption dataset(QStringLiteral("dataset"),
                                     QStringLiteral("Cross-validate over a dataset file (export-dataset) instead of a project."),
                                     QStringLiteral("file"));
    const QCommandLineOption merge(QStringLiteral("merge"),
                                   QStringLiteral("Merge the JSON reports given as arguments (ablations run in parallel, e.g. one "
                                                  "seed each with config seeds 1, 2, 3) into one table; trains nothing."));
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("Training config (JSON) shared by every model."),
                                    QStringLiteral("file"));
    const QCommandLineOption split(QStringLiteral("split"), QStringLiteral("Clips to cross-validate over: a split name or 'all' (default)."),
                                   QStringLiteral("name"), QStringLiteral("all"));
    const QCommandLineOption seeds(QStringLiteral("seeds"), QStringLiteral("Seeds (default 3)."), QStringLiteral("S"), QStringLiteral("3"));
    const QCommandLineOption folds(QStringLiteral("folds"), QStringLiteral("Grouped folds (default 5)."), QStringLiteral("K"), QStringLiteral("5"));
    const QCommandLineOption onlyFold(QStringLiteral("fold"),
                                      QStringLiteral("Run only this fold (1..K; repeatable), to spread one ablation over "
                                                     "processes or machines; --merge joins their reports."),
                                      QStringLiteral("k"));
    const QCommandLineOption groupBy(QStringLiteral("group-by"),
                                     QStringLiteral("Keep each video (default) or subject within one fold: video or subject."),
                                     QStringLiteral("what"), QStringLiteral("video"));
    const QCommandLineOption output = outputOption(QStringLiteral("Write the JSON here (the Markdown table then goes to stdout)."));
    const QCommandLineOption markdown(QStringLiteral("markdown"), QStringLiteral("Write the Markdown table to this file."),
                                      QStringLiteral("file"));
    const QCommandLineOption csv(QStringLiteral("csv"), QStringLiteral("Write the table as CSV to this file (full precision)."),
                                 QStringLiteral("file"));
    for (const QCommandLineOption* o : {&project, &dataset, &merge, &config, &split, &seeds, &folds, &onlyFold, &groupBy, &output, &markdown, &csv})
        parser.addOption(*o);
    const DistributedOptions distributed;
    distributed.addTo(parser);
    parser.addPositionalArgument(QStringLiteral("reports"), QStringLiteral("With --merge: the JSON reports to merge."),
                                 QStringLiteral("[REPORT.json...]"));
    if (auto stop = parseCommandLine(parser, name,
                                     QStringLiteral("Trains one single-task model per task and the multi-task model with the "
                                                    "same config and budget on S seeds x K grouped folds, and reports per "
                                                    "task the test accuracy (mean +- std) of both and their paired "
                                                    "difference with a 95 % confidence interval. With -p the ablation "
                                                    "reads the project beside the window and is recorded in it as a run "
                                                    "unless the window has it open. With --distributed, the processes "
                                                    "that torchrun starts train each model together; rank 0 prints, "
                                                    "records and writes."),
                                     arguments, -1))
        return *stop;
    const auto writeReport = [&](const train::AblationReport& report) {
        const std::string table = train::ablationToMarkdown(report);
        if (parser.isSet(markdown))
            if (Status s = train::writeTextFileAtomically(parser.value(markdown).toStdString(), table); !s) return fail(s.error());
        if (parser.isSet(csv))
            if (Status s = train::writeTextFileAtomically(parser.value(csv).toStdString(), train::ablationToCsv(report)); !s)
                return fail(s.error());
        if (Status s = writeJsonResult(train::ablationToJson(report), parser.value(output)); !s) return fail(s.error());
        if (parser.isSet(output) && !parser.isSet(markdown)) std::fputs(table.c_str(), stdout);
        return int(kExitSuccess);
    };
    if (parser.isSet(merge)) {
        if (parser.positionalArguments().isEmpty()) return usageError(name, QStringLiteral("--merge needs the reports to merge"));
        std::vector<std::string> files;
        for (const QString& file : parser.positionalArguments()) files.push_back(file.toStdString());
        Result<train::AblationReport> merged = train::mergeAblationReportFiles(files);
        if (!merged) return fail(merged.error());
        return writeReport(merged.value());
    }
    if (!parser.positionalArguments().isEmpty()) return usageError(name, QStringLiteral("reports are given with --merge only"));
    if (parser.isSet(project) == parser.isSet(dataset))
        return usageError(name, QStringLiteral("give either -p PROJECT or --dataset FILE"));
    auto seedCount = parseInteger(name, QStringLiteral("--seeds"), parser.value(seeds), 1, 100);
    auto foldCount = parseInteger(name, QStringLiteral("--folds"), parser.value(folds), 2, 100);
    if (!seedCount || !foldCount) return kExitUsage;
    if (parser.value(groupBy) != QStringLiteral("video") && parser.value(groupBy) != QStringLiteral("subject"))
        return usageError(name, QStringLiteral("--group-by is video or subject"));

    train::AblationRequest request;
    if (parser.isSet(config)) {
        Result<train::TrainConfig> loaded = train::loadTrainConfig(parser.value(config).toStdString());
        if (!loaded) return fail(loaded.error());
        request.config = loaded.value();
    }
    Result<train::LabelledDataset> read =
        readProjectOrDatasetFile(parser.value(project).toStdString(), parser.value(dataset).toStdString(), request.config.trunkKind);
    if (!read) return fail(read.error());
    train::LabelledDataset data = std::move(read).value();
    Result<std::vector<int>> items = train::itemsOfSplit(data, parser.value(split).toStdString());
    if (!items) return fail(items.error());
    request.dataset = &data;
    request.items = items.value();
    if (Result<train::ModelSnapshot> planned = train::snapshotFor(data, request.items, request.config))
        if (const std::string notice = train::undeclaredMirrorNotice(data, planned.value(), request.config); !notice.empty())
            std::fprintf(stderr, "actionlens-cli: note: %s\n", notice.c_str());
    request.seeds = *seedCount;
    request.folds = *foldCount;
    for (const QString& k : parser.values(onlyFold)) {
        auto fold = parseInteger(name, QStringLiteral("--fold"), k, 1, *foldCount);
        if (!fold) return kExitUsage;
        request.onlyFolds.push_back(*fold);
    }
    request.groupBy = parser.value(groupBy) == QStringLiteral("subject") ? train::GroupBy::Subject : train::GroupBy::Video;
    // Every rank has read the project before rank 0 records the ablation in it.
    int exitCode = kExitSuccess;
    std::optional<std::unique_ptr<train::ProcessGroup>> group =
        joinIfDistributed(parser, name, distributed, request.config.device, &exitCode);
    if (!group) return exitCode;
    request.processGroup = group->get();
    if (*group && group->get()->rank() != 0) {
        // The same models, trained together; nothing printed, recorded or written.
        const std::unique_ptr<VideoFrames> frames = videoFramesFor(request.config.trunkKind, request.config.videoCacheMiB);
        request.videoClips = frames ? &frames->cache : nullptr;
        catchInterrupts();
        train::AblationCallbacks callbacks;
        callbacks.shouldCancel = [] { return interrupted(); };
        Result<train::AblationReport> report = train::runAblation(request, callbacks);
        return report ? kExitSuccess : fail(report.error());
    }
    const std::unique_ptr<VideoFrames> frames = videoFramesFor(request.config.trunkKind, request.config.videoCacheMiB);
    request.videoClips = frames ? &frames->cache : nullptr;

    // An ablation of a project is one of its runs, recorded at its start and end (not while the
    // window has the project open: the report is then the output alone).
    const std::string projectPath = parser.value(project).toStdString();
    annotation::TrainingRun run = runs::startedAblationRun("", "cli", request, parser.value(split).toStdString(), nowMs());
    bool warned = false;
    const auto record = [&](const char* what) {
        if (parser.isSet(project)) recordRunInProject(projectPath, run, what, "", &warned);
    };
    record("the ablation");

    catchInterrupts();
    ProgressLine progress(QStringLiteral("ablation runs"));
    train::AblationCallbacks callbacks;
    callbacks.progress = [&](int done, int total, const std::string&) { progress.update(done, total); };
    callbacks.shouldCancel = [] { return interrupted(); };
    Result<train::AblationReport> report = train::runAblation(request, callbacks);
    progress.finish();
    if (!report) {
        runs::endRun(run, interrupted() ? annotation::RunStatus::Cancelled : annotation::RunStatus::Failed, report.error(), nowMs());
        record(run.id ? "the ablation's end" : "the ablation");
        return fail(report.error());
    }
    runs::finishAblationRun(run, report.value(), nowMs());
    record(run.id ? "the ablation's end" : "the ablation");
    return writeReport(report.value());
}

}  // namespace

void registerAblateCommand(CommandRegistry& registry) {
    registry.add({QStringLiteral("ablate"), QStringLiteral("Single-task vs multi-task models over seeds and grouped folds"), runAblate});
}

}  // namespace actionlens::cli
