// actionlens-cli probe VIDEO: what a video holds, as JSON.

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "core/media/frame_source.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace actionlens::cli {

namespace {

int runProbe(const QStringList& arguments) {
    const QString name = QStringLiteral("probe");
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("video"), QStringLiteral("Video file, or folder of images."));
    const QCommandLineOption fps(QStringLiteral("fps"), QStringLiteral("Frame rate of an image folder (default 25)."),
                                 QStringLiteral("rate"), QStringLiteral("25"));
    parser.addOption(fps);
    if (auto stop = parseCommandLine(parser, name,
                                     QStringLiteral("Prints frames, frame rate, duration, size, codec and keyframes as JSON."),
                                     arguments, 1)) {
        return *stop;
    }
    media::OpenOptions options;
    const auto rate = parsePositive(name, QStringLiteral("--fps"), parser.value(fps));
    if (!rate) return kExitUsage;
    options.imageSequenceFps = *rate;

    const QString path = parser.positionalArguments().front();
    auto source = media::openFrameSource(path.toStdString(), options);
    if (!source.ok()) return fail(source.error());
    const media::VideoInfo& info = source.value()->info();
    const media::FrameIndex& index = source.value()->index();

    QJsonArray keyframes;
    for (int k : index.keyframes()) keyframes.append(k);
    QJsonObject json{
        {QStringLiteral("path"), path},
        {QStringLiteral("container"), QString::fromStdString(info.container)},
        {QStringLiteral("codec"), QString::fromStdString(info.codec)},
        {QStringLiteral("width"), info.width},
        {QStringLiteral("height"), info.height},
        {QStringLiteral("frames"), info.frameCount},
        {QStringLiteral("fps"), info.fps},
        {QStringLiteral("duration"), info.durationSeconds},
        {QStringLiteral("variable_frame_rate"), info.variableFrameRate},
        {QStringLiteral("b_frames"), index.hasReordering()},
        {QStringLiteral("time_base"),
         QStringLiteral("%1/%2").arg(index.timeBase().num).arg(index.timeBase().den)},
        {QStringLiteral("keyframes"), keyframes},
    };
    std::fputs(QJsonDocument(json).toJson(QJsonDocument::Indented).constData(), stdout);
    return kExitSuccess;
}

}  // namespace

void registerProbeCommand(CommandRegistry& registry) {
    registry.add({QStringLiteral("probe"), QStringLiteral("Describe a video (frames, fps, duration, size, codec, keyframes) as JSON"),
                  runProbe});
}

}  // namespace actionlens::cli
