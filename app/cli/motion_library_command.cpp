// actionlens-cli motion-library --from DIR -o FILE: builds the compact motion library that ships
// in resources/motion (see its README) from a folder of Penn Action label files. It is a CLI
// command rather than a separate program because it needs exactly what the CLI already links
// (core/formats to read the .mat files, core/synth for the format), and a maintainer rebuilding
// the resource already has actionlens-cli built. The output is deterministic: the same folder
// gives the same bytes, which tests/core/synth checks against the committed file.

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "core/synth/motion_library.h"

#include <QFile>
#include <QSaveFile>

namespace actionlens::cli {

namespace {

int runMotionLibrary(const QStringList& arguments) {
    const QString name = QStringLiteral("motion-library");
    QCommandLineParser parser;
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("Folder of Penn Action label files (NNNN.mat)."),
                                  QStringLiteral("dir"));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Library file to write (resources/motion/penn_action_motions.bin)."),
                                    QStringLiteral("file"));
    const QCommandLineOption perPair(QStringLiteral("per-pair"),
                                     QStringLiteral("Sequences kept per action and viewpoint (default 2)."),
                                     QStringLiteral("n"), QStringLiteral("2"));
    for (const auto& option : {from, output, perPair}) parser.addOption(option);
    if (auto stop = parseCommandLine(parser, name,
                                     QStringLiteral("Builds the compact motion library that synth uses when no --motions "
                                                    "folder is given: a few Penn Action sequences per action and viewpoint, "
                                                    "invisible joints filled, 16-bit coordinates."),
                                     arguments, 0)) {
        return *stop;
    }
    if (!parser.isSet(from)) return usageError(name, QStringLiteral("--from DIR is required"));
    if (!parser.isSet(output)) return usageError(name, QStringLiteral("-o FILE is required"));
    const auto count = parseInteger(name, QStringLiteral("--per-pair"), parser.value(perPair), 1, 100);
    if (!count) return kExitUsage;

    auto build = synth::buildMotionLibrary(parser.value(from).toStdString(), *count);
    if (!build.ok()) return fail(build.error());
    QSaveFile file(parser.value(output));
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(build->bytes.data(), static_cast<qint64>(build->bytes.size())) != static_cast<qint64>(build->bytes.size()) ||
        !file.commit()) {
        return fail(QStringLiteral("cannot write '%1': %2").arg(parser.value(output), file.errorString()));
    }
    printLine(QStringLiteral("%1: %2 sequences from %3 label files, %4 bytes")
                  .arg(parser.value(output))
                  .arg(build->sequences)
                  .arg(build->filesRead)
                  .arg(build->bytes.size()));
    return kExitSuccess;
}

}  // namespace

void registerMotionLibraryCommand(CommandRegistry& registry) {
    registry.add({QStringLiteral("motion-library"), QStringLiteral("Build the built-in motion library from Penn Action label files"),
                  runMotionLibrary});
}

}  // namespace actionlens::cli
