#include "ui/editing/skeleton_editor.h"

#include "ui/commands/skeleton_change_command.h"
#include "ui/document/project_document.h"
#include "ui/player/annotation_overlays.h"
#include "ui/player/video_view.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QMenu>
#include <QLineF>
#include <QMouseEvent>

#include <cmath>

namespace actionlens::ui {

namespace {
// A press that moves less than this (widget pixels) is a click: it selects and does not move
// the joint by a hand's tremor.
constexpr double kDragThreshold = 2.0;
// A new skeleton from the template spans this share of the visible picture's height.
constexpr double kTemplateHeightShare = 0.6;
}  // namespace

SkeletonEditor::SkeletonEditor(ProjectDocument& document, VideoView& view, AnnotationOverlays& overlays, QObject* parent)
    : QObject(parent), document_(document), view_(view), overlays_(overlays) {
    view_.setTool(this);
    // A new video or project: nothing of the old one stays selected.
    auto forget = [this] {
        drag_.reset();
        selected_.reset();
        hovered_.reset();
        updateOverlay();
    };
    connect(&document_, &ProjectDocument::currentVideoChanged, this, forget);
    connect(&document_, &ProjectDocument::closed, this, forget);
}

SkeletonEditor::~SkeletonEditor() { view_.setTool(nullptr); }

void SkeletonEditor::setActiveSubject(std::int64_t subjectId) {
    if (activeSubject_ == subjectId) return;
    activeSubject_ = subjectId;
    if (selected_ && selected_->subjectId != subjectId) selected_.reset();
    updateOverlay();
}

void SkeletonEditor::selectJoint(std::optional<JointRef> joint) {
    selected_ = joint;
    if (joint && joint->subjectId != activeSubject_) {
        activeSubject_ = joint->subjectId;
        Q_EMIT subjectPicked(joint->subjectId);
    }
    updateOverlay();
}

void SkeletonEditor::updateOverlay() {
    SkeletonOverlay& overlay = overlays_.skeletons();
    overlay.setActiveSubject(activeSubject_);
    overlay.setSelectedJoint(selected_);
    overlay.setHoveredJoint(hovered_);
    view_.update();
}

int SkeletonEditor::frame() const { return overlays_.frame(); }

std::int64_t SkeletonEditor::targetSubject() const { return selected_ ? selected_->subjectId : activeSubject_; }

const OverlaySkeleton* SkeletonEditor::shownSkeleton(std::int64_t subjectId) const {
    return overlays_.skeletons().skeletonOf(subjectId);
}

QString SkeletonEditor::jointName(const JointRef& joint) const {
    const OverlaySkeleton* s = shownSkeleton(joint.subjectId);
    if (!s || joint.joint < 0 || size_t(joint.joint) >= s->layout.joints.size()) return tr("joint %1").arg(joint.joint);
    return QString::fromStdString(s->layout.joints[size_t(joint.joint)]).replace(QLatin1Char('_'), QLatin1Char(' '));
}

QString SkeletonEditor::run(Result<SkeletonChange> change) {
    QString error;
    if (!change) {
        error = QString::fromStdString(change.error());
    } else {
        const QString text = change->text;
        error = SkeletonChangeCommand::run(document_, std::move(change).value());
        if (error.isEmpty()) Q_EMIT hint(tr("%1 (Ctrl+Z undoes)").arg(text));
    }
    if (!error.isEmpty()) {
        overlays_.showFrame(frame());  // drop any preview of an edit that did not happen
        Q_EMIT refused(error);
    }
    return error;
}

Result<annotation::SkeletonFrame> SkeletonEditor::selectedSkeleton() const {
    if (!selected_) return makeError(tr("Select a joint first: click it in the video.").toStdString());
    const OverlaySkeleton* s = shownSkeleton(selected_->subjectId);
    if (!s) return makeError(tr("%1 has no skeleton in this frame.").arg(document_.subjectName(selected_->subjectId)).toStdString());
    return s->frame;
}

QString SkeletonEditor::moveSelectedJoint(float x, float y) {
    auto before = selectedSkeleton();
    if (!before) return run(before.takeError());
    return run(skeleton_edits::moveJoint(document_, before.value(), selected_->joint, x, y));
}

QString SkeletonEditor::nudgeSelectedJoint(float dx, float dy) {
    Q_EMIT editStarting();
    auto before = selectedSkeleton();
    if (!before) return run(before.takeError());
    const annotation::SkeletonFrame& f = before.value();
    const annotation::Joint& j = f.joints[size_t(selected_->joint)];
    auto change = skeleton_edits::moveJoint(document_, f, selected_->joint, j.x + dx, j.y + dy);
    if (change) {
        change->text = tr("Nudge %1 of %2").arg(jointName(*selected_), document_.subjectName(selected_->subjectId));
        change->mergeKey = QStringLiteral("nudge %1/%2/%3/%4").arg(f.videoId).arg(f.subjectId).arg(f.frame).arg(selected_->joint);
    }
    return run(std::move(change));
}

QString SkeletonEditor::toggleSelectedJointVisibility() {
    Q_EMIT editStarting();
    auto before = selectedSkeleton();
    if (!before) return run(before.takeError());
    return run(skeleton_edits::toggleJointVisibility(document_, before.value(), selected_->joint));
}

QString SkeletonEditor::addFromTemplate() {
    Q_EMIT editStarting();
    const std::int64_t subject = targetSubject();
    if (frame() < 0 || !view_.frame()) return run(makeError(tr("No frame is shown.").toStdString()));
    if (!document_.subject(subject))
        return run(makeError(tr("Choose a subject first: click its lane, or add one with Ctrl+Shift+P.").toStdString()));
    const annotation::SkeletonLayout* layout = skeleton_edits::layoutForNewSkeleton(document_, subject, frame());
    if (!layout) return run(makeError(tr("The project has no skeleton layout.").toStdString()));
    // Over the subject's nearest skeleton if it has one; else in the middle of the part of the
    // picture in view, scaled to it: visible and grabbable whatever the zoom.
    std::optional<skeleton_edits::TemplatePlacement> place = skeleton_edits::placementNearSubject(document_, subject, frame());
    if (!place) {
        const QRectF picture(0, 0, view_.frame()->width, view_.frame()->height);
        const QRectF visible = view_.imageToWidget().inverted().mapRect(QRectF(view_.rect())).intersected(picture);
        if (visible.isEmpty()) return run(makeError(tr("The picture is out of view: press F to fit it.").toStdString()));
        place = skeleton_edits::TemplatePlacement{visible.center().x(), visible.center().y(), kTemplateHeightShare * visible.height()};
    }
    return run(skeleton_edits::addFromTemplate(document_, subject, frame(), *layout, place->centreX, place->centreY, place->height));
}

QString SkeletonEditor::markKeyframe() {
    Q_EMIT editStarting();
    const std::int64_t subject = targetSubject();
    const OverlaySkeleton* s = shownSkeleton(subject);
    if (!s) return run(makeError(tr("%1 has no skeleton in this frame.").arg(document_.subjectName(subject)).toStdString()));
    const annotation::SkeletonFrame before = s->frame;
    return run(skeleton_edits::markKeyframe(document_, before));
}

QString SkeletonEditor::copyFromPrevious() {
    Q_EMIT editStarting();
    if (frame() < 0) return run(makeError(tr("No frame is shown.").toStdString()));
    return run(skeleton_edits::copyFromPrevious(document_, targetSubject(), frame()));
}

QString SkeletonEditor::interpolateAround() {
    Q_EMIT editStarting();
    if (frame() < 0) return run(makeError(tr("No frame is shown.").toStdString()));
    return run(skeleton_edits::interpolateAround(document_, targetSubject(), frame()));
}

QString SkeletonEditor::interpolateAll() {
    Q_EMIT editStarting();
    return run(skeleton_edits::interpolateAll(document_, targetSubject()));
}

QString SkeletonEditor::deleteSkeleton() {
    Q_EMIT editStarting();
    if (frame() < 0) return run(makeError(tr("No frame is shown.").toStdString()));
    return run(skeleton_edits::removeSkeleton(document_, targetSubject(), frame()));
}

QString SkeletonEditor::goToKeyframe(int direction) {
    const std::int64_t subject = targetSubject();
    const int from = frame();
    std::optional<std::int64_t> found;
    for (const auto& p : document_.skeletonPresence()) {  // in frame order
        if (p.subjectId != subject || p.source != annotation::PoseSource::Manual) continue;
        if (direction > 0 && p.frame > from) {
            found = p.frame;
            break;
        }
        if (direction < 0 && p.frame < from) found = p.frame;
    }
    if (!found) {
        const QString message = direction > 0 ? tr("%1 has no keyframe after frame %2.") : tr("%1 has no keyframe before frame %2.");
        return run(makeError(message.arg(document_.subjectName(subject)).arg(from).toStdString()));
    }
    Q_EMIT editStarting();
    Q_EMIT seekRequested(int(*found));
    return {};
}

void SkeletonEditor::setHovered(std::optional<JointRef> joint) {
    if (hovered_ == joint) return;
    hovered_ = joint;
    if (joint) {
        view_.setCursor(Qt::OpenHandCursor);
        Q_EMIT hint(tr("%1 of %2: drag to move, Ctrl+H hides or shows it, right-click for more")
                        .arg(jointName(*joint), document_.subjectName(joint->subjectId)));
    } else {
        view_.unsetCursor();
    }
    updateOverlay();
}

bool SkeletonEditor::mousePress(QMouseEvent* event) {
    // A press while a drag is still open (its release went elsewhere, or a double click's
    // second press) starts afresh: the open drag was never written and is dropped.
    drag_.reset();
    emptyPress_.reset();
    if (event->button() != Qt::LeftButton) return false;
    const QTransform toWidget = view_.imageToWidget();
    const std::optional<JointRef> joint =
        overlays_.skeletons().jointAt(event->position(), toWidget, SkeletonOverlay::kPickRadius);
    if (!joint) {
        emptyPress_ = event->position();
        return false;  // the view pans
    }
    const OverlaySkeleton* s = shownSkeleton(joint->subjectId);
    if (!s) return false;
    Q_EMIT editStarting();
    selectJoint(joint);
    const annotation::Joint& j = s->frame.joints[size_t(joint->joint)];
    Drag drag;
    drag.joint = *joint;
    drag.before = s->frame;
    drag.position = QPointF(j.x, j.y);
    drag.grabOffset = drag.position - toWidget.inverted().map(event->position());
    drag_ = drag;
    view_.setCursor(Qt::ClosedHandCursor);
    Q_EMIT hint(tr("Selected %1 of %2").arg(jointName(*joint), document_.subjectName(joint->subjectId)));
    return true;
}

bool SkeletonEditor::mouseMove(QMouseEvent* event) {
    if (!drag_) {
        if (event->buttons() != Qt::NoButton) return false;
        setHovered(overlays_.skeletons().jointAt(event->position(), view_.imageToWidget(), SkeletonOverlay::kPickRadius));
        return false;
    }
    const QTransform toWidget = view_.imageToWidget();
    const QPointF start = toWidget.map(QPointF(drag_->before.joints[size_t(drag_->joint.joint)].x,
                                               drag_->before.joints[size_t(drag_->joint.joint)].y));
    const QPointF target = toWidget.inverted().map(event->position()) + drag_->grabOffset;
    if (!drag_->moved && QLineF(start, toWidget.map(target)).length() < kDragThreshold) return true;
    drag_->moved = true;
    drag_->position = target;
    overlays_.skeletons().previewJoint(drag_->joint, float(target.x()), float(target.y()));
    view_.update();
    return true;
}

bool SkeletonEditor::mouseRelease(QMouseEvent* event) {
    if (!drag_) {
        // A click on empty space (not a pan) lets go of the selected joint.
        if (emptyPress_ && event->button() == Qt::LeftButton && QLineF(*emptyPress_, event->position()).length() < kDragThreshold &&
            selected_) {
            selected_.reset();
            updateOverlay();
        }
        emptyPress_.reset();
        return false;
    }
    if (event->button() != Qt::LeftButton) return true;
    const Drag drag = *drag_;
    drag_.reset();
    view_.setCursor(Qt::OpenHandCursor);
    if (!drag.moved) return true;
    run(skeleton_edits::moveJoint(document_, drag.before, drag.joint.joint, float(drag.position.x()), float(drag.position.y())));
    return true;
}

bool SkeletonEditor::contextMenu(QContextMenuEvent* event) {
    if (contextActions_.isEmpty() || !document_.isOpen() || document_.currentVideoId() == 0) return false;
    if (const auto joint = overlays_.skeletons().jointAt(event->pos(), view_.imageToWidget(), SkeletonOverlay::kPickRadius))
        selectJoint(joint);
    QMenu menu(&view_);
    menu.addActions(contextActions_);
    menu.exec(event->globalPos());
    return true;
}

void SkeletonEditor::mouseLeft() {
    if (!drag_) setHovered(std::nullopt);
}

}  // namespace actionlens::ui
