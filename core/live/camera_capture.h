#pragma once

// CameraCapture: a camera read on a thread of its own, so that a slow consumer (pose estimation,
// the model) drops frames instead of lagging behind: only the newest frame waits (a queue of
// one, newest wins), every frame it replaces is counted as dropped. next() hands out the newest
// frame not taken yet, or says that the camera stopped once it did and nothing newer waits.

#include "core/media/camera_source.h"

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace actionlens::live {

struct CaptureCounts {
    std::int64_t read = 0;     // frames the camera gave
    std::int64_t dropped = 0;  // replaced by a newer one before they were taken
};

class CameraCapture {
public:
    // Starts reading `camera` at once; `camera` must outlive the capture.
    explicit CameraCapture(media::CameraSource& camera);
    ~CameraCapture();  // stops the camera and joins the thread
    CameraCapture(const CameraCapture&) = delete;
    CameraCapture& operator=(const CameraCapture&) = delete;

    // The newest frame not taken yet (blocks for it); null once the camera stopped (then
    // stopped() says why) or stop() was called.
    media::FramePtr next();
    // Ends the capture from any thread: the camera is interrupted and next() returns null.
    void stop();
    std::string stopped() const;
    CaptureCounts counts() const;

private:
    void readLoop();

    media::CameraSource& camera_;
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    media::FramePtr waiting_;
    std::string stopped_;
    bool finished_ = false;
    CaptureCounts counts_;
    std::thread thread_;
};

}  // namespace actionlens::live
