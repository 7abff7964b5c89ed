#include "core/media/frame_buffer_pool.h"

namespace actionlens::media {

std::shared_ptr<FrameBufferPool> FrameBufferPool::create(size_t maxIdleBuffers) {
    return std::shared_ptr<FrameBufferPool>(new FrameBufferPool(maxIdleBuffers));
}

std::shared_ptr<VideoFrame> FrameBufferPool::acquire(size_t bytes) {
    auto* frame = new VideoFrame();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for (auto it = idle_.begin(); it != idle_.end(); ++it) {
            if (it->size() == bytes) {
                frame->rgb = std::move(*it);
                idle_.erase(it);
                break;
            }
        }
    }
    if (frame->rgb.size() != bytes) frame->rgb.resize(bytes);
    std::weak_ptr<FrameBufferPool> pool = weak_from_this();
    return std::shared_ptr<VideoFrame>(frame, [pool](VideoFrame* done) {
        if (auto owner = pool.lock()) owner->recycle(std::move(done->rgb));
        delete done;
    });
}

size_t FrameBufferPool::idleBuffers() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return idle_.size();
}

void FrameBufferPool::recycle(PixelBuffer&& buffer) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (idle_.size() >= maxIdle_) idle_.erase(idle_.begin());  // keep the most recent sizes
    idle_.push_back(std::move(buffer));
}

}  // namespace actionlens::media
