#include "ui/timeline_widget.h"

#include "ui/annotation_colours.h"
#include "ui/project_document.h"

#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace actionlens::ui {

namespace {
constexpr int kScrollBarHeight = 14;
constexpr double kZoomStep = 1.5;
constexpr double kMinLabelSpacing = 64;

const QColor kBackground(0x23, 0x25, 0x29);
const QColor kHeaderBackground(0x2b, 0x2e, 0x33);
const QColor kLaneBackground(0x2f, 0x32, 0x38);
const QColor kGrid(0x3b, 0x3f, 0x46);
const QColor kText(0xe6, 0xe6, 0xe6);
const QColor kDimText(0x9a, 0xa0, 0xa6);
const QColor kPlayhead(0xff, 0x4d, 0x4d);
const QColor kMarks(0x4d, 0xa3, 0xff);

QColor sourceColour(annotation::PoseSource source) {
    switch (source) {
    case annotation::PoseSource::Manual: return QColor(0x2e, 0xcc, 0x71);
    case annotation::PoseSource::Imported: return QColor(0x7f, 0x9c, 0xb5);
    case annotation::PoseSource::Interpolated: return QColor(0xf3, 0x9c, 0x12);
    case annotation::PoseSource::Model: return QColor(0xa2, 0x9b, 0xfe);
    }
    return kDimText;
}

QString shortTime(double seconds) {
    const qint64 tenths = std::llround(seconds * 10);
    return QStringLiteral("%1:%2.%3")
        .arg(tenths / 600)
        .arg(tenths / 10 % 60, 2, 10, QLatin1Char('0'))
        .arg(tenths % 10);
}
}  // namespace

TimelineWidget::TimelineWidget(ProjectDocument& document, QWidget* parent) : QWidget(parent), document_(document) {
    setMouseTracking(true);
    setFocusPolicy(Qt::ClickFocus);
    scrollBar_ = new QScrollBar(Qt::Horizontal, this);
    connect(scrollBar_, &QScrollBar::valueChanged, this, [this](int value) {
        if (syncingScrollBar_) return;
        scale_.scrollTo(value);
        update();
    });
    connect(&document_, &ProjectDocument::segmentsChanged, this, &TimelineWidget::rebuildLanes);
    connect(&document_, &ProjectDocument::skeletonsChanged, this, &TimelineWidget::rebuildLanes);
    connect(&document_, &ProjectDocument::subjectsChanged, this, qOverload<>(&QWidget::update));
    connect(&document_, &ProjectDocument::currentVideoChanged, this, [this] {
        selection_.clear();
        current_ = 0;
        markIn_.reset();
        markOut_.reset();
        if (const annotation::Video* video = document_.currentVideo()) setFrameCount(int(video->frameCount));
        rebuildLanes();
        Q_EMIT selectionChanged();
    });
    rebuildLanes();
}

QSize TimelineWidget::sizeHint() const { return {800, kRulerHeight + kSkeletonLaneHeight + 3 * (kLaneHeight + kLaneGap) + kScrollBarHeight + 8}; }
QSize TimelineWidget::minimumSizeHint() const { return {300, kRulerHeight + kSkeletonLaneHeight + kLaneHeight + kScrollBarHeight + 8}; }

void TimelineWidget::setFrameCount(int frames) {
    scale_.setFrameCount(frames);
    layoutScale();
    update();
}

void TimelineWidget::setPlayhead(int frame) {
    if (frame == playhead_) return;
    playhead_ = frame;
    scale_.ensureVisible(frame);
    syncScrollBar();
    update();
}

void TimelineWidget::setMarks(std::optional<int> in, std::optional<int> out) {
    markIn_ = in;
    markOut_ = out;
    update();
}

void TimelineWidget::setSelection(std::set<std::int64_t> ids) {
    for (auto it = ids.begin(); it != ids.end();) it = document_.segment(*it) ? std::next(it) : ids.erase(it);
    if (ids == selection_) return;
    selection_ = std::move(ids);
    current_ = selection_.count(current_) ? current_ : (selection_.empty() ? 0 : *selection_.begin());
    update();
    Q_EMIT selectionChanged();
}

std::int64_t TimelineWidget::activeSubject() const {
    if (std::find(lanes_.begin(), lanes_.end(), activeSubject_) != lanes_.end()) return activeSubject_;
    return lanes_.empty() ? 0 : lanes_.front();
}

void TimelineWidget::setActiveSubject(std::int64_t subjectId) {
    if (subjectId == activeSubject_) return;
    activeSubject_ = subjectId;
    update();
    Q_EMIT activeSubjectChanged(activeSubject());
}

void TimelineWidget::zoomIn() {
    scale_.zoomAbout(xOfFrame(playhead_) - kHeaderWidth, kZoomStep);
    syncScrollBar();
    update();
}

void TimelineWidget::zoomOut() {
    scale_.zoomAbout(xOfFrame(playhead_) - kHeaderWidth, 1.0 / kZoomStep);
    syncScrollBar();
    update();
}

