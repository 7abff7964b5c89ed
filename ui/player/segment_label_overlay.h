#pragma once

// SegmentLabelOverlay: the labels of the segments under the playhead, one line per subject
// ("alice  jump · lower body · front"), on a translucent panel in the picture's top-left
// corner, kept inside the widget however the picture is zoomed or panned.

#include "ui/player/video_overlay.h"

#include <QColor>
#include <QString>

#include <vector>

namespace actionlens::ui {

struct SegmentLabelLine {
    QString subject;
    QColor subjectColour;
    QString action;
    QColor actionColour;
    QString details;  // group and attribute values
};

class SegmentLabelOverlay : public VideoOverlay {
public:
    void setLines(std::vector<SegmentLabelLine> lines) { lines_ = std::move(lines); }
    const std::vector<SegmentLabelLine>& lines() const { return lines_; }
    void paint(QPainter& painter, const QTransform& imageToWidget) override;

private:
    std::vector<SegmentLabelLine> lines_;
};

}  // namespace actionlens::ui
