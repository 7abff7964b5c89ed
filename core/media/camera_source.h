#pragma once

// CameraSource: a live input through FFmpeg's libavdevice: a camera (v4l2, /dev/videoN) or a
// generated input (lavfi: a test pattern, or `movie=FILE` playing a file as if it were a
// camera). Frames come one after another with the input's own timestamps; there is no frame
// index and no seeking. When the input ends, fails or gives no frame within the timeout, read()
// says that the camera stopped and why, once and from then on: never a crash, never a hang
// (interrupt() from another thread ends a waiting read too).

#include "core/common/result.h"
#include "core/media/video_frame.h"

#include <memory>
#include <string>
#include <vector>

namespace actionlens::media {

// What a user types: "/dev/video0" (v4l2), "v4l2:/dev/video0", "lavfi:GRAPH" (e.g.
// "lavfi:testsrc=size=640x480:rate=25", "lavfi:movie=clip.mp4:loop=0"), or "FORMAT:URL" for
// another libavdevice input.
struct CameraAddress {
    std::string format;  // libavdevice's input name: "v4l2", "lavfi", ...
    std::string url;     // the device path or the filter graph
};
Result<CameraAddress> parseCameraAddress(const std::string& device);

// The device string that plays `videoPath` as a live input (lavfi's movie source, looping
// when asked), the path escaped for the filter graph.
std::string movieCameraDevice(const std::string& videoPath, bool loop = false);

// The v4l2 capture devices present (/dev/videoN that can capture), by number.
struct CameraDevice {
    std::string device;  // "/dev/video0"
    std::string name;    // the driver's card name ("Integrated Camera"), or the device again
};
std::vector<CameraDevice> listCameras();

struct CameraOptions {
    PixelLayout pixelLayout = PixelLayout::Rgb24;
    double timeoutSeconds = 5.0;  // opening, and between two frames: longer means stopped
    // Generated inputs (lavfi) make frames as fast as asked; a camera makes them at its rate.
    // On: they are handed out at their timestamps' pace, as a camera's would be.
    bool paceGenerated = true;
};

struct CameraRead {
    FramePtr frame;       // the next frame; null once the camera stopped
    std::string stopped;  // why it stopped ("the camera stopped: the input ended")
    bool ok() const { return frame != nullptr; }
};

class CameraSource {
public:
    // Errors name the device and say what to type when the string is not a device.
    static Result<std::unique_ptr<CameraSource>> open(const std::string& device, const CameraOptions& options = {});
    ~CameraSource();
    CameraSource(const CameraSource&) = delete;
    CameraSource& operator=(const CameraSource&) = delete;

    // Blocks until the next frame (index: frames handed out before it; seconds: since the first
    // frame, from the input's timestamps) or until the camera stopped.
    CameraRead read();
    // From any thread: a waiting or later read() returns "stopped".
    void interrupt();

    const std::string& device() const;
    int width() const;
    int height() const;
    double frameRate() const;  // the input's nominal rate; 0 when it does not say
    std::string description() const;  // "v4l2 /dev/video0, 640 x 480, 30 frames/s"

private:
    struct Impl;
    explicit CameraSource(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

}  // namespace actionlens::media
