#pragma once

// VideoView: shows one decoded frame, aspect-correct, with wheel zoom about the cursor and drag
// to pan. The frame's pixels are shown in place (a QImage over the FramePtr's buffer, kept
// alive by holding the FramePtr), so showing a 1080p frame copies nothing.
//
// The view transform (image pixels -> widget pixels) is public so that overlays drawn later
// (skeletons, boxes) map through exactly the same transform as the picture.

#include "core/media/video_frame.h"
#include "ui/player/video_overlay.h"
#include "ui/player/video_view_tool.h"

#include <QImage>
#include <QPointF>
#include <QTransform>
#include <QWidget>

#include <vector>

namespace actionlens::ui {

class VideoView : public QWidget {
    Q_OBJECT
public:
    explicit VideoView(QWidget* parent = nullptr);

    void setFrame(media::FramePtr frame);
    // A line shown in the middle while there is no frame ("Opening clip.mp4...").
    void setMessage(const QString& message);
    QString message() const { return message_; }
    const media::FramePtr& frame() const { return frame_; }

    // Drawn after the picture in the order added; not owned (an overlay outlives the view or
    // is removed first).
    void addOverlay(VideoOverlay* overlay);
    void removeOverlay(VideoOverlay* overlay);
    // Takes mouse events before panning does (joint editing); not owned, nullptr for none.
    void setTool(VideoViewTool* tool);

    // Image pixel coordinates (origin top-left of the frame) to widget coordinates.
    QTransform imageToWidget() const;
    double zoom() const { return scale_; }  // widget pixels per image pixel
    // True while the view follows the widget's size (until the user zooms or pans).
    bool isFitted() const { return fitted_; }

    // Multiplies the zoom by `factor`, keeping the image point under `widgetPoint` in place.
    void zoomAbout(QPointF widgetPoint, double factor);
    void panBy(QPointF widgetDelta);

    static constexpr double kMinZoom = 0.02;
    static constexpr double kMaxZoom = 64.0;

public Q_SLOTS:
    void fitToWindow();

Q_SIGNALS:
    // After a paint that drew frame `frame` (its 0-based index): a screenshot can be taken now.
    void framePainted(int frame);
    void transformChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void applyFit();

    media::FramePtr frame_;
    QString message_;
    std::vector<VideoOverlay*> overlays_;
    VideoViewTool* tool_ = nullptr;
    QImage image_;  // wraps frame_'s pixels; valid while frame_ is held
    double scale_ = 1.0;
    QPointF offset_;  // widget position of the image's top-left corner
    bool fitted_ = true;
    bool dragging_ = false;
    QPointF lastDragPoint_;
};

}  // namespace actionlens::ui
