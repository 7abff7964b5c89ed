// actionlens-cli frame VIDEO N -o OUT.png: exactly the N-th displayed frame (0-based) as an image.

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "core/media/frame_source.h"
#include "core/media/image_io.h"

#include <climits>

namespace actionlens::cli {

namespace {

int runFrame(const QStringList& arguments) {
    const QString name = QStringLiteral("frame");
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("video"), QStringLiteral("Video file, or folder of images."));
    parser.addPositionalArgument(QStringLiteral("n"), QStringLiteral("Frame number, from 0."));
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Image to write (.png or .jpg)."), QStringLiteral("file"));
    const QCommandLineOption fps(QStringLiteral("fps"), QStringLiteral("Frame rate of an image folder (default 25)."),
                                 QStringLiteral("rate"), QStringLiteral("25"));
    parser.addOption(output);
    parser.addOption(fps);
    if (auto stop = parseCommandLine(parser, name, QStringLiteral("Writes frame N (0-based, in display order) as an image."),
                                     arguments, 2)) {
        return *stop;
    }
    if (!parser.isSet(output)) return usageError(name, QStringLiteral("-o OUT.png is required"));
    const auto frame = parseInteger(name, QStringLiteral("N"), parser.positionalArguments().at(1), 0, INT_MAX);
    if (!frame) return kExitUsage;
    const auto rate = parsePositive(name, QStringLiteral("--fps"), parser.value(fps));
    if (!rate) return kExitUsage;

    media::OpenOptions options;
    options.imageSequenceFps = *rate;
    auto source = media::openFrameSource(parser.positionalArguments().front().toStdString(), options);
    if (!source.ok()) return fail(source.error());
    auto picture = source.value()->readFrame(*frame);
    if (!picture.ok()) return fail(picture.error());
    const QString out = parser.value(output);
    if (Status saved = media::saveFrameImage(*picture.value(), out.toStdString()); !saved.ok()) return fail(saved.error());
    printLine(QStringLiteral("%1: frame %2 at %3 s").arg(out).arg(*frame).arg(picture.value()->seconds, 0, 'f', 6));
    return kExitSuccess;
}

}  // namespace

void registerFrameCommand(CommandRegistry& registry) {
    registry.add({QStringLiteral("frame"), QStringLiteral("Write frame N (0-based) of a video as an image"), runFrame});
}

}  // namespace actionlens::cli
