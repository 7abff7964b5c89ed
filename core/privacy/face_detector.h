#pragma once

// FaceDetector: OpenCV's Haar cascade face detector, for faces that have no skeleton to find
// them by. The cascade is a file of the OS package (Debian's opencv-data, nothing downloaded);
// frames are searched at up to 640 pixels wide, so the cost stays bounded on large video.

#include "core/common/result.h"
#include "core/media/video_frame.h"
#include "core/privacy/face_region.h"

#include <memory>
#include <string>
#include <vector>

namespace actionlens::privacy {

// /usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml (Debian: opencv-data).
std::string defaultFaceCascadePath();

class FaceDetector {
public:
    // Fails, naming the file and the package that has it, when the cascade is missing or unreadable.
    static Result<std::unique_ptr<FaceDetector>> open(const std::string& cascadePath = defaultFaceCascadePath());
    ~FaceDetector();

    // Faces in an RGB24 or BGRX32 frame, in the frame's pixels.
    std::vector<FaceRegion> detect(const media::VideoFrame& frame);

private:
    struct Impl;
    explicit FaceDetector(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d_;
};

}  // namespace actionlens::privacy
