#include "ui/player/video_view.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace actionlens::ui {

namespace {
// One wheel notch (120 units) zooms by this factor; fractional deltas (touchpads) zoom smoothly.
constexpr double kZoomPerNotch = 1.25;
// Above this zoom pixels are drawn as sharp squares: annotators zoom in to place joints on
// exact pixels, and smoothing would hide where one pixel ends.
constexpr double kSharpPixelsAbove = 2.0;
}  // namespace

VideoView::VideoView(QWidget* parent) : QWidget(parent) {
    setMinimumSize(160, 120);
    setFocusPolicy(Qt::StrongFocus);
    // The paint event fills every pixel; skipping Qt's background fill saves a pass per frame.
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void VideoView::setFrame(media::FramePtr frame) {
    const QSize oldSize = image_.size();
    frame_ = std::move(frame);
    if (frame_ && frame_->width > 0 && frame_->height > 0) {
        const QImage::Format format =
            frame_->layout == media::PixelLayout::Bgrx32 ? QImage::Format_RGB32 : QImage::Format_RGB888;
        image_ = QImage(frame_->rgb.data(), frame_->width, frame_->height, frame_->stride, format);
    } else {
        image_ = QImage();
    }
    // A new video (different size) starts fitted; a new frame of the same video keeps zoom/pan.
    if (image_.size() != oldSize) {
        fitted_ = true;
        applyFit();
    }
    update();
}

void VideoView::addOverlay(VideoOverlay* overlay) {
    overlays_.push_back(overlay);
    update();
}

void VideoView::removeOverlay(VideoOverlay* overlay) {
    overlays_.erase(std::remove(overlays_.begin(), overlays_.end(), overlay), overlays_.end());
    update();
}

void VideoView::setTool(VideoViewTool* tool) {
    tool_ = tool;
    setMouseTracking(tool != nullptr);  // hover feedback needs moves without a button held
}

void VideoView::setMessage(const QString& message) {
    message_ = message;
    update();
}

QTransform VideoView::imageToWidget() const {
    return QTransform(scale_, 0, 0, scale_, offset_.x(), offset_.y());
}

void VideoView::fitToWindow() {
    fitted_ = true;
    applyFit();
    update();
}

void VideoView::applyFit() {
    if (image_.isNull()) {
        scale_ = 1.0;
        offset_ = QPointF();
    } else {
        scale_ = std::min(double(width()) / image_.width(), double(height()) / image_.height());
        if (!(scale_ > 0)) scale_ = 1.0;
        offset_ = QPointF((width() - image_.width() * scale_) / 2.0, (height() - image_.height() * scale_) / 2.0);
    }
    Q_EMIT transformChanged();
}

void VideoView::zoomAbout(QPointF widgetPoint, double factor) {
    const double newScale = std::clamp(scale_ * factor, kMinZoom, kMaxZoom);
    if (newScale == scale_) return;
    const QPointF imagePoint = (widgetPoint - offset_) / scale_;
    scale_ = newScale;
    offset_ = widgetPoint - imagePoint * scale_;
    fitted_ = false;
    Q_EMIT transformChanged();
    update();
}

void VideoView::panBy(QPointF widgetDelta) {
    offset_ += widgetDelta;
    fitted_ = false;
    Q_EMIT transformChanged();
    update();
}

void VideoView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), QColor(24, 24, 24));
    if (image_.isNull()) {
        painter.setPen(QColor(200, 200, 200));
        painter.drawText(rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap, message_);
        return;
    }
    painter.setRenderHint(QPainter::SmoothPixmapTransform, scale_ < kSharpPixelsAbove);
    const QTransform transform = imageToWidget();
    painter.setTransform(transform);
    painter.drawImage(QPointF(0, 0), image_);
    painter.resetTransform();
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (VideoOverlay* overlay : overlays_) {
        if (!overlay->isVisible()) continue;
        painter.save();
        overlay->paint(painter, transform);
        painter.restore();
    }
    Q_EMIT framePainted(frame_->index);
}

void VideoView::resizeEvent(QResizeEvent*) {
    if (fitted_) applyFit();
}

void VideoView::wheelEvent(QWheelEvent* event) {
    const int delta = event->angleDelta().y();
    if (delta == 0) {
        event->ignore();
        return;
    }
    zoomAbout(event->position(), std::pow(kZoomPerNotch, delta / 120.0));
    event->accept();
}

void VideoView::mousePressEvent(QMouseEvent* event) {
    // The tool (joint editing) takes presses on what it handles; left drag on empty space and
    // middle drag anywhere pan.
    if (!dragging_ && event->button() != Qt::MiddleButton && tool_ && tool_->mousePress(event)) {
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton) {
        dragging_ = true;
        lastDragPoint_ = event->position();
        setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void VideoView::mouseMoveEvent(QMouseEvent* event) {
    if (!dragging_) {
        if (tool_ && tool_->mouseMove(event)) {
            event->accept();
            return;
        }
        QWidget::mouseMoveEvent(event);
        return;
    }
    const QPointF delta = event->position() - lastDragPoint_;
    lastDragPoint_ = event->position();
    if (!delta.isNull()) panBy(delta);
    event->accept();
}

void VideoView::mouseReleaseEvent(QMouseEvent* event) {
    if (!dragging_ && tool_ && tool_->mouseRelease(event)) {
        event->accept();
        return;
    }
    if (dragging_ && tool_) tool_->mouseRelease(event);  // a click on empty space (no pan) deselects
    if (dragging_ && (event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton)) {
        dragging_ = false;
        unsetCursor();
        event->accept();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void VideoView::mouseDoubleClickEvent(QMouseEvent* event) {
    // On a joint a double click is a second press on it (it may start a drag), not "fit".
    if (event->button() == Qt::LeftButton && tool_ && tool_->mousePress(event)) {
        event->accept();
        return;
    }
    if (event->button() == Qt::LeftButton) {
        fitToWindow();
        event->accept();
        return;
    }
    QWidget::mouseDoubleClickEvent(event);
}

void VideoView::contextMenuEvent(QContextMenuEvent* event) {
    if (tool_ && tool_->contextMenu(event)) return;
    QWidget::contextMenuEvent(event);
}

void VideoView::leaveEvent(QEvent* event) {
    if (tool_) tool_->mouseLeft();
    QWidget::leaveEvent(event);
}

}  // namespace actionlens::ui