void TimelineWidget::zoomToFit() {
    scale_.fitAll();
    syncScrollBar();
    update();
}

void TimelineWidget::rebuildLanes() {
    lanes_ = document_.subjectsOfCurrentVideo();
    // Selected segments that no longer exist (undone, deleted) leave the selection.
    std::set<std::int64_t> kept;
    for (std::int64_t id : selection_)
        if (document_.segment(id)) kept.insert(id);
    if (kept != selection_) {
        selection_ = kept;
        if (!selection_.count(current_)) current_ = selection_.empty() ? 0 : *selection_.begin();
        Q_EMIT selectionChanged();
    }
    updateGeometry();
    update();
}

void TimelineWidget::layoutScale() {
    scale_.setWidth(width() - kHeaderWidth);
    scrollBar_->setGeometry(kHeaderWidth, height() - kScrollBarHeight, width() - kHeaderWidth, kScrollBarHeight);
    syncScrollBar();
}

void TimelineWidget::syncScrollBar() {
    syncingScrollBar_ = true;
    const int visible = std::max(1, int(std::floor(scale_.visibleFrames())));
    scrollBar_->setRange(0, std::max(0, scale_.frameCount() - visible));
    scrollBar_->setPageStep(visible);
    scrollBar_->setSingleStep(std::max(1, visible / 10));
    scrollBar_->setValue(int(std::lround(scale_.firstVisibleFrame())));
    scrollBar_->setVisible(scrollBar_->maximum() > 0);
    syncingScrollBar_ = false;
}

void TimelineWidget::resizeEvent(QResizeEvent*) { layoutScale(); }

double TimelineWidget::xOfFrame(double frame) const { return kHeaderWidth + scale_.xOfFrame(frame); }

int TimelineWidget::frameAt(double widgetX) const { return scale_.frameAtX(widgetX - kHeaderWidth); }

QRectF TimelineWidget::skeletonLaneRect() const {
    return QRectF(kHeaderWidth, kRulerHeight, width() - kHeaderWidth, kSkeletonLaneHeight);
}

QRectF TimelineWidget::laneRect(std::int64_t subjectId) const {
    auto it = std::find(lanes_.begin(), lanes_.end(), subjectId);
    if (it == lanes_.end()) return {};
    const int index = int(it - lanes_.begin());
    const double top = kRulerHeight + kSkeletonLaneHeight + kLaneGap + index * (kLaneHeight + kLaneGap);
    return QRectF(kHeaderWidth, top, width() - kHeaderWidth, kLaneHeight);
}

std::pair<std::int64_t, std::int64_t> TimelineWidget::shownBounds(std::int64_t segmentId) const {
    if ((drag_ == Drag::FirstEdge || drag_ == Drag::LastEdge) && segmentId == dragSegment_) return {dragFirst_, dragLast_};
    const annotation::Segment* s = document_.segment(segmentId);
    return s ? std::make_pair(s->firstFrame, s->lastFrame) : std::make_pair(std::int64_t(0), std::int64_t(-1));
}

QRectF TimelineWidget::segmentRect(std::int64_t segmentId) const {
    const annotation::Segment* s = document_.segment(segmentId);
    if (!s) return {};
    const QRectF lane = laneRect(s->subjectId);
    const auto [first, last] = shownBounds(segmentId);
    const double left = xOfFrame(double(first));
    const double right = xOfFrame(double(last + 1));
    return QRectF(left, lane.top() + 2, std::max(1.0, right - left), lane.height() - 4);
}

TimelineWidget::Hit TimelineWidget::hitTest(QPointF point) const {
    // Edges first, so a short segment's edge can still be grabbed.
    Hit best;
    double bestDistance = kEdgeGrip + 1;
    for (const annotation::Segment& s : document_.segments()) {
        const QRectF r = segmentRect(s.id);
        if (point.y() < r.top() || point.y() > r.bottom()) continue;
        const double toFirst = std::abs(point.x() - r.left());
        const double toLast = std::abs(point.x() - r.right());
        if (toFirst <= kEdgeGrip && toFirst < bestDistance) best = {s.id, Drag::FirstEdge}, bestDistance = toFirst;
        if (toLast <= kEdgeGrip && toLast < bestDistance) best = {s.id, Drag::LastEdge}, bestDistance = toLast;
    }
    if (best.segment) return best;
    for (const annotation::Segment& s : document_.segments())
        if (segmentRect(s.id).contains(point)) return {s.id, Drag::None};
    return {};
}

