#include "ui/timeline/timeline_widget.h"

#include "ui/document/project_document.h"
#include "ui/style/annotation_colours.h"
#include "ui/timeline/timeline_style.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QToolTip>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace actionlens::ui {

namespace {
constexpr int kScrollBarHeight = 14;
constexpr double kZoomStep = 1.5;
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

QSize TimelineWidget::sizeHint() const {
    int rows = 0;
    for (const Row& row : rows_) rows += (row.model.empty() ? kLaneHeight : kPredictionLaneHeight) + kLaneGap;
    return {800, kRulerHeight + kSkeletonLaneHeight + std::max(rows, 3 * (kLaneHeight + kLaneGap)) + kScrollBarHeight + 8};
}
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
    std::map<std::int64_t, std::set<std::string>> models;
    for (const annotation::Segment& s : document_.segments())
        if (annotation::isModelPrediction(s)) models[s.subjectId].insert(s.annotator);
    std::map<std::int64_t, std::set<std::string>> people;
    for (const annotation::Segment& s : document_.segments())
        if (!annotation::isModelPrediction(s) && (!shownAnnotator_ || s.annotator == *shownAnnotator_)) people[s.subjectId].insert(s.annotator);
    rows_.clear();
    for (std::int64_t subject : lanes_) {
        if (layers_ && !people[subject].empty()) {
            for (const std::string& annotator : people[subject]) rows_.push_back(Row{subject, {}, annotator, true});
        } else {
            rows_.push_back(Row{subject, {}, {}, false});
        }
        for (const std::string& model : models[subject]) rows_.push_back(Row{subject, model, {}, false});
    }
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

QRectF TimelineWidget::rowRect(const Row& wanted) const {
    double top = kRulerHeight + kSkeletonLaneHeight + kLaneGap;
    std::int64_t previousSubject = -1;
    for (const Row& row : rows_) {
        const int height = row.model.empty() ? kLaneHeight : kPredictionLaneHeight;
        // A prediction lane, or a subject's further annotator layer, sits close under the one above.
        if (!row.model.empty() || (row.layered && row.subjectId == previousSubject)) top -= kLaneGap - 1;
        previousSubject = row.subjectId;
        if (row.subjectId == wanted.subjectId && row.model == wanted.model && row.annotator == wanted.annotator &&
            row.layered == wanted.layered)
            return QRectF(kHeaderWidth, top, width() - kHeaderWidth, height);
        top += height + kLaneGap;
    }
    return {};
}

QRectF TimelineWidget::laneRect(std::int64_t subjectId) const {
    // The subject's (first) people's row.
    for (const Row& row : rows_)
        if (row.subjectId == subjectId && row.model.empty()) return rowRect(row);
    return {};
}

QRectF TimelineWidget::rowOfSegment(const annotation::Segment& s) const {
    if (annotation::isModelPrediction(s)) return rowRect(Row{s.subjectId, s.annotator, {}, false});
    if (layers_) {
        const QRectF layer = rowRect(Row{s.subjectId, {}, s.annotator, true});
        if (!layer.isEmpty()) return layer;
    }
    return rowRect(Row{s.subjectId, {}, {}, false});
}

void TimelineWidget::setShownAnnotator(std::optional<std::string> annotator) {
    if (shownAnnotator_ == annotator) return;
    shownAnnotator_ = std::move(annotator);
    rebuildLanes();
}

void TimelineWidget::setAnnotatorLayers(bool sideBySide) {
    if (layers_ == sideBySide) return;
    layers_ = sideBySide;
    rebuildLanes();
}

std::pair<std::int64_t, std::int64_t> TimelineWidget::shownBounds(std::int64_t segmentId) const {
    if ((drag_ == Drag::FirstEdge || drag_ == Drag::LastEdge) && segmentId == dragSegment_) return {dragFirst_, dragLast_};
    const annotation::Segment* s = document_.segment(segmentId);
    return s ? std::make_pair(s->firstFrame, s->lastFrame) : std::make_pair(std::int64_t(0), std::int64_t(-1));
}

QRectF TimelineWidget::segmentRect(std::int64_t segmentId) const {
    const annotation::Segment* s = document_.segment(segmentId);
    if (!s) return {};
    if (shownAnnotator_ && !annotation::isModelPrediction(*s) && s->annotator != *shownAnnotator_) return {};  // hidden
    const QRectF lane = rowOfSegment(*s);
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
        for (const Row& row : rows_) {
            const QRectF lane = rowRect(row);
            if (event->position().y() >= lane.top() && event->position().y() <= lane.bottom()) setActiveSubject(row.subjectId);
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

bool TimelineWidget::event(QEvent* event) {
    if (event->type() != QEvent::ToolTip) return QWidget::event(event);
    auto* help = static_cast<QHelpEvent*>(event);
    const QPointF point = help->pos();
    QString text;
    if (point.x() >= kHeaderWidth && skeletonLaneRect().contains(point)) {
        const int frame = frameAt(point.x());
        QStringList who;
        for (const auto& p : document_.skeletonPresence())
            if (p.frame == frame)
                who << tr("%1 (%2)").arg(document_.subjectName(p.subjectId), QLatin1String(annotation::poseSourceName(p.source)));
        text = who.isEmpty() ? tr("frame %1: no skeleton").arg(frame) : tr("frame %1: %2").arg(frame).arg(who.join(QStringLiteral(", ")));
    } else if (const Hit hit = hitTest(point); hit.segment) {
        const annotation::Segment* s = document_.segment(hit.segment);
        QStringList lines{tr("%1, frames %2-%3 (%4 frames)")
                              .arg(document_.subjectName(s->subjectId))
                              .arg(s->firstFrame)
                              .arg(s->lastFrame)
                              .arg(s->lastFrame - s->firstFrame + 1)};
        for (const auto& [task, value] : s->labels) lines << QStringLiteral("%1: %2").arg(QString::fromStdString(task), QString::fromStdString(value));
        if (annotation::isModelPrediction(*s))
            lines << tr("proposed by %1%2 (Ctrl+Return accepts, Shift+Delete rejects)")
                         .arg(QString::fromStdString(s->annotator),
                              s->confidence ? tr(", confidence %1").arg(*s->confidence, 0, 'f', 2) : QString());
        else if (!s->source.empty())
            lines << tr("accepted from %1 by %2").arg(QString::fromStdString(s->source), QString::fromStdString(s->annotator));
        else if (!s->annotator.empty())
            lines << tr("annotator: %1").arg(QString::fromStdString(s->annotator));
        if (const auto* task = document_.taxonomy().actionTask(); task && s->labels.count(task->name)) {
            const std::string group = actionGroup(document_.taxonomy(), s->labels.at(task->name));
            if (!group.empty()) lines << tr("group: %1").arg(QString::fromStdString(group));
        }
        text = lines.join(QLatin1Char('\n'));
    }
    if (text.isEmpty()) {
        QToolTip::hideText();
        event->ignore();
    } else {
        QToolTip::showText(help->globalPos(), text, this);
    }
    return true;
}

}  // namespace actionlens::ui
