// actionlens-cli import / export / info: projects from the command line.

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "app/cli/progress_line.h"
#include "core/annotation/project_store.h"
#include "core/formats/format_registry.h"
#include "core/privacy/privacy_export.h"
#include "core/privacy/pseudonyms.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <filesystem>

namespace actionlens::cli {

namespace {

const QCommandLineOption kProjectOption(QStringList{QStringLiteral("p"), QStringLiteral("project")},
                                        QStringLiteral("Project file (.alproj)."), QStringLiteral("project"));

QString formatList(bool forImport) {
    QStringList lines;
    for (const formats::FormatHandler& handler : formats::formatHandlers()) {
        if (forImport ? !handler.importer : !handler.exporter) continue;
        lines << QStringLiteral("  %1  %2").arg(QString::fromStdString(handler.name), -14).arg(QString::fromStdString(handler.description));
    }
    return lines.join(QLatin1Char('\n'));
}

int runImport(const QStringList& arguments) {
    const QString name = QStringLiteral("import");
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("source"), QStringLiteral("File or folder to import."));
    const QCommandLineOption format(QStringList{QStringLiteral("f"), QStringLiteral("format")},
                                    QStringLiteral("Format of the source (see below)."), QStringLiteral("name"));
    const QCommandLineOption annotator(QStringLiteral("annotator"),
                                       QStringLiteral("Put every person's segment the import adds in this annotator's layer "
                                                      "(a colleague's file becomes their layer, for `agreement`)."),
                                       QStringLiteral("name"));
    parser.addOption(format);
    parser.addOption(kProjectOption);
    parser.addOption(annotator);
    const QCommandLineOption layout(QStringLiteral("layout"),
                                    QStringLiteral("The skeleton layout to read into where the file cannot tell (openpose: "
                                                   "BODY_25, the default for 25 points, or BODY_25B)."),
                                    QStringLiteral("name"));
    parser.addOption(layout);
    const QCommandLineOption video(QStringLiteral("video"),
                                   QStringLiteral("The project's video that observations without a media file belong to "
                                                  "(boris: LIVE observations), by name or file name."),
                                   QStringLiteral("name"));
    parser.addOption(video);
    if (auto stop = parseCommandLine(parser, name,
                                     QStringLiteral("Imports annotations or a dataset into a project, creating the project "
                                                    "if it does not exist. All or nothing: on any error the project is left "
                                                    "as it was.\n\nFormats:\n") + formatList(true),
                                     arguments, 1)) {
        return *stop;
    }
    if (!parser.isSet(format)) return usageError(name, QStringLiteral("--format is required"));
    if (!parser.isSet(kProjectOption)) return usageError(name, QStringLiteral("-p PROJECT is required"));
    const std::string formatName = parser.value(format).toStdString();
    const formats::FormatHandler* handler = formats::findFormat(formatName);
    if (!handler || !handler->importer) {
        return usageError(name, QStringLiteral("unknown import format '%1'").arg(parser.value(format)));
    }
    const std::string projectPath = parser.value(kProjectOption).toStdString();
    const bool created = !std::filesystem::exists(projectPath);
    auto store = created ? annotation::ProjectStore::create(projectPath) : annotation::ProjectStore::open(projectPath);
    if (!store.ok()) return fail(store.error());

