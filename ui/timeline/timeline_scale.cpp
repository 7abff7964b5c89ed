#include "ui/timeline/timeline_scale.h"

#include <algorithm>
#include <cmath>

namespace actionlens::ui {

void TimelineScale::setFrameCount(int frames) {
    frames_ = std::max(1, frames);
    fitted_ = true;
    fitAll();
}

void TimelineScale::setWidth(double pixels) {
    width_ = std::max(1.0, pixels);
    if (fitted_) fitAll();
    clamp();
}

double TimelineScale::minPixelsPerFrame() const { return width_ / frames_; }

int TimelineScale::frameAtX(double x) const {
    const int frame = int(std::floor(first_ + x / pixelsPerFrame_));
    return std::clamp(frame, 0, frames_ - 1);
}

void TimelineScale::fitAll() {
    pixelsPerFrame_ = minPixelsPerFrame();
    first_ = 0.0;
    fitted_ = true;
}

void TimelineScale::zoomAbout(double x, double factor) { setPixelsPerFrame(pixelsPerFrame_ * factor, x); }

void TimelineScale::setPixelsPerFrame(double pixelsPerFrame, double anchorX) {
    const double anchorFrame = first_ + anchorX / pixelsPerFrame_;
    pixelsPerFrame_ = std::clamp(pixelsPerFrame, minPixelsPerFrame(), std::max(minPixelsPerFrame(), kMaxPixelsPerFrame));
    first_ = anchorFrame - anchorX / pixelsPerFrame_;
    fitted_ = pixelsPerFrame_ <= minPixelsPerFrame();
    clamp();
}

void TimelineScale::scrollTo(double firstFrame) {
    first_ = firstFrame;
    clamp();
}

void TimelineScale::ensureVisible(int frame) {
    if (frame < first_) {
        scrollTo(frame);
    } else if (frame + 1 > first_ + visibleFrames()) {
        scrollTo(frame + 1 - visibleFrames());
    }
}

void TimelineScale::clamp() {
    if (pixelsPerFrame_ < minPixelsPerFrame()) pixelsPerFrame_ = minPixelsPerFrame();
    first_ = std::clamp(first_, 0.0, std::max(0.0, frames_ - visibleFrames()));
}

int TimelineScale::tickStep(double minLabelSpacing) const {
    for (int decade = 1;; decade *= 10) {
        for (int mantissa : {1, 2, 5}) {
            const int step = mantissa * decade;
            // 25 reads better than 20 for video (a second at 25 fps), 250 than 200.
            const int nice = (mantissa == 2 && decade >= 10) ? 25 * decade / 10 : step;
            if (nice * pixelsPerFrame_ >= minLabelSpacing) return nice;
        }
        if (decade > 100000000) return decade;
    }
}

}  // namespace actionlens::ui
