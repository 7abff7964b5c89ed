#pragma once

// VideoOverlay: something drawn over the video picture (skeletons, boxes, labels). The view
// paints each visible overlay after the picture, in widget coordinates, passing the same
// image -> widget transform it drew the picture with, so overlays follow zoom and pan exactly
// while lines and text keep their on-screen size.

#include <QPainter>
#include <QTransform>

namespace actionlens::ui {

class VideoOverlay {
public:
    virtual ~VideoOverlay() = default;
    virtual void paint(QPainter& painter, const QTransform& imageToWidget) = 0;

    bool isVisible() const { return visible_; }
    void setVisible(bool visible) { visible_ = visible; }

private:
    bool visible_ = true;
};

}  // namespace actionlens::ui
