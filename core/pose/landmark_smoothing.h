#pragma once

// Temporal smoothing of tracked landmarks as MediaPipe's pose graph does it
// (pose_landmark_filtering): a One Euro filter (Casiez et al. 2012) per coordinate whose speed
// is measured relative to the pose's size, and a low-pass filter on visibility.

#include "core/pose/pose_landmarks.h"

#include <vector>

namespace actionlens::pose {

struct OneEuroParameters {
    double minCutoff = 0.05;   // Hz: smoothing when still
    double beta = 80.0;        // how fast the cutoff rises with speed
    double derivativeCutoff = 1.0;
};

class OneEuroFilter {
public:
    explicit OneEuroFilter(OneEuroParameters parameters = {}) : p_(parameters) {}
    // `valueScale` divides out the object's size (1 / pose size in pixels), so the same
    // motion relative to the body is smoothed alike near and far from the camera.
    double apply(double seconds, double valueScale, double value);
    void reset();

private:
    double alpha(double cutoff) const;
    OneEuroParameters p_;
    double frequency_ = 30.0;  // until two timestamps say otherwise
    double lastSeconds_ = 0.0;
    bool hasTime_ = false;
    bool hasValue_ = false;
    double lastRaw_ = 0.0, value_ = 0.0, derivative_ = 0.0;
    bool hasDerivative_ = false;
};

class LandmarkSmoother {
public:
    // MediaPipe's settings: body landmarks min_cutoff 0.05, beta 80; auxiliary (ROI) landmarks
    // min_cutoff 0.01, beta 10; visibility low-pass alpha 0.1.
    static LandmarkSmoother forBody();
    static LandmarkSmoother forAuxiliary();
    LandmarkSmoother(OneEuroParameters parameters, double visibilityAlpha);

    std::vector<PoseLandmark> apply(double seconds, const std::vector<PoseLandmark>& landmarks);
    void reset() { filters_.clear(); }

private:
    OneEuroParameters parameters_;
    double visibilityAlpha_;
    std::vector<OneEuroFilter> filters_;  // x, y, z per landmark
    std::vector<float> visibility_, presence_;
};

}  // namespace actionlens::pose
