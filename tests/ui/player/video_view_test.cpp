#include "ui/player/video_view.h"

#include <QApplication>
#include <QMouseEvent>
#include <QWheelEvent>

#include <gtest/gtest.h>

#include <memory>

using actionlens::media::FramePtr;
using actionlens::media::VideoFrame;
using actionlens::ui::VideoView;

namespace {

FramePtr grayFrame(int width, int height) {
    auto frame = std::make_shared<VideoFrame>();
    frame->index = 3;
    frame->width = width;
    frame->height = height;
    frame->stride = actionlens::media::alignedRgbStride(width);
    frame->rgb.assign(static_cast<size_t>(frame->stride) * height, 128);
    return frame;
}

// One colour everywhere, packed as `layout` says.
FramePtr colourFrame(int width, int height, QColor colour, actionlens::media::PixelLayout layout) {
    auto frame = std::make_shared<VideoFrame>();
    frame->width = width;
    frame->height = height;
    frame->layout = layout;
    frame->stride = actionlens::media::alignedStride(width, layout);
    frame->rgb.assign(static_cast<size_t>(frame->stride) * height, 0);
    const bool bgrx = layout == actionlens::media::PixelLayout::Bgrx32;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            uint8_t* p = frame->row(y) + x * actionlens::media::bytesPerPixel(layout);
            p[0] = uint8_t(bgrx ? colour.blue() : colour.red());
            p[1] = uint8_t(colour.green());
            p[2] = uint8_t(bgrx ? colour.red() : colour.blue());
            if (bgrx) p[3] = 255;
        }
    return frame;
}

void expectNear(QPointF actual, QPointF expected, double tolerance = 1e-6) {
    EXPECT_NEAR(actual.x(), expected.x(), tolerance);
    EXPECT_NEAR(actual.y(), expected.y(), tolerance);
}

}  // namespace

TEST(VideoView, FitCentresTheImageAtTheLargestScaleThatFits) {
    VideoView view;
    view.resize(800, 400);
    view.setFrame(grayFrame(320, 240));
    view.fitToWindow();
    const double scale = 400.0 / 240.0;  // height limits: 800 / 320 would be larger
    EXPECT_DOUBLE_EQ(view.zoom(), scale);
    const QTransform t = view.imageToWidget();
    expectNear(t.map(QPointF(160, 120)), QPointF(400, 200));
    expectNear(t.map(QPointF(0, 0)), QPointF((800 - 320 * scale) / 2, 0));
    expectNear(t.map(QPointF(320, 240)), QPointF((800 + 320 * scale) / 2, 400));
}

TEST(VideoView, PaintsRgb24AndTheDecodersBgrx32FramesInTheirTrueColours) {
    const QColor colour(200, 120, 40);  // distinct channels: a swapped R and B would show
    for (auto layout : {actionlens::media::PixelLayout::Rgb24, actionlens::media::PixelLayout::Bgrx32}) {
        VideoView view;
        view.resize(200, 100);
        view.setFrame(colourFrame(64, 32, colour, layout));
        view.fitToWindow();
        const QImage shot = view.grab().toImage();
        const QColor centre = shot.pixelColor(shot.width() / 2, shot.height() / 2);
        EXPECT_EQ(centre.red(), 200) << int(layout);
        EXPECT_EQ(centre.green(), 120) << int(layout);
        EXPECT_EQ(centre.blue(), 40) << int(layout);
    }
}

TEST(VideoView, StaysFittedThroughResizesUntilZoomed) {
    VideoView view;
    view.show();  // a hidden widget gets its resize events only when shown
    view.resize(640, 480);
    view.setFrame(grayFrame(320, 240));
    EXPECT_DOUBLE_EQ(view.zoom(), 2.0);
    view.resize(320, 480);
    EXPECT_TRUE(view.isFitted());
    EXPECT_DOUBLE_EQ(view.zoom(), 1.0);
    expectNear(view.imageToWidget().map(QPointF(160, 120)), QPointF(160, 240));
    view.zoomAbout(QPointF(10, 10), 2.0);
    EXPECT_FALSE(view.isFitted());
    view.resize(640, 480);
    EXPECT_DOUBLE_EQ(view.zoom(), 2.0);  // the user's zoom survives a resize
}

TEST(VideoView, ZoomKeepsThePointUnderTheCursor) {
    VideoView view;
    view.resize(800, 600);
    view.setFrame(grayFrame(640, 360));
    view.fitToWindow();
    const QPointF cursor(123.0, 277.0);
    const QPointF imagePoint = view.imageToWidget().inverted().map(cursor);
    const double before = view.zoom();
    view.zoomAbout(cursor, 3.0);
    EXPECT_DOUBLE_EQ(view.zoom(), before * 3.0);
    expectNear(view.imageToWidget().map(imagePoint), cursor);
}

TEST(VideoView, WheelZoomsAboutTheCursorAndDragPans) {
    VideoView view;
    view.resize(800, 600);
    view.setFrame(grayFrame(640, 360));
    const QPointF cursor(600.0, 150.0);
    const QPointF imagePoint = view.imageToWidget().inverted().map(cursor);
    const double before = view.zoom();
    QWheelEvent wheel(cursor, view.mapToGlobal(cursor), QPoint(), QPoint(0, 240), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(&view, &wheel);
    EXPECT_GT(view.zoom(), before * 1.2);  // two notches in
    expectNear(view.imageToWidget().map(imagePoint), cursor);

    const QPointF start(300, 300), end(340, 270);
    const QPointF topLeftBefore = view.imageToWidget().map(QPointF(0, 0));
    QMouseEvent press(QEvent::MouseButtonPress, start, view.mapToGlobal(start), Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
    QMouseEvent move(QEvent::MouseMove, end, view.mapToGlobal(end), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QMouseEvent release(QEvent::MouseButtonRelease, end, view.mapToGlobal(end), Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(&view, &press);
    QApplication::sendEvent(&view, &move);
    QApplication::sendEvent(&view, &release);
    expectNear(view.imageToWidget().map(QPointF(0, 0)), topLeftBefore + (end - start));

    view.fitToWindow();
    EXPECT_TRUE(view.isFitted());
    EXPECT_DOUBLE_EQ(view.zoom(), 800.0 / 640.0);
}

TEST(VideoView, PaintsTheFramesPixels) {
    VideoView view;
    view.resize(200, 100);
    auto frame = std::make_shared<VideoFrame>();
    frame->index = 9;
    frame->width = 2;
    frame->height = 1;
    frame->stride = actionlens::media::alignedRgbStride(2);
    frame->rgb.assign(static_cast<size_t>(frame->stride), 0);
    frame->rgb[0] = 250;  // left pixel red
    frame->rgb[5] = 250;  // right pixel blue
    int painted = -1;
    QObject::connect(&view, &VideoView::framePainted, [&](int index) { painted = index; });
    view.setFrame(frame);
    const QImage shot = view.grab().toImage();
    EXPECT_EQ(painted, 9);
    // Zoom 100x is above the sharp-pixel threshold: each image pixel is a 100x100 block.
    EXPECT_EQ(QColor(shot.pixel(50, 50)), QColor(250, 0, 0));
    EXPECT_EQ(QColor(shot.pixel(150, 50)), QColor(0, 0, 250));
}
