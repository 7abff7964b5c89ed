#pragma once

// VideoClipDecoder: the RGB clips of the learning engine, read from video files through
// core/media (FFmpeg). Each request's sampled frames are read in order, so a segment costs one
// seek and a forward decode; whole frames are scaled by the decoder's own scaler, a region (the
// subject's box) is cut from the native frame and resampled. The last
// opened video stays open: a dataset's clips come video by video in evaluation and prediction.

#include "core/media/frame_source.h"
#include "core/train/rgb_clip.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

namespace actionlens::clips {

class VideoClipDecoder final : public train::RgbClipDecoder {
public:
    explicit VideoClipDecoder(media::OpenOptions options = {});
    ~VideoClipDecoder() override;

    Result<train::RgbClip> decode(const train::RgbClipRequest& request) override;
    std::int64_t clipsDecoded() const;

private:
    media::OpenOptions options_;
    mutable std::mutex mutex_;  // a FrameSource serves one thread at a time
    std::unique_ptr<media::FrameSource> source_;
    std::string openPath_;
    int openWidth_ = 0;
    int openHeight_ = 0;
    std::int64_t decoded_ = 0;
};

}  // namespace actionlens::clips
