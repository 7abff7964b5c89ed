// actionlens-cli anonymise -p PROJECT [--video ID] -o DIR: blurred copies of a project's videos
// (faces from skeletons, and the face detector for faces without one) and a pseudonymised
// project referring to them.

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "app/cli/progress_line.h"
#include "core/annotation/project_store.h"
#include "core/privacy/project_anonymisation.h"

#include <QFileInfo>

#include <cstdio>

namespace actionlens::cli {

namespace {

// A writer where nobody holds the project (the pseudonym secret may have to be made), else a reader.
Result<std::unique_ptr<annotation::ProjectStore>> openForPseudonyms(const std::string& path) {
    if (auto writer = annotation::ProjectStore::open(path); writer) return writer;
    return annotation::ProjectStore::openToRead(path);
}

int runAnonymise(const QStringList& arguments) {
    const QString name = QStringLiteral("anonymise");
    QCommandLineParser parser;
    const QCommandLineOption project(QStringList{QStringLiteral("p"), QStringLiteral("project")}, QStringLiteral("Project file (.alproj)."),
                                     QStringLiteral("project"));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Folder to write anonymised.alproj and videos/ into (made if missing)."),
                                    QStringLiteral("dir"));
    const QCommandLineOption video(QStringLiteral("video"),
                                   QStringLiteral("Only this video (its id; repeat for several). Default: every video."),
                                   QStringLiteral("id"));
    const QCommandLineOption style(QStringLiteral("style"), QStringLiteral("blur (Gaussian, default) or pixelate."), QStringLiteral("style"),
                                   QStringLiteral("blur"));
    const QCommandLineOption margin(QStringLiteral("margin"),
                                    QStringLiteral("Added around each head on every side, as a share of its size (default 0.25)."),
                                    QStringLiteral("share"), QStringLiteral("0.25"));
    const QCommandLineOption noDetector(QStringLiteral("no-face-detector"),
                                        QStringLiteral("Blur only the heads of people with skeletons (no search for other faces)."));
    const QCommandLineOption cascade(QStringLiteral("cascade"),
                                     QStringLiteral("The face detector's OpenCV cascade file (default: opencv-data's frontal face cascade)."),
                                     QStringLiteral("file"));
    const QCommandLineOption keepText(QStringLiteral("keep-free-text"),
                                      QStringLiteral("Keep model runs' names, configs and messages in the project (paths still go)."));
    const QCommandLineOption consent = subjectsOption(QStringLiteral("the project keeps (every face is blurred)"));
    for (const auto& option : {project, output, video, style, margin, noDetector, cascade, keepText, consent}) parser.addOption(option);
    if (auto stop = parseCommandLine(parser, name,
                                     QStringLiteral("Writes an anonymised edition of a project into DIR: videos/ with every video's faces "
                                                    "blurred (heads from the skeletons' face joints, other faces by OpenCV's face "
                                                    "detector; same frames at the same times, no sound) and anonymised.alproj, the "
                                                    "project with subjects, videos and annotators under stable pseudonyms (a keyed hash "
                                                    "with the project's secret), pointing at the copies. All or nothing."),
                                     arguments, 0)) {
        return *stop;
    }
    if (!parser.isSet(project)) return usageError(name, QStringLiteral("-p PROJECT is required"));
    if (!parser.isSet(output)) return usageError(name, QStringLiteral("-o DIR is required"));
    privacy::AnonymiseOptions options;
    options.outputFolder = parser.value(output).toStdString();
    if (!privacy::parseBlurStyle(parser.value(style).toStdString(), &options.blur.style))
        return usageError(name, QStringLiteral("--style must be blur or pixelate, not '%1'").arg(parser.value(style)));
    bool ok = false;
    const double share = parser.value(margin).toDouble(&ok);
    if (!ok || share < 0.0 || share > 2.0) return usageError(name, QStringLiteral("--margin must be a number from 0 to 2"));
    options.blur.margin = static_cast<float>(share);
    for (const QString& id : parser.values(video)) {
        auto parsed = parseInteger(name, QStringLiteral("--video"), id, 1, std::numeric_limits<int>::max());
        if (!parsed) return kExitUsage;
        options.videoIds.push_back(*parsed);
    }
    options.detectFaces = !parser.isSet(noDetector);
    options.cascadePath = parser.value(cascade).toStdString();
    options.privacy.keepFreeText = parser.isSet(keepText);
    const auto limit = parseSubjects(name, parser, consent);
    if (!limit) return kExitUsage;
    options.privacy.consent = *limit;

    auto store = openForPseudonyms(parser.value(project).toStdString());
    if (!store) return fail(store.error());
    ProgressLine progress(QStringLiteral("anonymising"));
    options.progress = [&](int videoIndex, int videos, int frame, int frames) {
        progress.update(static_cast<std::int64_t>(videoIndex) * 1000 + (frames > 0 ? 1000LL * frame / frames : 0), videos * 1000LL);
    };
    auto summary = privacy::anonymiseProject(*store.value(), options);
    progress.finish();
    if (!summary) return fail(summary.error());
    std::int64_t regions = 0, frames = 0;
    for (const privacy::AnonymisedVideo& v : summary->videos) {
        regions += v.regions;
        frames += v.frames;
        if (!v.path.empty())
            printLine(QStringLiteral("video %1 -> %2 (%3 frames, %4 face regions blurred)")
                          .arg(v.videoId)
                          .arg(QString::fromStdString(v.path))
                          .arg(v.frames)
                          .arg(v.regions));
    }
    printLine(QStringLiteral("%1: %2 videos, %3 frames, %4 face regions blurred")
                  .arg(QString::fromStdString(summary->projectPath))
                  .arg(summary->videos.size())
                  .arg(frames)
                  .arg(regions));
    return kExitSuccess;
}

}  // namespace

void registerAnonymiseCommand(CommandRegistry& registry) {
    registry.add({QStringLiteral("anonymise"),
                  QStringLiteral("Blurred copies of a project's videos and a pseudonymised project referring to them"), runAnonymise});
}

}  // namespace actionlens::cli
