// TimelineWidget: painting (ruler, skeleton lane, subject lanes, marks and playhead).

#include "ui/timeline/timeline_widget.h"

#include "core/annotation/group_only_label.h"
#include "ui/document/project_document.h"
#include "ui/style/annotation_colours.h"
#include "ui/timeline/timeline_style.h"

#include <QPainter>

#include <algorithm>
#include <cmath>

namespace actionlens::ui {

namespace {
constexpr double kMinLabelSpacing = 64;

QColor sourceColour(annotation::PoseSource source) {
    switch (source) {
    case annotation::PoseSource::Manual: return QColor(0x2e, 0xcc, 0x71);
    case annotation::PoseSource::Imported: return QColor(0x7f, 0x9c, 0xb5);
    case annotation::PoseSource::Interpolated: return QColor(0xf3, 0x9c, 0x12);
    case annotation::PoseSource::Model: return QColor(0xa2, 0x9b, 0xfe);
    }
    return timeline_style::kDimText;
}

QString shortTime(double seconds) {
    const qint64 tenths = std::llround(seconds * 10);
    return QStringLiteral("%1:%2.%3")
        .arg(tenths / 600)
        .arg(tenths / 10 % 60, 2, 10, QLatin1Char('0'))
        .arg(tenths % 10);
}
}  // namespace

using namespace timeline_style;

void TimelineWidget::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), kBackground);
    painter.fillRect(QRect(0, 0, kHeaderWidth, height()), kHeaderBackground);
    painter.setRenderHint(QPainter::Antialiasing, true);
    paintRuler(painter);
    paintSkeletonLane(painter);
    paintLanes(painter);
    paintMarksAndPlayhead(painter);
}

void TimelineWidget::paintRuler(QPainter& painter) const {
    const int step = scale_.tickStep(kMinLabelSpacing);
    const int minor = step >= 5 ? step / 5 : 1;
    painter.setClipRect(QRect(kHeaderWidth, 0, width() - kHeaderWidth, height()));
    const int first = int(std::floor(scale_.firstVisibleFrame() / minor)) * minor;
    const int last = int(std::ceil(scale_.firstVisibleFrame() + scale_.visibleFrames()));
    QFont small = painter.font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    for (int f = first; f <= last; f += minor) {
        const double x = xOfFrame(f);
        const bool labelled = f % step == 0;
        painter.setPen(labelled ? kDimText : kGrid);
        painter.drawLine(QPointF(x, kRulerHeight - (labelled ? 12 : 5)), QPointF(x, kRulerHeight));
        if (!labelled) continue;
        painter.setPen(kGrid);
        painter.drawLine(QPointF(x, kRulerHeight), QPointF(x, height()));
        painter.setPen(kText);
        painter.setFont(small);
        painter.drawText(QPointF(x + 3, 12), QString::number(f));
        if (secondsOf_ && f < scale_.frameCount()) {
            painter.setPen(kDimText);
            painter.drawText(QPointF(x + 3, 24), shortTime(secondsOf_(f)));
        }
    }
    painter.setClipping(false);
    painter.setFont(font());
    painter.setPen(kDimText);
    painter.drawText(QRectF(8, 0, kHeaderWidth - 12, kRulerHeight), Qt::AlignVCenter, tr("frame / time"));
}

