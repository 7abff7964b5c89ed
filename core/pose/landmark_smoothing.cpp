#include "core/pose/landmark_smoothing.h"

#include <algorithm>
#include <cmath>

namespace actionlens::pose {

double OneEuroFilter::alpha(double cutoff) const {
    const double pi = 3.14159265358979323846;
    const double period = 1.0 / frequency_;
    const double tau = 1.0 / (2.0 * pi * cutoff);
    return 1.0 / (1.0 + tau / period);
}

double OneEuroFilter::apply(double seconds, double valueScale, double value) {
    if (hasTime_) {
        // A repeated or earlier timestamp would give an infinite or negative frequency.
        if (seconds <= lastSeconds_) return value;
        frequency_ = 1.0 / (seconds - lastSeconds_);
    }
    lastSeconds_ = seconds;
    hasTime_ = true;
    const double speed = hasValue_ ? (value - lastRaw_) * valueScale * frequency_ : 0.0;
    derivative_ = hasDerivative_ ? derivative_ + alpha(p_.derivativeCutoff) * (speed - derivative_) : speed;
    hasDerivative_ = true;
    const double cutoff = p_.minCutoff + p_.beta * std::abs(derivative_);
    value_ = hasValue_ ? value_ + alpha(cutoff) * (value - value_) : value;
    lastRaw_ = value;
    hasValue_ = true;
    return value_;
}

void OneEuroFilter::reset() { *this = OneEuroFilter(p_); }

LandmarkSmoother::LandmarkSmoother(OneEuroParameters parameters, double visibilityAlpha)
    : parameters_(parameters), visibilityAlpha_(visibilityAlpha) {}

LandmarkSmoother LandmarkSmoother::forBody() { return LandmarkSmoother({0.05, 80.0, 1.0}, 0.1); }
LandmarkSmoother LandmarkSmoother::forAuxiliary() { return LandmarkSmoother({0.01, 10.0, 1.0}, 0.1); }

std::vector<PoseLandmark> LandmarkSmoother::apply(double seconds, const std::vector<PoseLandmark>& landmarks) {
    if (landmarks.empty()) return landmarks;
    // The object's size: the mean side of the landmarks' bounding box, in pixels.
    float minX = landmarks[0].x, maxX = minX, minY = landmarks[0].y, maxY = minY;
    for (const PoseLandmark& l : landmarks) {
        minX = std::min(minX, l.x);
        maxX = std::max(maxX, l.x);
        minY = std::min(minY, l.y);
        maxY = std::max(maxY, l.y);
    }
    const double objectScale = ((maxX - minX) + (maxY - minY)) / 2.0;
    if (objectScale < 1e-6) return landmarks;  // degenerate: nothing to measure speed against
    const bool fresh = filters_.size() != landmarks.size() * 3;
    if (fresh) {
        filters_.assign(landmarks.size() * 3, OneEuroFilter(parameters_));
        visibility_.clear();
        presence_.clear();
        for (const PoseLandmark& l : landmarks) {
            visibility_.push_back(l.visibility);
            presence_.push_back(l.presence);
        }
    }
    std::vector<PoseLandmark> out(landmarks.size());
    const double scale = 1.0 / objectScale;
    for (std::size_t i = 0; i < landmarks.size(); ++i) {
        out[i].x = static_cast<float>(filters_[3 * i].apply(seconds, scale, landmarks[i].x));
        out[i].y = static_cast<float>(filters_[3 * i + 1].apply(seconds, scale, landmarks[i].y));
        out[i].z = static_cast<float>(filters_[3 * i + 2].apply(seconds, scale, landmarks[i].z));
        if (!fresh) {
            visibility_[i] = static_cast<float>(visibilityAlpha_ * landmarks[i].visibility + (1.0 - visibilityAlpha_) * visibility_[i]);
            presence_[i] = static_cast<float>(visibilityAlpha_ * landmarks[i].presence + (1.0 - visibilityAlpha_) * presence_[i]);
        }
        out[i].visibility = visibility_[i];
        out[i].presence = presence_[i];
    }
    return out;
}

}  // namespace actionlens::pose
