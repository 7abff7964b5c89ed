#include "core/live/camera_capture.h"

namespace actionlens::live {

CameraCapture::CameraCapture(media::CameraSource& camera) : camera_(camera) { thread_ = std::thread([this] { readLoop(); }); }

CameraCapture::~CameraCapture() {
    stop();
    if (thread_.joinable()) thread_.join();
}

void CameraCapture::readLoop() {
    for (;;) {
        media::CameraRead read = camera_.read();
        std::lock_guard<std::mutex> lock(mutex_);
        if (!read.ok()) {
            if (stopped_.empty()) stopped_ = read.stopped;
            finished_ = true;
            changed_.notify_all();
            return;
        }
        ++counts_.read;
        if (waiting_) ++counts_.dropped;
        waiting_ = std::move(read.frame);
        changed_.notify_all();
    }
}

media::FramePtr CameraCapture::next() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return waiting_ || finished_; });
    if (!waiting_) return nullptr;
    return std::move(waiting_);
}

void CameraCapture::stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (stopped_.empty()) stopped_ = "the camera stopped: stopped";
        // A frame waiting is still handed out: the caller sees null on the next call.
    }
    camera_.interrupt();
}

std::string CameraCapture::stopped() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return stopped_;
}

CaptureCounts CameraCapture::counts() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return counts_;
}

}  // namespace actionlens::live