void TimelineWidget::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    if (event->position().x() < kHeaderWidth) {
        for (std::int64_t subject : lanes_) {
            const QRectF lane = laneRect(subject);
            if (event->position().y() >= lane.top() && event->position().y() <= lane.bottom()) setActiveSubject(subject);
        }
        event->accept();
        return;
    }
    const Hit hit = hitTest(event->position());
    if (hit.segment && hit.edge != Drag::None && !(event->modifiers() & Qt::ControlModifier)) {
        const annotation::Segment* s = document_.segment(hit.segment);
        drag_ = hit.edge;
        dragSegment_ = hit.segment;
        dragFirst_ = s->firstFrame;
        dragLast_ = s->lastFrame;
        setSelection({hit.segment});
        current_ = hit.segment;
        setActiveSubject(s->subjectId);
    } else if (hit.segment) {
        std::set<std::int64_t> ids = selection_;
        if (event->modifiers() & Qt::ControlModifier) {
            if (!ids.erase(hit.segment)) ids.insert(hit.segment);
        } else {
            ids = {hit.segment};
        }
        current_ = hit.segment;
        setSelection(std::move(ids));
        if (const annotation::Segment* s = document_.segment(hit.segment)) setActiveSubject(s->subjectId);
        update();
    } else {
        drag_ = Drag::Scrub;
        Q_EMIT seekRequested(frameAt(event->position().x()));
    }
    event->accept();
}

void TimelineWidget::mouseMoveEvent(QMouseEvent* event) {
    const int frame = frameAt(event->position().x());
    switch (drag_) {
    case Drag::None: {
        const Hit hit = hitTest(event->position());
        setCursor(hit.edge != Drag::None ? Qt::SizeHorCursor : Qt::ArrowCursor);
        return;
    }
    case Drag::Scrub: Q_EMIT seekRequested(frame); break;
    case Drag::FirstEdge: {
        // The frame under the cursor becomes the first; an edge never passes the other one.
        const double frameFloat = scale_.firstVisibleFrame() + (event->position().x() - kHeaderWidth) / scale_.pixelsPerFrame();
        dragFirst_ = std::clamp<std::int64_t>(std::llround(frameFloat), 0, dragLast_);
        break;
    }
    case Drag::LastEdge: {
        const double frameFloat = scale_.firstVisibleFrame() + (event->position().x() - kHeaderWidth) / scale_.pixelsPerFrame();
        dragLast_ = std::clamp<std::int64_t>(std::llround(frameFloat) - 1, dragFirst_, scale_.frameCount() - 1);
        break;
    }
    }
    update();
    event->accept();
}

void TimelineWidget::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) return;
    const Drag finished = drag_;
    drag_ = Drag::None;
    if (finished == Drag::FirstEdge || finished == Drag::LastEdge) {
        const annotation::Segment* s = document_.segment(dragSegment_);
        if (s && (s->firstFrame != dragFirst_ || s->lastFrame != dragLast_))
            Q_EMIT segmentBoundsEdited(dragSegment_, dragFirst_, dragLast_);
        update();
    }
    event->accept();
}

void TimelineWidget::wheelEvent(QWheelEvent* event) {
    const double notches = event->angleDelta().y() / 120.0;
    if (notches == 0) return;
    if (event->modifiers() & Qt::ControlModifier) {
        scale_.zoomAbout(event->position().x() - kHeaderWidth, std::pow(kZoomStep, notches));
    } else {
        scale_.scrollTo(scale_.firstVisibleFrame() - notches * scale_.visibleFrames() / 10);
    }
    syncScrollBar();
    update();
    event->accept();
}

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
        if (right >= kHeaderWidth && left <= width())
            painter.fillRect(QRectF(left, lane.top() + 3, std::max(1.0, right - left), lane.height() - 6), sourceColour(marks[i].source));
        i = j + 1;
    }
}

void TimelineWidget::paintLanes(QPainter& painter) const {
    const annotation::Taxonomy* taxonomy = document_.isOpen() ? &document_.taxonomy() : nullptr;
    const annotation::TaskDefinition* actionTask = taxonomy ? taxonomy->actionTask() : nullptr;
    for (std::int64_t subject : lanes_) {
        const QRectF lane = laneRect(subject);
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
        painter.drawText(QRectF(26, lane.top(), kHeaderWidth - 30, lane.height()), Qt::AlignVCenter | Qt::AlignLeft,
                         painter.fontMetrics().elidedText(document_.subjectName(subject), Qt::ElideRight, kHeaderWidth - 30));
    }
    painter.setClipRect(QRect(kHeaderWidth, 0, width() - kHeaderWidth, height()));
    for (const annotation::Segment& s : document_.segments()) {
        const QRectF r = segmentRect(s.id);
        if (r.right() < kHeaderWidth || r.left() > width()) continue;
        const std::string action = actionTask && s.labels.count(actionTask->name) ? s.labels.at(actionTask->name) : std::string();
        const QColor colour = taxonomy ? actionColour(*taxonomy, action) : QColor(Qt::gray);
        const bool selected = selection_.count(s.id) > 0;
        painter.setPen(selected ? QPen(Qt::white, 2) : QPen(colour.darker(130), 1));
        painter.setBrush(colour);
        painter.drawRoundedRect(r, 3, 3);
        if (r.width() > 24) {
            painter.setPen(textColourOn(colour));
            const QString text = action.empty() ? tr("(no action)") : QString::fromStdString(action);
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
