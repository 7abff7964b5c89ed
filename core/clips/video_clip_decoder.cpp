#include "core/clips/video_clip_decoder.h"

#include <algorithm>
#include <cstring>

namespace actionlens::clips {

VideoClipDecoder::VideoClipDecoder(media::OpenOptions options) : options_(std::move(options)) {}
VideoClipDecoder::~VideoClipDecoder() = default;

Result<train::RgbClip> VideoClipDecoder::decode(const train::RgbClipRequest& request) {
    if (request.videoPath.empty()) return makeError("the video has no file (a skeleton-only record)");
    if (request.frames <= 0 || request.width <= 0 || request.height <= 0)
        return makeError("clip of " + std::to_string(request.frames) + " frames of " + std::to_string(request.width) +
                         "x" + std::to_string(request.height) + " asked for");
    std::lock_guard<std::mutex> lock(mutex_);
    if (!source_ || openPath_ != request.videoPath || openWidth_ != request.width || openHeight_ != request.height) {
        source_.reset();
        media::OpenOptions options = options_;
        options.outputWidth = request.width;
        options.outputHeight = request.height;
        auto opened = media::openFrameSource(request.videoPath, options);
        if (!opened) return makeError("'" + request.videoPath + "': " + opened.error());
        source_ = std::move(opened).value();
        openPath_ = request.videoPath;
        openWidth_ = request.width;
        openHeight_ = request.height;
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
        if (f.width != request.width || f.height != request.height)
            return makeError("'" + request.videoPath + "' frame " + std::to_string(indices[i]) + " came as " +
                             std::to_string(f.width) + "x" + std::to_string(f.height) + ", not the " +
                             std::to_string(request.width) + "x" + std::to_string(request.height) + " asked for");
        for (int y = 0; y < f.height; ++y)
            std::memcpy(clip.pixels.data() + (i * size_t(request.height) + size_t(y)) * rowBytes, f.row(y), rowBytes);
    }
    ++decoded_;
    return clip;
}

std::int64_t VideoClipDecoder::clipsDecoded() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return decoded_;
}

}  // namespace actionlens::clips
