#pragma once

// ImageSequenceSource: a folder of images (frame_0001.jpg, frame_0002.jpg, ...) read as a video
// at a fixed frame rate. Files are ordered by name with numbers compared by value, so
// frame_9.png comes before frame_10.png. Every image must have the first image's size.

#include "core/media/frame_source.h"

#include <memory>
#include <vector>

namespace actionlens::media {

class ImageSequenceSource final : public FrameSource {
public:
    static Result<std::unique_ptr<ImageSequenceSource>> open(const std::string& folder, const OpenOptions& options = {});

    const VideoInfo& info() const override { return info_; }
    const FrameIndex& index() const override { return index_; }
    Result<FramePtr> readFrame(int frame, const PassedFrameSink* passed = nullptr) override;
    DecodeStatistics statistics() const override { return stats_; }
    PixelLayout pixelLayout() const override { return pixelLayout_; }

    const std::vector<std::string>& files() const { return files_; }

private:
    ImageSequenceSource() = default;
    std::vector<std::string> files_;
    VideoInfo info_;
    FrameIndex index_;
    DecodeStatistics stats_;
    int outputWidth_ = 0;
    PixelLayout pixelLayout_ = PixelLayout::Rgb24;
    int outputHeight_ = 0;
};

// "frame_9.png" < "frame_10.png": digit runs compare by value, the rest byte by byte.
bool naturalLess(const std::string& a, const std::string& b);

}  // namespace actionlens::media
