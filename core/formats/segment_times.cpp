#include "core/formats/segment_times.h"

#include <QString>

#include <algorithm>
#include <cmath>

namespace actionlens::formats {

namespace {

constexpr double kFrameEpsilon = 1e-6;

std::string millisecondsText(double ms) { return QString::number(ms, 'g', 12).toStdString() + " ms"; }

}  // namespace

std::int64_t frameAtMs(double ms, double fps) { return static_cast<std::int64_t>(std::floor(ms * fps / 1000.0 + kFrameEpsilon)); }

std::int64_t frameStartMs(std::int64_t frame, double fps) {
    return static_cast<std::int64_t>(std::ceil(static_cast<double>(frame) * 1000.0 / fps - kFrameEpsilon));
}

Result<FrameSpan> framesOfTimes(double startMs, double endMs, const annotation::Video& video) {
    if (!(video.fps > 0) || !std::isfinite(video.fps))
        return makeError("the video has no frame rate, so times cannot become frames");
    if (!std::isfinite(startMs) || !std::isfinite(endMs)) return makeError("a time is not a number");
    if (startMs < 0) return makeError("starts at " + millisecondsText(startMs) + ", before the video");
    if (!(endMs > startMs))
        return makeError("ends at " + millisecondsText(endMs) + ", not after its start at " + millisecondsText(startMs));
    FrameSpan span;
    span.first = frameAtMs(startMs, video.fps);
    span.last = std::max(span.first, frameAtMs(endMs, video.fps) - 1);
    if (video.frameCount > 0 && span.first >= video.frameCount)
        return makeError("starts at " + millisecondsText(startMs) + " (frame " + std::to_string(span.first) +
                         "), past the video's last frame " + std::to_string(video.frameCount - 1));
    if (video.frameCount > 0 && span.last >= video.frameCount) {
        span.last = video.frameCount - 1;
        span.cut = true;
    }
    return span;
}

}  // namespace actionlens::formats
