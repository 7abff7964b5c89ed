#include "core/privacy/blurred_video.h"

#include "core/media/video_encoder.h"
#include "core/media/video_file_source.h"

#include <cmath>

namespace actionlens::privacy {

namespace {

// The source's constant rate as a fraction the encoder keeps exactly (25, 30000/1001, ...),
// or nothing: then every frame keeps its own time in milliseconds.
bool constantRate(double fps, int* num, int* den) {
    for (int d : {1, 1001}) {
        const double n = fps * d / (d == 1 ? 1.0 : 1000.0);
        if (std::abs(n - std::round(n)) < 0.01 && n >= 1.0) {
            *num = static_cast<int>(std::lround(n)) * (d == 1 ? 1 : 1000);
            *den = d;
            return true;
        }
    }
    return false;
}

}  // namespace

Result<BlurredVideoSummary> writeBlurredVideo(const std::string& source, const std::string& destination, FrameAnonymiser& anonymiser,
                                              const BlurredVideoCallbacks& callbacks, int quality) {
    auto input = media::VideoFileSource::open(source);
    if (!input) return makeError("cannot read '" + source + "': " + input.error());
    const media::VideoInfo& info = input.value()->info();
    if (info.width % 2 || info.height % 2)
        return makeError("'" + source + "' is " + std::to_string(info.width) + "x" + std::to_string(info.height) +
                         ": the encoder needs even sides");
    media::EncoderSettings settings;
    settings.width = info.width;
    settings.height = info.height;
    settings.quality = quality;
    settings.variableFrameRate = info.variableFrameRate || !constantRate(info.fps, &settings.fpsNum, &settings.fpsDen);
    auto output = media::VideoEncoder::open(destination, settings);
    if (!output) return makeError("cannot write '" + destination + "': " + output.error());

    BlurredVideoSummary summary;
    for (int i = 0; i < info.frameCount; ++i) {
        if (callbacks.cancelled && callbacks.cancelled()) return makeError("cancelled");
        auto frame = input.value()->readFrame(i);
        if (!frame) return makeError("'" + source + "', frame " + std::to_string(i) + ": " + frame.error());
        media::VideoFrame picture = *frame.value();  // a copy: the source may keep its frames
        std::vector<annotation::SkeletonFrame> skeletons;
        if (callbacks.skeletonsAt) {
            auto found = callbacks.skeletonsAt(i);
            if (!found) return makeError("'" + source + "', frame " + std::to_string(i) + ": " + found.error());
            skeletons = std::move(found).value();
        }
        summary.regions += static_cast<std::int64_t>(anonymiser.anonymise(picture, skeletons).size());
        if (Status s = output.value()->write(picture.rgb.data(), picture.stride, picture.seconds); !s)
            return makeError("cannot write '" + destination + "', frame " + std::to_string(i) + ": " + s.error());
        if (callbacks.progress) callbacks.progress(i + 1, info.frameCount);
    }
    if (Status s = output.value()->finish(); !s) return makeError("cannot write '" + destination + "': " + s.error());
    summary.frames = info.frameCount;
    summary.codec = output.value()->codecName();
    return summary;
}

}  // namespace actionlens::privacy