void TimelineWidget::paintSkeletonLane(QPainter& painter) const {
    const QRectF lane = skeletonLaneRect();
    painter.fillRect(lane.adjusted(0, 2, 0, -2), kLaneBackground);
    painter.setPen(kDimText);
    painter.drawText(QRectF(8, lane.top() - 2, kHeaderWidth - 12, lane.height() + 4), Qt::AlignVCenter, tr("skeletons"));
    // Runs of consecutive frames of one source become one rectangle.
    const auto& marks = document_.skeletonPresence();
    painter.setPen(Qt::NoPen);
    size_t i = 0;
    while (i < marks.size()) {
        size_t j = i;
        while (j + 1 < marks.size() && marks[j + 1].source == marks[i].source && marks[j + 1].frame <= marks[j].frame + 1) ++j;
        const double left = xOfFrame(double(marks[i].frame));
        const double right = xOfFrame(double(marks[j].frame + 1));
        if (right >= kHeaderWidth && left <= width()) {
            // Interpolated runs are thinner and paler than frames someone placed: filled in
            // between keyframes, not annotated.
            const bool interpolated = marks[i].source == annotation::PoseSource::Interpolated;
            const double inset = interpolated ? 4.5 : 3;
            QColor colour = sourceColour(marks[i].source);
            if (interpolated) colour.setAlpha(170);
            painter.fillRect(QRectF(left, lane.top() + inset, std::max(1.0, right - left), lane.height() - 2 * inset), colour);
        }
        i = j + 1;
    }
    // Keyframes (manual frames) as ticks once frames are wide enough to tell apart.
    const double frameWidth = xOfFrame(1.0) - xOfFrame(0.0);
    if (frameWidth < 4) return;
    painter.setPen(QPen(QColor(0xec, 0xf0, 0xf1), 1.5));
    for (const auto& mark : marks) {
        if (mark.source != annotation::PoseSource::Manual) continue;
        const double x = xOfFrame(double(mark.frame) + 0.5);
        if (x < kHeaderWidth || x > width()) continue;
        painter.drawLine(QPointF(x, lane.top() + 1), QPointF(x, lane.bottom() - 1));
    }
}

void TimelineWidget::paintLanes(QPainter& painter) const {
    const annotation::Taxonomy* taxonomy = document_.isOpen() ? &document_.taxonomy() : nullptr;
    const annotation::TaskDefinition* actionTask = taxonomy ? taxonomy->actionTask() : nullptr;
    for (const Row& row : rows_) {
        const std::int64_t subject = row.subjectId;
        const QRectF lane = rowRect(row);
        if (!row.model.empty()) {
            // A model's lane: darker, its header the model's file name under the subject's.
            painter.fillRect(lane, kLaneBackground.darker(120));
            QFont small = font();
            small.setPointSizeF(small.pointSizeF() * 0.85);
            small.setItalic(true);
            painter.setFont(small);
            painter.setPen(kDimText);
            const QString name = QString::fromStdString(row.model.substr(std::char_traits<char>::length(annotation::kModelAnnotatorPrefix)));
            painter.drawText(QRectF(26, lane.top(), kHeaderWidth - 30, lane.height()), Qt::AlignVCenter | Qt::AlignLeft,
                             painter.fontMetrics().elidedText(tr("model %1").arg(name), Qt::ElideMiddle, kHeaderWidth - 30));
            painter.setFont(font());
            continue;
        }
        painter.fillRect(lane, kLaneBackground);
        if (subject == activeSubject()) {
            // The lane new segments go to: a lighter name plate with an accent bar.
            painter.fillRect(QRectF(0, lane.top(), kHeaderWidth, lane.height()), kLaneBackground.lighter(125));
            painter.fillRect(QRectF(0, lane.top(), 3, lane.height()), kMarks);
        }
        painter.setPen(Qt::NoPen);
        painter.setBrush(subjectColour(subject));
        painter.drawEllipse(QPointF(14, lane.center().y()), 5, 5);
        painter.setPen(kText);
        const QString name = !row.layered ? document_.subjectName(subject)
                                          : QStringLiteral("%1 \u00b7 %2").arg(document_.subjectName(subject),
                                                                                row.annotator.empty() ? tr("(no annotator)")
                                                                                                      : QString::fromStdString(row.annotator));
        painter.drawText(QRectF(26, lane.top(), kHeaderWidth - 30, lane.height()), Qt::AlignVCenter | Qt::AlignLeft,
                         painter.fontMetrics().elidedText(name, Qt::ElideMiddle, kHeaderWidth - 30));
    }
    painter.setClipRect(QRect(kHeaderWidth, 0, width() - kHeaderWidth, height()));
    for (const annotation::Segment& s : document_.segments()) {
        const QRectF r = segmentRect(s.id);
        if (r.right() < kHeaderWidth || r.left() > width()) continue;
        const std::string action = actionTask && s.labels.count(actionTask->name) ? s.labels.at(actionTask->name) : std::string();
        // A group-only label (action unclear) shows the group in its colour.
        const auto groupOnly = action.empty() ? s.labels.find(annotation::kGroupOnlyLabelKey) : s.labels.end();
        const bool byGroup = groupOnly != s.labels.end();
        const QColor colour = !taxonomy ? QColor(Qt::gray) : byGroup ? groupColour(*taxonomy, groupOnly->second) : actionColour(*taxonomy, action);
        const bool selected = selection_.count(s.id) > 0;
        const bool prediction = annotation::isModelPrediction(s);
        QColor fill = colour;
        if (prediction) {
            // Paler the less sure the model is: a confident proposal stands out, a doubtful one recedes.
            fill.setAlphaF(float(0.25 + 0.65 * std::clamp(s.confidence.value_or(0.5), 0.0, 1.0)));
        }
        QPen outline = selected ? QPen(Qt::white, 2) : QPen(prediction ? colour.lighter(130) : colour.darker(130), 1);
        if (prediction) outline.setStyle(Qt::DashLine);
        painter.setPen(outline);
        painter.setBrush(fill);
        painter.drawRoundedRect(r, 3, 3);
        if (!s.source.empty() && r.width() > 8) {
            // Model-assisted: a corner notch, so accepted proposals stay told apart from drawn ones.
            const QPointF notch[3] = {r.topRight() + QPointF(-7, 0), r.topRight(), r.topRight() + QPointF(0, 7)};
            painter.setPen(Qt::NoPen);
            painter.setBrush(kText);
            painter.drawPolygon(notch, 3);
        }
        if (r.width() > 24) {
            painter.setPen(prediction ? kText : textColourOn(colour));
            QString text = byGroup          ? tr("%1 (action unclear)").arg(QString::fromStdString(groupOnly->second))
                           : action.empty() ? tr("(no action)")
                                            : QString::fromStdString(action);
            if (prediction && s.confidence) text += QStringLiteral(" %1").arg(*s.confidence, 0, 'f', 2);
            const QRectF textRect = r.adjusted(6, 0, -4, 0);
            painter.drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                             painter.fontMetrics().elidedText(text, Qt::ElideRight, int(textRect.width())));
        }
    }
    painter.setClipping(false);
}

