#pragma once

// TimelineScale: frames <-> horizontal pixels of the timeline's lanes. Frame f occupies
// [x(f), x(f + 1)); zoom runs from the whole video in the visible width down to a few dozen
// pixels per frame, scrolling keeps the view inside the video. The ruler's tick step is the
// smallest "nice" frame step whose labels do not collide.

namespace actionlens::ui {

class TimelineScale {
public:
    static constexpr double kMaxPixelsPerFrame = 48.0;

    void setFrameCount(int frames);
    void setWidth(double pixels);  // width of the lanes area
    int frameCount() const { return frames_; }
    double width() const { return width_; }

    double pixelsPerFrame() const { return pixelsPerFrame_; }
    double firstVisibleFrame() const { return first_; }
    double visibleFrames() const { return width_ / pixelsPerFrame_; }
    double minPixelsPerFrame() const;  // the whole video fits

    double xOfFrame(double frame) const { return (frame - first_) * pixelsPerFrame_; }
    int frameAtX(double x) const;  // clamped to the video

    void fitAll();
    // Multiplies the pixels per frame by `factor`, keeping the frame under `x` in place.
    void zoomAbout(double x, double factor);
    void setPixelsPerFrame(double pixelsPerFrame, double anchorX = 0);
    void scrollTo(double firstFrame);
    void ensureVisible(int frame);  // scrolls the least needed to show the frame whole

    // Frames between labelled ticks, from 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, ...
    int tickStep(double minLabelSpacing) const;

private:
    void clamp();

    int frames_ = 1;
    double width_ = 1.0;
    double pixelsPerFrame_ = 1.0;
    double first_ = 0.0;
    bool fitted_ = true;  // follows the width until zoomed
};

}  // namespace actionlens::ui
