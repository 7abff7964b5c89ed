#pragma once

// HogPeopleDetector: OpenCV's HOG people detector (person_detector.h) as pose detections, so the
// landmark model and the tracker take its people exactly as BlazePose's own: each upright box
// becomes a detection whose keypoints fix the landmark model's square (the body's centre and
// a point half a body above it; the box itself is the person's, where BlazePose's is the face's).

#include "core/common/result.h"
#include "core/pose/pose_detection.h"
#include "core/pose/rgb_image.h"

#include <memory>
#include <vector>

namespace actionlens::pose {

struct HogOptions {
    // The frame is enlarged by this factor before detection: the detector's window is 64 x 128
    // with a person of about 96 pixels inside, so 2 finds people down to about 48 pixels tall.
    double upscale = 2.0;
    double minScore = 0.5;  // of the SVM margin mapped to (0, 1) by a logistic (margin 0 is 0.5)
    double scaleStep = 1.05;  // between the pyramid's levels
    int groupThreshold = 2;   // overlapping windows needed for a detection
};

class HogPeopleDetector {
public:
    explicit HogPeopleDetector(HogOptions options = {});
    HogPeopleDetector(HogPeopleDetector&&) noexcept;
    HogPeopleDetector& operator=(HogPeopleDetector&&) noexcept;
    ~HogPeopleDetector();

    // Best first, normalised to the image like BlazePose's detections.
    Result<std::vector<PoseDetection>> detect(const RgbImageView& image);
    const HogOptions& options() const { return options_; }

private:
    struct State;
    HogOptions options_;
    std::unique_ptr<State> state_;
};

// A detection from a person's box (image pixels): keypoint 0 the box's centre, keypoint 1 half
// the body's height above it, the body taken as `bodyShare` of the box's height (the HOG window
// has a margin around the person).
PoseDetection detectionFromPersonBox(double x, double y, double width, double height, int imageWidth, int imageHeight,
                                     float score, double bodyShare = 0.8);

}  // namespace actionlens::pose