    ProgressLine progress(QStringLiteral("importing"));
    formats::ImportOptions options;
    options.progress = [&](std::int64_t done, std::int64_t total) { progress.update(done, total); };
    options.annotator = parser.value(annotator).trimmed().toStdString();
    options.layout = parser.value(layout).trimmed().toStdString();
    options.video = parser.value(video).trimmed().toStdString();
    options.warning = [&](const std::string& message) {
        progress.interrupt();
        std::fprintf(stderr, "actionlens-cli: warning: %s\n", message.c_str());
    };
    const std::string source = parser.positionalArguments().front().toStdString();
    Status imported = formats::importProject(formatName, source, *store.value(), options);
    progress.finish();
    if (!imported.ok()) {
        store.value().reset();
        if (created) {
            // A project this command created for an import that failed would only be litter.
            std::error_code ec;
            for (const char* suffix : {"", "-wal", "-shm", ".lock"}) std::filesystem::remove(projectPath + suffix, ec);
        }
        return fail(imported.error());
    }
    auto counts = store.value()->counts();
    if (!counts.ok()) return fail(counts.error());
    printLine(QStringLiteral("%1: %2 videos, %3 subjects, %4 segments, %5 skeleton frames")
                  .arg(QString::fromStdString(projectPath))
                  .arg(counts->videos)
                  .arg(counts->subjects)
                  .arg(counts->segments)
                  .arg(counts->skeletonFrames));
    return kExitSuccess;
}

int runExport(const QStringList& arguments) {
    const QString name = QStringLiteral("export");
    QCommandLineParser parser;
    const QCommandLineOption format(QStringList{QStringLiteral("f"), QStringLiteral("format")},
                                    QStringLiteral("Format to write (see below)."), QStringLiteral("name"));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("File to write (elan: a folder of .eaf files when the project has several videos)."),
                                    QStringLiteral("file"));
    const QCommandLineOption pseudonymise(QStringLiteral("pseudonymise"),
                                          QStringLiteral("Subjects, videos and annotators under stable pseudonyms (a keyed hash with the "
                                                         "project's secret), no video file names or paths, model runs left out."));
    const QCommandLineOption keepText(QStringLiteral("keep-free-text"),
                                      QStringLiteral("With --pseudonymise: keep model runs' names, configs and messages."));
    const QCommandLineOption keepLayouts(QStringLiteral("keep-layouts"),
                                         QStringLiteral("coco: every skeleton in its own layout (BODY_25, MediaPipe-33 ...: a "
                                                        "category each) instead of mapped to COCO-17 where it can be."));
    parser.addOption(format);
    parser.addOption(kProjectOption);
    parser.addOption(output);
    parser.addOption(keepLayouts);
    const QCommandLineOption consent = subjectsOption(QStringLiteral("to export"));
    parser.addOption(pseudonymise);
    parser.addOption(keepText);
    parser.addOption(consent);
    if (auto stop = parseCommandLine(parser, name,
                                     QStringLiteral("Exports a project. The output appears only when complete.\n\nFormats:\n") +
                                         formatList(false),
                                     arguments, 0)) {
        return *stop;
    }
    if (!parser.isSet(format)) return usageError(name, QStringLiteral("--format is required"));
    if (!parser.isSet(kProjectOption)) return usageError(name, QStringLiteral("-p PROJECT is required"));
    if (!parser.isSet(output)) return usageError(name, QStringLiteral("-o OUT is required"));
    const formats::FormatHandler* handler = formats::findFormat(parser.value(format).toStdString());
    if (!handler || !handler->exporter) {
        return usageError(name, QStringLiteral("unknown export format '%1'").arg(parser.value(format)));
    }
    if (parser.isSet(keepText) && !parser.isSet(pseudonymise)) return usageError(name, QStringLiteral("--keep-free-text needs --pseudonymise"));
    if (parser.isSet(keepLayouts) && handler->name != "coco")
        return usageError(name, QStringLiteral("--keep-layouts is for --format coco"));
    const auto limit = parseSubjects(name, parser, consent);
    if (!limit) return kExitUsage;
    // A reader: it runs beside the window that has the project open. Pseudonyms may need the
    // project's secret made first, which takes the writer where nobody else holds it.
    const std::string projectPath = parser.value(kProjectOption).toStdString();
    auto store = annotation::ProjectStore::openToRead(projectPath);
    const auto secretMissing = [&] {
        auto secret = store.value()->infoValue(privacy::kPseudonymSecretKey);
        return secret.ok() && secret->empty();
    };
    if (store.ok() && parser.isSet(pseudonymise) && store.value()->isReadOnly() && secretMissing()) {
        store.value().reset();
        if (auto writer = annotation::ProjectStore::open(projectPath); writer) store = std::move(writer);
        else store = annotation::ProjectStore::openToRead(projectPath);
    }
    if (!store.ok()) return fail(store.error());
    ProgressLine progress(QStringLiteral("exporting"));
    formats::ExportOptions options;
    options.progress = [&](std::int64_t done, std::int64_t total) { progress.update(done, total); };
    options.keepSkeletonLayouts = parser.isSet(keepLayouts);
    privacy::PrivacyOptions privacy;
    privacy.pseudonymise = parser.isSet(pseudonymise);
    privacy.keepFreeText = parser.isSet(keepText);
    privacy.consent = *limit;
    Status written = privacy::exportWithPrivacy(handler->name, *store.value(), parser.value(output).toStdString(), options, privacy);
    progress.finish();
    if (!written.ok()) return fail(written.error());
    printLine(QStringLiteral("%1: written").arg(parser.value(output)));
    return kExitSuccess;
}

