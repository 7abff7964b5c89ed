#pragma once

// VideoViewTool: what the mouse does in the video view besides zoom and pan (picking and
// dragging skeleton joints). The view offers each mouse event to its tool first; an event the
// tool does not take pans as before, so empty space stays a handle for panning.

class QContextMenuEvent;
class QMouseEvent;

namespace actionlens::ui {

class VideoViewTool {
public:
    virtual ~VideoViewTool() = default;
    // Each returns true when the tool took the event.
    virtual bool mousePress(QMouseEvent* event) = 0;
    virtual bool mouseMove(QMouseEvent* event) = 0;  // also without a button held (hover)
    virtual bool mouseRelease(QMouseEvent* event) = 0;
    virtual bool contextMenu(QContextMenuEvent* event) = 0;
    virtual void mouseLeft() = 0;
};

}  // namespace actionlens::ui
