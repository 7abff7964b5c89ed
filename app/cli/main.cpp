// actionlens-cli: the headless face of ActionLens. Wiring only: the commands live in their own
// files and register through register_commands.cpp.

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "build_info.h"
#include "core/media/library_versions.h"

#include <QCoreApplication>

#include <cstdio>

using namespace actionlens::cli;

namespace {

void printHelp(const CommandRegistry& registry, std::FILE* out) {
    std::fprintf(out,
                 "actionlens-cli %s: ActionLens without a window, for servers and scripts.\n\n"
                 "Usage: actionlens-cli COMMAND [ARGUMENTS...]\n"
                 "       actionlens-cli COMMAND --help\n"
                 "       actionlens-cli --version | --help\n\n"
                 "Commands:\n",
                 ACTIONLENS_VERSION);
    for (const CliCommand& command : registry.commands()) {
        std::fprintf(out, "  %-14s %s\n", qPrintable(command.name), qPrintable(command.summary));
    }
    std::fprintf(out, "\nFrames are numbered from 0. Exit status: 0 success, 1 failure, 2 bad usage.\n");
}

}  // namespace

int main(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("actionlens-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ACTIONLENS_VERSION));

    CommandRegistry registry;
    registerAllCommands(registry);

    QStringList arguments = QCoreApplication::arguments();
    arguments.removeFirst();
    if (arguments.isEmpty()) {
        printHelp(registry, stderr);
        return kExitUsage;
    }
    const QString first = arguments.takeFirst();
    if (first == QLatin1String("--help") || first == QLatin1String("-h") || first == QLatin1String("help")) {
        printHelp(registry, stdout);
        return kExitSuccess;
    }
    if (first == QLatin1String("--version") || first == QLatin1String("-v")) {
        std::printf("actionlens-cli %s\n%s, Qt %s, LibTorch %s\n", ACTIONLENS_VERSION,
                    actionlens::media::mediaLibraryVersions().c_str(), qVersion(), ACTIONLENS_TORCH_VERSION);
        return kExitSuccess;
    }
    const CliCommand* command = registry.find(first);
    if (!command) {
        std::fprintf(stderr, "actionlens-cli: unknown command '%s' (see 'actionlens-cli --help')\n", qPrintable(first));
        return kExitUsage;
    }
    return command->run(arguments);
}
