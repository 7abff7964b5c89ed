// actionlens-cli synth -o PROJECT.alproj [--motions DIR]: a ready project of rendered mannequin
// videos driven by Penn Action motion, with exact skeletons, segments and subject attributes.

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "app/cli/progress_line.h"
#include "core/synth/motion_clip.h"
#include "core/synth/motion_library.h"
#include "core/synth/synth_project.h"

#include <cstdio>
#include <optional>

namespace actionlens::cli {

namespace {

int runSynth(const QStringList& arguments) {
    const QString name = QStringLiteral("synth");
    QCommandLineParser parser;
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Project to create (.alproj); the videos go to PROJECT_videos/ beside it."),
                                    QStringLiteral("project"));
    const QCommandLineOption videos(QStringLiteral("videos"), QStringLiteral("Number of videos (default 12)."),
                                    QStringLiteral("n"), QStringLiteral("12"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed, 0-4294967295 (default 1): a seed gives the same labels and skeletons."),
                                  QStringLiteral("s"), QStringLiteral("1"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Picture size WxH, even numbers (default 320x240)."),
                                  QStringLiteral("WxH"), QStringLiteral("320x240"));
    const QCommandLineOption fps(QStringLiteral("fps"), QStringLiteral("Frames per second, whole number (default 25)."),
                                 QStringLiteral("rate"), QStringLiteral("25"));
    const QCommandLineOption motions(QStringLiteral("motions"),
                                     QStringLiteral("Folder of Penn Action label files (NNNN.mat) whose motion drives the mannequins "
                                                    "(default: the built-in library of a few sequences per action and viewpoint)."),
                                     QStringLiteral("dir"));
    const QCommandLineOption occluders(QStringLiteral("occluders"),
                                       QStringLiteral("seeded (default: some videos, chosen by the seed), always or never."),
                                       QStringLiteral("mode"), QStringLiteral("seeded"));
    const QCommandLineOption testFraction(QStringLiteral("test-fraction"),
                                          QStringLiteral("Share of videos in the \"test\" split, 0-1 (default 0.25)."),
                                          QStringLiteral("f"), QStringLiteral("0.25"));
    const QCommandLineOption twoPersons(QStringLiteral("two-person-chance"),
                                        QStringLiteral("Chance that a video shows a second person, 0-1 (default 0.25)."),
                                        QStringLiteral("p"), QStringLiteral("0.25"));
    const QCommandLineOption videoSeconds(QStringLiteral("seconds"),
                                     QStringLiteral("Length of each video in seconds, about (default 10): short motions are repeated, "
                                                    "long ones cut. 0 plays each source motion once (at most 3 s)."),
                                     QStringLiteral("seconds"), QStringLiteral("10"));
    for (const auto& option : {output, videos, seed, size, fps, motions, occluders, testFraction, twoPersons, videoSeconds}) {
        parser.addOption(option);
    }
    if (auto stop = parseCommandLine(parser, name,
                                     QStringLiteral("Renders a demo project: mannequins performing real Penn Action motion, "
                                                    "2-4 actions per video, with exact skeletons, action and viewpoint segments, "
                                                    "subject attributes (handedness, build, clothing) and per-frame limb masks "
                                                    "(VIDEO.limbs). All or nothing: on error nothing is left behind."),
                                     arguments, 0)) {
        return *stop;
    }
    if (!parser.isSet(output)) return usageError(name, QStringLiteral("-o PROJECT.alproj is required"));
    const auto videoCount = parseInteger(name, QStringLiteral("--videos"), parser.value(videos), 1, 10000);
    const auto rate = parseInteger(name, QStringLiteral("--fps"), parser.value(fps), 1, 120);
    const auto length = parseInteger(name, QStringLiteral("--seconds"), parser.value(videoSeconds), 0, 3600);
    if (!videoCount || !rate || !length) return kExitUsage;
    bool seedOk = false;
    const uint seedValue = parser.value(seed).toUInt(&seedOk);
    if (!seedOk) return usageError(name, QStringLiteral("--seed must be a whole number 0-4294967295, got '%1'").arg(parser.value(seed)));
    const auto requestedSize = parsePictureSize(name, parser.value(size), 4096, 4096);
    if (!requestedSize) return kExitUsage;
    const int width = requestedSize->width;
    const int height = requestedSize->height;

    auto fraction = [&](const QCommandLineOption& option) -> std::optional<double> {
        bool ok = false;
        const double value = parser.value(option).toDouble(&ok);
        if (!ok || value < 0.0 || value > 1.0) {
            usageError(name, QStringLiteral("--%1 must be a number from 0 to 1, got '%2'").arg(option.names().front(), parser.value(option)));
            return std::nullopt;
        }
        return value;
    };
    const auto testShare = fraction(testFraction);
    const auto twoPersonShare = fraction(twoPersons);
    if (!testShare || !twoPersonShare) return kExitUsage;
    synth::OccluderMode occluderMode = synth::OccluderMode::Seeded;
    if (parser.value(occluders) == QLatin1String("always")) {
        occluderMode = synth::OccluderMode::Always;
    } else if (parser.value(occluders) == QLatin1String("never")) {
        occluderMode = synth::OccluderMode::Never;
    } else if (parser.value(occluders) != QLatin1String("seeded")) {
        return usageError(name, QStringLiteral("--occluders must be seeded, always or never, got '%1'").arg(parser.value(occluders)));
    }

    synth::SynthSettings settings;
    settings.occluders = occluderMode;
    settings.testFraction = *testShare;
    settings.twoSubjectChance = *twoPersonShare;
    settings.projectPath = parser.value(output).toStdString();
    settings.videos = *videoCount;
    settings.seed = seedValue;
    settings.width = width;
    settings.height = height;
    settings.fps = *rate;
    settings.timing.targetSeconds = *length;
    std::vector<std::string> skipped;
    auto library = parser.isSet(motions) ? synth::loadMotionFolder(parser.value(motions).toStdString(), settings.fps, &skipped)
                                         : synth::builtInMotions(settings.fps);
    if (!library.ok()) return fail(library.error());
    if (!skipped.empty()) {
        std::fprintf(stderr, "actionlens-cli: warning: %zu label files without a visible joint left out (%s%s)\n", skipped.size(),
                     skipped.front().c_str(), skipped.size() > 1 ? ", ..." : "");
    }

    ProgressLine progress(QStringLiteral("rendering"));
    synth::SynthCallbacks callbacks;
    callbacks.progress = [&](std::int64_t done, std::int64_t total) { progress.update(done, total); };
    auto summary = synth::synthesiseProject(settings, library.value(), callbacks);
    progress.finish();
    if (!summary.ok()) return fail(summary.error());
    int frames = 0;
    int segments = 0;
    for (const synth::SynthVideoSummary& video : summary->videos) {
        frames += video.frameCount;
        segments += static_cast<int>(video.clips.size());
    }
    const double seconds = summary->renderSeconds + summary->encodeSeconds;
    printLine(QStringLiteral("%1: %2 videos (%3), %4 frames, %5 segments; %6 frames/s rendered and encoded (%7% encoding)")
                  .arg(parser.value(output))
                  .arg(summary->videos.size())
                  .arg(QString::fromStdString(summary->codec))
                  .arg(frames)
                  .arg(segments)
                  .arg(seconds > 0 ? frames / seconds : 0.0, 0, 'f', 0)
                  .arg(seconds > 0 ? 100.0 * summary->encodeSeconds / seconds : 0.0, 0, 'f', 0));
    return kExitSuccess;
}

}  // namespace

void registerSynthCommand(CommandRegistry& registry) {
    registry.add({QStringLiteral("synth"), QStringLiteral("Render a demo project of mannequins moving with Penn Action motion"), runSynth});
}

}  // namespace actionlens::cli
