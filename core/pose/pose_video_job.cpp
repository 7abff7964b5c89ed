#include "core/pose/pose_video_job.h"

#include "core/media/frame_source.h"
#include "core/media/image_io.h"

namespace actionlens::pose {

namespace {

RgbImageView viewOf(const media::VideoFrame& frame) { return {frame.rgb.data(), frame.width, frame.height, frame.stride}; }

}  // namespace

int PoseVideoResult::framesWithPose() const {
    int n = 0;
    for (const FramePose& f : frames) n += f.estimate.found;
    return n;
}

Result<PoseVideoResult> estimatePosesInVideo(PoseEstimator& estimator, const std::string& path, double imageFolderFps,
                                             const PoseVideoCallbacks& callbacks) {
    media::OpenOptions options;
    options.imageSequenceFps = imageFolderFps;
    auto source = media::openFrameSource(path, options);
    if (!source.ok()) return source.takeError();
    const media::VideoInfo& info = source.value()->info();
    PoseVideoResult result;
    result.width = info.width;
    result.height = info.height;
    result.frames.reserve(static_cast<std::size_t>(info.frameCount));
    estimator.resetTracking();
    for (int i = 0; i < info.frameCount; ++i) {
        if (callbacks.shouldCancel && callbacks.shouldCancel()) return makeError(path + ": pose estimation cancelled at frame " + std::to_string(i));
        auto frame = source.value()->readFrame(i);
        if (!frame.ok()) return frame.takeError();
        auto estimate = estimator.track(viewOf(*frame.value()), frame.value()->seconds);
        if (!estimate.ok()) return makeError(path + ": frame " + std::to_string(i) + ": " + estimate.error());
        result.frames.push_back({i, frame.value()->seconds, std::move(estimate).value()});
        if (callbacks.progress) callbacks.progress(i + 1, info.frameCount);
    }
    return result;
}

Result<PoseVideoResult> estimatePosesInImage(PoseEstimator& estimator, const std::string& path) {
    auto image = media::loadImageAsFrame(path);
    if (!image.ok()) return image.takeError();
    auto estimate = estimator.estimateImage(viewOf(*image.value()));
    if (!estimate.ok()) return makeError(path + ": " + estimate.error());
    PoseVideoResult result;
    result.width = image.value()->width;
    result.height = image.value()->height;
    result.frames.push_back({0, 0.0, std::move(estimate).value()});
    return result;
}

}  // namespace actionlens::pose
