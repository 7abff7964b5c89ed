#pragma once

// VideoFileSource: exact random access into a video file through FFmpeg. On open it indexes
// every packet of the video stream (no decoding; cached on disk), then serves frame N by
// seeking to the keyframe before N and decoding forward, or by continuing to decode when N
// lies ahead within reach. Correct with B-frames, long GOPs and variable frame rate.

#include "core/media/frame_source.h"

#include <memory>

namespace actionlens::media {

class VideoFileSource final : public FrameSource {
public:
    static Result<std::unique_ptr<VideoFileSource>> open(const std::string& path, const OpenOptions& options = {});
    ~VideoFileSource() override;

    const VideoInfo& info() const override;
    const FrameIndex& index() const override;
    Result<FramePtr> readFrame(int frame, const PassedFrameSink* passed = nullptr) override;
    DecodeStatistics statistics() const override;
    PixelLayout pixelLayout() const override;

    // Whether the frame index came from the on-disk cache rather than a scan of the file.
    bool indexFromCache() const;

private:
    struct Impl;
    explicit VideoFileSource(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d_;
};

}  // namespace actionlens::media