void TimelineWidget::paintMarksAndPlayhead(QPainter& painter) const {
    painter.setClipRect(QRect(kHeaderWidth, 0, width() - kHeaderWidth, height()));
    if (markIn_ || markOut_) {
        const double left = xOfFrame(markIn_.value_or(0));
        const double right = xOfFrame(markOut_.value_or(scale_.frameCount() - 1) + 1);
        QColor shade = kMarks;
        shade.setAlpha(50);
        painter.fillRect(QRectF(left, kRulerHeight, right - left, height() - kRulerHeight), shade);
        painter.setPen(QPen(kMarks, 2));
        if (markIn_) painter.drawLine(QPointF(left, 0), QPointF(left, height()));
        if (markOut_) painter.drawLine(QPointF(right, 0), QPointF(right, height()));
    }
    // The playhead covers its whole frame when zoomed in, a line when zoomed out.
    const double left = xOfFrame(playhead_);
    const double frameWidth = scale_.pixelsPerFrame();
    QColor band = kPlayhead;
    band.setAlpha(60);
    if (frameWidth >= 4) painter.fillRect(QRectF(left, 0, frameWidth, height()), band);
    const double x = frameWidth >= 4 ? left + frameWidth / 2 : left;
    painter.setPen(QPen(kPlayhead, 2));
    painter.drawLine(QPointF(x, 0), QPointF(x, height()));
    painter.setPen(Qt::NoPen);
    painter.setBrush(kPlayhead);
    const QPointF tip[3] = {QPointF(x - 6, 0), QPointF(x + 6, 0), QPointF(x, 8)};
    painter.drawPolygon(tip, 3);
    painter.setClipping(false);
}

}  // namespace actionlens::ui
