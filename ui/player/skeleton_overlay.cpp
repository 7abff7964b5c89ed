#include "ui/player/skeleton_overlay.h"

#include "ui/style/annotation_colours.h"

#include <QFontMetricsF>

#include <algorithm>

namespace actionlens::ui {

namespace {

enum class Side { Centre, Left, Right };

Side sideOf(const annotation::SkeletonLayout& layout, int joint) {
    for (const auto& [left, right] : layout.mirrorPairs) {
        if (joint == left) return Side::Left;
        if (joint == right) return Side::Right;
    }
    return Side::Centre;
}

QColor sideColour(Side side, const QColor& centre) {
    switch (side) {
    case Side::Left: return leftSideColour();
    case Side::Right: return rightSideColour();
    case Side::Centre: break;
    }
    return centre;
}

// Confidence 0..1 as opacity, never fully transparent: a shown joint stays findable.
double opacityOf(float confidence) { return 0.3 + 0.7 * std::clamp(double(confidence), 0.0, 1.0); }

constexpr double kBoxMargin = 0.08;  // of the box's larger side

}  // namespace

bool SkeletonOverlay::isShown(const annotation::Joint& joint) const { return joint.visible && joint.confidence >= threshold_; }

QColor SkeletonOverlay::jointColour(const OverlaySkeleton& skeleton, int index) {
    return sideColour(sideOf(skeleton.layout, index), skeleton.subjectColour);
}

std::optional<QRectF> SkeletonOverlay::boundingBox(const OverlaySkeleton& skeleton) const {
    // The subject's own box where the frame has one (a people detector's, an imported one).
    if (const auto& b = skeleton.frame.box) return QRectF(b->x, b->y, b->width, b->height);
    // Min/max by hand: QRectF::united ignores empty rectangles, and a single joint is one.
    bool any = false;
    double left = 0, top = 0, right = 0, bottom = 0;
    for (const auto& joint : skeleton.frame.joints) {
        if (!isShown(joint)) continue;
        left = any ? std::min(left, double(joint.x)) : joint.x;
        top = any ? std::min(top, double(joint.y)) : joint.y;
        right = any ? std::max(right, double(joint.x)) : joint.x;
        bottom = any ? std::max(bottom, double(joint.y)) : joint.y;
        any = true;
    }
    if (!any) return std::nullopt;
    const double margin = kBoxMargin * std::max(right - left, bottom - top);
    return QRectF(QPointF(left - margin, top - margin), QPointF(right + margin, bottom + margin));
}

void SkeletonOverlay::paint(QPainter& painter, const QTransform& imageToWidget) {
    for (const OverlaySkeleton& skeleton : skeletons_) {
        if (showBoxes_) paintBox(painter, imageToWidget, skeleton);
        if (showSkeletons_) paintSkeleton(painter, imageToWidget, skeleton);
    }
    if (showSkeletons_) paintEditMarks(painter, imageToWidget);
}

const OverlaySkeleton* SkeletonOverlay::skeletonOf(std::int64_t subjectId) const {
    for (const OverlaySkeleton& s : skeletons_)
        if (s.frame.subjectId == subjectId) return &s;
    return nullptr;
}

bool SkeletonOverlay::isPickable(const OverlaySkeleton& skeleton, int joint) const {
    if (joint < 0 || size_t(joint) >= skeleton.frame.joints.size() || size_t(joint) >= skeleton.layout.joints.size()) return false;
    return isShown(skeleton.frame.joints[size_t(joint)]) || skeleton.frame.subjectId == activeSubject_;
}

std::optional<JointRef> SkeletonOverlay::jointAt(QPointF widgetPoint, const QTransform& imageToWidget, double radius) const {
    if (!isVisible() || !showSkeletons_) return std::nullopt;
    std::optional<JointRef> best;
    double bestDistance = radius * radius;
    for (const OverlaySkeleton& skeleton : skeletons_) {
        for (int i = 0; i < int(skeleton.frame.joints.size()); ++i) {
            if (!isPickable(skeleton, i)) continue;
            const auto& j = skeleton.frame.joints[size_t(i)];
            const QPointF d = imageToWidget.map(QPointF(j.x, j.y)) - widgetPoint;
            const double distance = d.x() * d.x() + d.y() * d.y();
            // Ties go to the active subject: where two people's joints overlap, the one being
            // edited wins.
            const bool better = distance < bestDistance ||
                                (distance == bestDistance && best && skeleton.frame.subjectId == activeSubject_);
            if (better) {
                bestDistance = distance;
                best = JointRef{skeleton.frame.subjectId, i};
            }
        }
    }
    return best;
}

void SkeletonOverlay::previewJoint(const JointRef& joint, float x, float y) {
    for (OverlaySkeleton& s : skeletons_) {
        if (s.frame.subjectId != joint.subjectId || joint.joint < 0 || size_t(joint.joint) >= s.frame.joints.size()) continue;
        s.frame.joints[size_t(joint.joint)] = annotation::Joint{x, y, 1.0f, true};
    }
}

void SkeletonOverlay::paintEditMarks(QPainter& painter, const QTransform& toWidget) const {
    painter.setBrush(Qt::NoBrush);
    if (const OverlaySkeleton* active = skeletonOf(activeSubject_)) {
        // Hidden joints of the subject being edited: hollow rings, so they can be found again.
        QColor ring = active->subjectColour;
        ring.setAlpha(220);
        painter.setPen(QPen(ring, 1.5, Qt::DashLine));
        for (int i = 0; i < int(active->frame.joints.size()); ++i) {
            const auto& j = active->frame.joints[size_t(i)];
            if (isShown(j)) continue;
            painter.drawEllipse(toWidget.map(QPointF(j.x, j.y)), kJointRadius, kJointRadius);
        }
    }
    auto mark = [&](const std::optional<JointRef>& ref, const QColor& colour, double radius, double width) {
        if (!ref) return;
        const OverlaySkeleton* s = skeletonOf(ref->subjectId);
        if (!s || ref->joint < 0 || size_t(ref->joint) >= s->frame.joints.size()) return;
        const auto& j = s->frame.joints[size_t(ref->joint)];
        const QPointF at = toWidget.map(QPointF(j.x, j.y));
        painter.setPen(QPen(QColor(0, 0, 0, 200), width + 2));  // a dark halo keeps it visible on light pictures
        painter.drawEllipse(at, radius, radius);
        painter.setPen(QPen(colour, width));
        painter.drawEllipse(at, radius, radius);
    };
    if (hovered_ != selected_) mark(hovered_, QColor(255, 255, 255, 200), kJointRadius + 3, 1.5);
    mark(selected_, QColor(255, 255, 255), kJointRadius + 4, 2.0);
}

void SkeletonOverlay::paintSkeleton(QPainter& painter, const QTransform& toWidget, const OverlaySkeleton& skeleton) const {
    const auto& joints = skeleton.frame.joints;
    const int count = int(std::min(joints.size(), skeleton.layout.joints.size()));
    auto at = [&](int i) { return toWidget.map(QPointF(joints[size_t(i)].x, joints[size_t(i)].y)); };
    // Interpolated frames are filled in, not placed: dashed, lighter bones tell them apart from
    // keyframes at a glance while playing.
    const bool interpolated = skeleton.frame.source == annotation::PoseSource::Interpolated;
    for (const auto& [a, b] : skeleton.layout.edges) {
        if (a < 0 || b < 0 || a >= count || b >= count) continue;
        const auto& ja = joints[size_t(a)];
        const auto& jb = joints[size_t(b)];
        if (!isShown(ja) || !isShown(jb)) continue;
        const Side sa = sideOf(skeleton.layout, a);
        const Side side = sa == sideOf(skeleton.layout, b) ? sa : Side::Centre;
        QColor colour = sideColour(side, skeleton.subjectColour);
        colour.setAlphaF(float(opacityOf(std::min(ja.confidence, jb.confidence)) * (interpolated ? 0.6 : 1.0)));
        painter.setPen(QPen(colour, interpolated ? 2.0 : 2.5, interpolated ? Qt::DashLine : Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(at(a), at(b));
    }
    for (int i = 0; i < count; ++i) {
        const auto& joint = joints[size_t(i)];
        if (!isShown(joint)) continue;
        QColor fill = jointColour(skeleton, i);
        fill.setAlphaF(float(opacityOf(joint.confidence)));
        // Interpolated and model poses get a dashed outline: not an annotator's own work.
        const bool manualOrImported = skeleton.frame.source == annotation::PoseSource::Manual ||
                                      skeleton.frame.source == annotation::PoseSource::Imported;
        painter.setPen(QPen(QColor(0, 0, 0, 160), 1.0, manualOrImported ? Qt::SolidLine : Qt::DotLine));
        painter.setBrush(fill);
        painter.drawEllipse(at(i), kJointRadius, kJointRadius);
    }
}

void SkeletonOverlay::paintBox(QPainter& painter, const QTransform& toWidget, const OverlaySkeleton& skeleton) const {
    const std::optional<QRectF> box = boundingBox(skeleton);
    if (!box) return;
    const QRectF rect = toWidget.mapRect(*box);
    painter.setBrush(Qt::NoBrush);
    // Solid and translucent rather than dashed: antialiased dashes along a large box cost
    // several milliseconds per paint in the raster engine.
    QColor edge = skeleton.subjectColour;
    edge.setAlpha(200);
    painter.setPen(QPen(edge, 1.5));
    painter.drawRect(rect);
    if (skeleton.subjectName.isEmpty()) return;
    // The name on a tab above the box's top-left corner (inside the box when at the top edge).
    const QFontMetricsF metrics(painter.font());
    const QSizeF textSize(metrics.horizontalAdvance(skeleton.subjectName) + 10, metrics.height() + 4);
    QRectF tab(rect.topLeft() - QPointF(0, textSize.height()), textSize);
    if (tab.top() < 0) tab.moveTop(rect.top());
    painter.setPen(Qt::NoPen);
    painter.setBrush(skeleton.subjectColour);
    painter.drawRoundedRect(tab, 3, 3);
    painter.setPen(textColourOn(skeleton.subjectColour));
    painter.drawText(tab, Qt::AlignCenter, skeleton.subjectName);
}

}  // namespace actionlens::ui