int runInfo(const QStringList& arguments) {
    const QString name = QStringLiteral("info");
    QCommandLineParser parser;
    parser.addOption(kProjectOption);
    if (auto stop = parseCommandLine(parser, name, QStringLiteral("Prints a project's contents as JSON counts, per split too."),
                                     arguments, 0)) {
        return *stop;
    }
    if (!parser.isSet(kProjectOption)) return usageError(name, QStringLiteral("-p PROJECT is required"));
    const QString path = parser.value(kProjectOption);
    if (!QFileInfo::exists(path)) return fail(QStringLiteral("'%1' does not exist").arg(path));
    auto store = annotation::ProjectStore::openToRead(path.toStdString());  // beside the window too
    if (!store.ok()) return fail(store.error());
    auto counts = store.value()->counts();
    if (!counts.ok()) return fail(counts.error());
    auto splits = store.value()->splitCounts();
    if (!splits.ok()) return fail(splits.error());
    auto version = store.value()->schemaVersion();
    if (!version.ok()) return fail(version.error());

    QJsonObject perSplit;
    for (const annotation::SplitCounts& split : splits.value()) {
        perSplit.insert(QString::fromStdString(split.split),
                        QJsonObject{{QStringLiteral("videos"), qint64(split.videos)},
                                    {QStringLiteral("segments"), qint64(split.segments)},
                                    {QStringLiteral("skeleton_frames"), qint64(split.skeletonFrames)}});
    }
    QJsonArray tasks;
    for (const annotation::TaskDefinition& task : store.value()->taxonomy().tasks) {
        tasks.append(QJsonObject{{QStringLiteral("name"), QString::fromStdString(task.name)},
                                 {QStringLiteral("kind"), QString::fromLatin1(annotation::taskKindName(task.kind))},
                                 {QStringLiteral("scope"), QString::fromLatin1(annotation::taskScopeName(task.scope))},
                                 {QStringLiteral("values"), qint64(task.values.size())},
                                 {QStringLiteral("groups"), qint64(task.groups.size())}});
    }
    const QJsonObject json{
        {QStringLiteral("project"), path},
        {QStringLiteral("schema_version"), version.value()},
        {QStringLiteral("videos"), qint64(counts->videos)},
        {QStringLiteral("subjects"), qint64(counts->subjects)},
        {QStringLiteral("segments"), qint64(counts->segments)},
        {QStringLiteral("skeleton_frames"), qint64(counts->skeletonFrames)},
        {QStringLiteral("splits"), perSplit},
        {QStringLiteral("taxonomy"), QString::fromStdString(store.value()->taxonomy().name)},
        {QStringLiteral("tasks"), tasks},
    };
    std::fputs(QJsonDocument(json).toJson(QJsonDocument::Indented).constData(), stdout);
    return kExitSuccess;
}

}  // namespace

void registerProjectCommands(CommandRegistry& registry) {
    registry.add({QStringLiteral("import"), QStringLiteral("Import annotations or a dataset into a project (creates it)"), runImport});
    registry.add({QStringLiteral("export"), QStringLiteral("Export a project in another format"), runExport});
    registry.add({QStringLiteral("info"), QStringLiteral("Count a project's videos, subjects, segments, skeletons per split (JSON)"),
                  runInfo});
}

}  // namespace actionlens::cli
