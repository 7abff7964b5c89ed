#pragma once

// FrameSource: random access to the frames of one video, by 0-based display index.
// Implementations: VideoFileSource (FFmpeg) and ImageSequenceSource (a folder of images).
// A FrameSource is used from one thread at a time; FrameServer puts one behind a decoder thread.

#include "core/common/result.h"
#include "core/media/frame_index.h"
#include "core/media/video_frame.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace actionlens::media {

struct VideoInfo {
    std::string path;
    std::string container;  // "mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "image sequence"
    std::string codec;      // "h264", "mpeg4", "png", ...
    int width = 0;
    int height = 0;
    int frameCount = 0;
    double fps = 0.0;  // mean rate over the stream; see variableFrameRate
    double durationSeconds = 0.0;
    bool variableFrameRate = false;
};

struct DecodeStatistics {
    int64_t framesDecoded = 0;    // pictures produced by the decoder (converted or not)
    int64_t framesConverted = 0;  // pictures turned into RGB VideoFrames
    int64_t seeks = 0;            // demuxer seeks (each one restarts decoding at a keyframe)
};

// Frames decoded on the way to a requested frame; a cache keeps them so that stepping
// backwards within a GOP costs no decoding.
struct PassedFrameSink {
    std::function<bool(int frame)> wants;  // convert frame `frame` to RGB?
    std::function<void(FramePtr)> take;
};

class FrameSource {
public:
    virtual ~FrameSource() = default;
    virtual const VideoInfo& info() const = 0;
    virtual const FrameIndex& index() const = 0;
    // Exactly the `frame`-th displayed frame, or a message saying why not.
    virtual Result<FramePtr> readFrame(int frame, const PassedFrameSink* passed = nullptr) = 0;
    virtual DecodeStatistics statistics() const = 0;
    // How the frames it returns are packed.
    virtual PixelLayout pixelLayout() const { return PixelLayout::Rgb24; }
};

struct OpenOptions {
    double imageSequenceFps = 25.0;  // folders of images have no timestamps of their own
    std::string indexCacheDirectory;  // empty: the per-user cache folder
    bool useIndexCache = true;
    int decoderThreads = 0;  // 0: FFmpeg chooses
    int outputWidth = 0;     // 0: native size; else frames are scaled to outputWidth x outputHeight
    int outputHeight = 0;
    PixelLayout pixelLayout = PixelLayout::Rgb24;  // Bgrx32 for painting with Qt (video_frame.h)
};

// "frame 900 is out of range (the video has 600 frames: 0-599)"
Error frameOutOfRange(int frame, int frameCount);

// Opens a video file, or a folder of images (frame_0001.jpg ...) as a video.
Result<std::unique_ptr<FrameSource>> openFrameSource(const std::string& path, const OpenOptions& options = {});

}  // namespace actionlens::media
