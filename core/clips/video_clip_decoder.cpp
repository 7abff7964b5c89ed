#include "core/clips/video_clip_decoder.h"

#include <algorithm>
#include <cstring>

namespace actionlens::clips {

namespace {

// The request's region of a native frame resampled to the clip size: each output pixel averages
// a 2 x 2 grid of bilinear samples over its footprint, enough against aliasing for the 2-6x
// reductions of a person's box to a network clip. Outside the frame, edge pixels repeat.
void cutRegion(const media::VideoFrame& f, const train::RgbClipRequest& r, std::uint8_t* out) {
    const double sx = double(r.regionWidth) / r.width, sy = double(r.regionHeight) / r.height;
    auto sample = [&](double x, double y, float* rgb) {
        x = std::clamp(x - 0.5, 0.0, double(f.width - 1));
        y = std::clamp(y - 0.5, 0.0, double(f.height - 1));
        const int x0 = int(x), y0 = int(y), x1 = std::min(x0 + 1, f.width - 1), y1 = std::min(y0 + 1, f.height - 1);
        const float wx = float(x - x0), wy = float(y - y0);
        const std::uint8_t *a = f.row(y0) + x0 * 3, *b = f.row(y0) + x1 * 3, *c = f.row(y1) + x0 * 3, *d = f.row(y1) + x1 * 3;
        for (int ch = 0; ch < 3; ++ch)
            rgb[ch] += (1 - wy) * ((1 - wx) * a[ch] + wx * b[ch]) + wy * ((1 - wx) * c[ch] + wx * d[ch]);
    };
    for (int y = 0; y < r.height; ++y)
        for (int x = 0; x < r.width; ++x) {
            float rgb[3] = {0, 0, 0};
            for (double oy : {0.25, 0.75})
                for (double ox : {0.25, 0.75}) sample(r.regionX + (x + ox) * sx, r.regionY + (y + oy) * sy, rgb);
            for (int ch = 0; ch < 3; ++ch)
                out[(size_t(y) * r.width + x) * 3 + size_t(ch)] = std::uint8_t(std::clamp(rgb[ch] / 4.0f + 0.5f, 0.0f, 255.0f));
        }
}

}  // namespace

VideoClipDecoder::VideoClipDecoder(media::OpenOptions options) : options_(std::move(options)) {}
VideoClipDecoder::~VideoClipDecoder() = default;

Result<train::RgbClip> VideoClipDecoder::decode(const train::RgbClipRequest& request) {
    if (request.videoPath.empty()) return makeError("the video has no file (a skeleton-only record)");
    if (request.frames <= 0 || request.width <= 0 || request.height <= 0)
        return makeError("clip of " + std::to_string(request.frames) + " frames of " + std::to_string(request.width) +
                         "x" + std::to_string(request.height) + " asked for");
    if (request.regionWidth < 0 || request.regionHeight < 0 || (request.regionWidth > 0) != (request.regionHeight > 0))
        return makeError("region " + std::to_string(request.regionWidth) + "x" + std::to_string(request.regionHeight) +
                         " asked for");
    // A whole frame is scaled by FFmpeg's scaler on the way out of the decoder; a region is cut
    // from the native frame and resampled here.
    const bool whole = request.regionWidth == 0;
    const int openWidth = whole ? request.width : 0, openHeight = whole ? request.height : 0;
    std::lock_guard<std::mutex> lock(mutex_);
    if (!source_ || openPath_ != request.videoPath || openWidth_ != openWidth || openHeight_ != openHeight) {
        source_.reset();
        media::OpenOptions options = options_;
        options.outputWidth = openWidth;
        options.outputHeight = openHeight;
        auto opened = media::openFrameSource(request.videoPath, options);
        if (!opened) return makeError("'" + request.videoPath + "': " + opened.error());
        source_ = std::move(opened).value();
        openPath_ = request.videoPath;
        openWidth_ = openWidth;
        openHeight_ = openHeight;
    }
    const std::int64_t frameCount = source_->info().frameCount;
    if (request.firstFrame < 0 || request.firstFrame + std::max<std::int64_t>(1, request.frameCount) > frameCount)
        return makeError("frames " + std::to_string(request.firstFrame) + ".." +
                         std::to_string(request.firstFrame + request.frameCount - 1) + " are outside '" + request.videoPath +
                         "' (" + std::to_string(frameCount) + " frames)");

    train::RgbClip clip{request.frames, request.height, request.width, {}};
    const size_t rowBytes = size_t(request.width) * 3;
    clip.pixels.resize(size_t(request.frames) * request.height * rowBytes);
    const std::vector<std::int64_t> indices = train::sampledFrameIndices(request.firstFrame, request.frameCount, request.frames);
    for (size_t i = 0; i < indices.size(); ++i) {
        Result<media::FramePtr> frame = source_->readFrame(int(indices[i]));
        if (!frame) return makeError("'" + request.videoPath + "' frame " + std::to_string(indices[i]) + ": " + frame.error());
        const media::VideoFrame& f = *frame.value();
        std::uint8_t* out = clip.pixels.data() + i * size_t(request.height) * rowBytes;
        if (!whole) {
            cutRegion(f, request, out);
            continue;
        }
        if (f.width != request.width || f.height != request.height)
            return makeError("'" + request.videoPath + "' frame " + std::to_string(indices[i]) + " came as " +
                             std::to_string(f.width) + "x" + std::to_string(f.height) + ", not the " +
                             std::to_string(request.width) + "x" + std::to_string(request.height) + " asked for");
        for (int y = 0; y < f.height; ++y) std::memcpy(out + size_t(y) * rowBytes, f.row(y), rowBytes);
    }
    ++decoded_;
    return clip;
}

std::int64_t VideoClipDecoder::clipsDecoded() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return decoded_;
}

}  // namespace actionlens::clips
