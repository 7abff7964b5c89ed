// actionlens-cli runs: the model runs a project records (trainings, evaluations, ablations, from
// the window or the CLI) as JSON, read beside the window that has the project open.

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "app/cli/learning_support.h"
#include "core/runs/run_json.h"

#include <QFileInfo>

namespace actionlens::cli {

namespace {

int runRuns(const QStringList& arguments) {
    const QString name = QStringLiteral("runs");
    QCommandLineParser parser;
    const QCommandLineOption project = projectOption();
    const QCommandLineOption output = outputOption(QStringLiteral("Write the JSON here instead of stdout."));
    for (const QCommandLineOption* o : {&project, &output}) parser.addOption(*o);
    if (auto stop = parseCommandLine(parser, name,
                                     QStringLiteral("Lists the project's model runs as JSON, oldest first: every field of "
                                                    "each run (id, name, kind, status, origin, parent_id, checkpoint, device, "
                                                    "started_ms, ended_ms, message) with its config, per-epoch history, "
                                                    "metrics and data as JSON. Reads the project beside the window."),
                                     arguments, 0))
        return *stop;
    if (!parser.isSet(project)) return usageError(name, QStringLiteral("-p PROJECT is required"));
    const QString path = parser.value(project);
    if (!QFileInfo::exists(path)) return fail(QStringLiteral("project '%1' does not exist").arg(path));
    auto store = annotation::ProjectStore::openToRead(path.toStdString());
    if (!store) return fail(store.error());
    auto recorded = store.value()->runs();
    if (!recorded) return fail(recorded.error());
    nlohmann::ordered_json json = nlohmann::ordered_json::object();
    json["project"] = path.toStdString();
    json["runs"] = runs::runsToJson(recorded.value());
    if (Status s = writeJsonResult(json, parser.value(output)); !s) return fail(s.error());
    return kExitSuccess;
}

}  // namespace

void registerRunsCommand(CommandRegistry& registry) {
    registry.add({QStringLiteral("runs"), QStringLiteral("List a project's model runs (trainings, evaluations, ablations) as JSON"),
                  runRuns});
}

}  // namespace actionlens::cli
