#include "core/formats/segment_times.h"

#include <QString>

#include <algorithm>
#include <cmath>

namespace actionlens::formats {

namespace {

constexpr double kFrameEpsilon = 1e-6;
// About 300 years: beyond any video, and far from where a frame number overflows.
constexpr double kLongestMs = 1e13;

std::string timeText(double time, TimeUnit unit) {
    return QString::number(time, 'g', 12).toStdString() + (unit == TimeUnit::Seconds ? " s" : " ms");
}

}  // namespace

std::int64_t frameAtMs(double ms, double fps) { return static_cast<std::int64_t>(std::floor(ms * fps / 1000.0 + kFrameEpsilon)); }

std::int64_t frameStartMs(std::int64_t frame, double fps) {
    return static_cast<std::int64_t>(std::ceil(static_cast<double>(frame) * 1000.0 / fps - kFrameEpsilon));
}

Result<FrameSpan> framesOfTimes(double start, double end, TimeUnit unit, const annotation::Video& video) {
    if (!(video.fps > 0) || !std::isfinite(video.fps))
        return makeError("the video has no frame rate, so times cannot become frames");
    if (!std::isfinite(start) || !std::isfinite(end)) return makeError("a time is not a number");
    if (start < 0) return makeError("starts at " + timeText(start, unit) + ", before the video");
    if (!(end > start)) return makeError("ends at " + timeText(end, unit) + ", not after its start at " + timeText(start, unit));
    const double toMs = unit == TimeUnit::Seconds ? 1000.0 : 1.0;
    if (end * toMs > kLongestMs) return makeError("ends at " + timeText(end, unit) + ", longer than any video");
    FrameSpan span;
    span.first = frameAtMs(start * toMs, video.fps);
    span.last = std::max(span.first, frameAtMs(end * toMs, video.fps) - 1);
    if (video.frameCount > 0 && span.first >= video.frameCount)
        return makeError("starts at " + timeText(start, unit) + " (frame " + std::to_string(span.first) +
                         "), past the video's last frame " + std::to_string(video.frameCount - 1));
    if (video.frameCount > 0 && span.last >= video.frameCount) {
        span.last = video.frameCount - 1;
        span.cut = true;
    }
    return span;
}

}  // namespace actionlens::formats
