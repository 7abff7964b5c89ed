#include "ui/player/segment_label_overlay.h"

#include "ui/style/annotation_colours.h"

#include <QFontMetricsF>

#include <algorithm>

namespace actionlens::ui {

void SegmentLabelOverlay::paint(QPainter& painter, const QTransform& imageToWidget) {
    if (lines_.empty()) return;
    constexpr double kPad = 6;
    constexpr double kGap = 8;
    const QFontMetricsF metrics(painter.font());
    const double lineHeight = metrics.height() + 6;
    double subjectWidth = 0, actionWidth = 0, detailWidth = 0;
    for (const auto& line : lines_) {
        subjectWidth = std::max(subjectWidth, metrics.horizontalAdvance(line.subject));
        actionWidth = std::max(actionWidth, metrics.horizontalAdvance(line.action) + 2 * kPad);
        detailWidth = std::max(detailWidth, metrics.horizontalAdvance(line.details));
    }
    const QSizeF size(kPad + 12 + subjectWidth + kGap + actionWidth + kGap + detailWidth + kPad,
                      kPad + lineHeight * double(lines_.size()) + kPad - 4);
    const QRectF widget = painter.window();
    QPointF origin = imageToWidget.map(QPointF(0, 0)) + QPointF(8, 8);
    origin.setX(std::clamp(origin.x(), 8.0, std::max(8.0, widget.width() - size.width() - 8)));
    origin.setY(std::clamp(origin.y(), 8.0, std::max(8.0, widget.height() - size.height() - 8)));
    const QRectF panel(origin, size);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(20, 20, 24, 190));
    painter.drawRoundedRect(panel, 5, 5);

    double y = panel.top() + kPad;
    for (const auto& line : lines_) {
        double x = panel.left() + kPad;
        const QRectF row(x, y, panel.width(), lineHeight - 4);
        painter.setPen(Qt::NoPen);
        painter.setBrush(line.subjectColour);
        painter.drawEllipse(QPointF(x + 4, row.center().y()), 4, 4);
        x += 12;
        painter.setPen(QColor(235, 235, 235));
        painter.drawText(QRectF(x, y, subjectWidth, row.height()), Qt::AlignVCenter | Qt::AlignLeft, line.subject);
        x += subjectWidth + kGap;
        const QRectF chip(x, y, metrics.horizontalAdvance(line.action) + 2 * kPad, row.height());
        painter.setPen(Qt::NoPen);
        painter.setBrush(line.actionColour);
        painter.drawRoundedRect(chip, 3, 3);
        painter.setPen(textColourOn(line.actionColour));
        painter.drawText(chip, Qt::AlignCenter, line.action);
        x += actionWidth + kGap;
        painter.setPen(QColor(200, 200, 200));
        painter.drawText(QRectF(x, y, detailWidth + 1, row.height()), Qt::AlignVCenter | Qt::AlignLeft, line.details);
        y += lineHeight;
    }
}

}  // namespace actionlens::ui
