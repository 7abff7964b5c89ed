// actionlens-cli export-dataset: a project's labelled skeleton clips in one dataset file
// (.alds), for training and cross-validation on a machine that has LibTorch but no Qt (a GPU
// server): the learning core and tests/bench/train/dataset_ablation read it.

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "app/cli/learning_support.h"
#include "core/train/dataset_file.h"

#include <cstdio>

namespace actionlens::cli {

namespace {

int runExportDataset(const QStringList& arguments) {
    const QString name = QStringLiteral("export-dataset");
    QCommandLineParser parser;
    const QCommandLineOption project = projectOption();
    const QCommandLineOption split(QStringLiteral("split"), QStringLiteral("Clips to export: a split name or 'all' (default)."),
                                   QStringLiteral("name"), QStringLiteral("all"));
    const QCommandLineOption output = outputOption(QStringLiteral("The dataset file to write (.alds)."));
    for (const QCommandLineOption* o : {&project, &split, &output}) parser.addOption(*o);
    if (auto stop = parseCommandLine(parser, name,
                                     QStringLiteral("Writes the project's labelled segments as skeleton clips with their "
                                                    "labels, tasks, hierarchy and skeleton layout into one file."),
                                     arguments, 0))
        return *stop;
    if (!parser.isSet(project)) return usageError(name, QStringLiteral("-p PROJECT is required"));
    if (!parser.isSet(output)) return usageError(name, QStringLiteral("-o FILE is required"));
    Result<ProjectDataset> data = readProjectDataset(parser.value(project).toStdString());
    if (!data) return fail(data.error());
    Result<std::vector<int>> items = train::itemsOfSplit(data->dataset, parser.value(split).toStdString());
    if (!items) return fail(items.error());
    train::LabelledDataset chosen = data->dataset;
    chosen.clips.clear();
    for (int i : items.value()) chosen.clips.push_back(data->dataset.clips[size_t(i)]);
    if (Status s = train::writeDatasetFile(chosen, parser.value(output).toStdString()); !s) return fail(s.error());
    std::fprintf(stderr, "wrote %zu clips, %zu tasks to %s\n", chosen.clips.size(), chosen.tasks.size(),
                 qPrintable(parser.value(output)));
    return kExitSuccess;
}

}  // namespace

void registerExportDatasetCommand(CommandRegistry& registry) {
    registry.add({QStringLiteral("export-dataset"), QStringLiteral("Write a project's labelled skeleton clips to a dataset file"),
                  runExportDataset});
}

}  // namespace actionlens::cli
