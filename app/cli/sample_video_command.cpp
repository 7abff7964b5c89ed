// actionlens-cli sample-video -o OUT.mp4: a video whose every frame shows its own number as a
// machine-readable stamp; for trying the player and checking frame accuracy end to end.

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "core/media/frame_stamp.h"
#include "core/media/video_encoder.h"
#include "core/media/video_frame.h"

#include <vector>

namespace actionlens::cli {

namespace {

int runSampleVideo(const QStringList& arguments) {
    const QString name = QStringLiteral("sample-video");
    QCommandLineParser parser;
    const QCommandLineOption output(QStringList{QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("Video to write (.mp4, .mkv or .avi)."), QStringLiteral("file"));
    const QCommandLineOption frames(QStringLiteral("frames"), QStringLiteral("Number of frames (default 250)."),
                                    QStringLiteral("n"), QStringLiteral("250"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Picture size WxH, even numbers (default 640x360)."),
                                  QStringLiteral("WxH"), QStringLiteral("640x360"));
    const QCommandLineOption fps(QStringLiteral("fps"), QStringLiteral("Frames per second, whole number (default 25)."),
                                 QStringLiteral("rate"), QStringLiteral("25"));
    const QCommandLineOption gop(QStringLiteral("gop"), QStringLiteral("Frames between keyframes (default 250)."),
                                 QStringLiteral("n"), QStringLiteral("250"));
    const QCommandLineOption bframes(QStringLiteral("bframes"), QStringLiteral("Most B-frames in a row (default 2)."),
                                     QStringLiteral("n"), QStringLiteral("2"));
    const QCommandLineOption codec(QStringLiteral("codec"), QStringLiteral("h264 (default) or mpeg4."),
                                   QStringLiteral("name"), QStringLiteral("h264"));
    for (const auto& option : {output, frames, size, fps, gop, bframes, codec}) parser.addOption(option);
    if (auto stop = parseCommandLine(parser, name,
                                     QStringLiteral("Writes a video whose frames show their own number (a stamp that "
                                                    "'actionlens-cli frame' output can be checked against)."),
                                     arguments, 0)) {
        return *stop;
    }
    if (!parser.isSet(output)) return usageError(name, QStringLiteral("-o OUT.mp4 is required"));
    const auto frameCount = parseInteger(name, QStringLiteral("--frames"), parser.value(frames), 1, media::kFrameStampMaxNumber);
    const auto rate = parseInteger(name, QStringLiteral("--fps"), parser.value(fps), 1, 1000);
    const auto gopSize = parseInteger(name, QStringLiteral("--gop"), parser.value(gop), 1, 10000);
    const auto maxB = parseInteger(name, QStringLiteral("--bframes"), parser.value(bframes), 0, 16);
    if (!frameCount || !rate || !gopSize || !maxB) return kExitUsage;
    const auto requestedSize = parsePictureSize(name, parser.value(size), 7680, 4320);
    if (!requestedSize) return kExitUsage;
    const int width = requestedSize->width;
    const int height = requestedSize->height;
    if (parser.value(codec) != QLatin1String("h264") && parser.value(codec) != QLatin1String("mpeg4")) {
        return usageError(name, QStringLiteral("--codec must be h264 or mpeg4"));
    }

    media::EncoderSettings settings;
    settings.width = width;
    settings.height = height;
    settings.fpsNum = *rate;
    settings.gopSize = *gopSize;
    settings.maxBFrames = *maxB;
    settings.codec = parser.value(codec).toStdString();
    const QString out = parser.value(output);
    auto encoder = media::VideoEncoder::open(out.toStdString(), settings);
    if (!encoder.ok()) return fail(encoder.error());
    const int stride = media::alignedRgbStride(width);
    std::vector<uint8_t> picture(static_cast<size_t>(stride) * height);
    for (int i = 0; i < *frameCount; ++i) {
        media::drawStampedPicture(picture.data(), width, height, stride, i);
        if (Status s = encoder.value()->write(picture.data(), stride); !s.ok()) return fail(s.error());
    }
    if (Status s = encoder.value()->finish(); !s.ok()) return fail(s.error());
    printLine(QStringLiteral("%1: %2 frames, %3x%4 at %5 fps, %6, keyframe every %7 frames")
                  .arg(out)
                  .arg(*frameCount)
                  .arg(width)
                  .arg(height)
                  .arg(*rate)
                  .arg(QString::fromStdString(encoder.value()->codecName()))
                  .arg(*gopSize));
    return kExitSuccess;
}

}  // namespace

void registerSampleVideoCommand(CommandRegistry& registry) {
    registry.add({QStringLiteral("sample-video"),
                  QStringLiteral("Write a test video whose frames show their own number"), runSampleVideo});
}

}  // namespace actionlens::cli
