#pragma once

// FrameBufferPool: recycles the pixel buffers of frames nobody holds any more. Fresh multi-
// megabyte allocations come from the kernel as untouched pages, and faulting them in costs
// more than decoding; a playing video needs the same few buffer sizes over and over.

#include "core/media/video_frame.h"

#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

namespace actionlens::media {

class FrameBufferPool : public std::enable_shared_from_this<FrameBufferPool> {
public:
    static std::shared_ptr<FrameBufferPool> create(size_t maxIdleBuffers = 8);

    // A frame whose `rgb` holds `bytes` bytes of unspecified content. When the last reference
    // to it goes, its buffer comes back here (if the pool still exists).
    std::shared_ptr<VideoFrame> acquire(size_t bytes);
    size_t idleBuffers() const;

private:
    explicit FrameBufferPool(size_t maxIdleBuffers) : maxIdle_(maxIdleBuffers) {}
    void recycle(PixelBuffer&& buffer);

    const size_t maxIdle_;
    mutable std::mutex mutex_;
    std::vector<PixelBuffer> idle_;
};

}  // namespace actionlens::media
