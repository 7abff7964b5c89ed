#pragma once

// SkeletonEditor: skeleton editing in the video view. Hovering a joint highlights it; pressing
// on it selects it (and makes its subject the active lane) and dragging moves it, shown live
// and written on release as one undoable command. The Edit > Skeleton menu's operations work
// on the selected joint or the active subject in the frame shown: show/hide a joint, add a
// skeleton from the layout's template, mark a keyframe, copy from the previous frame,
// interpolate between keyframes, delete. Every edit goes through SkeletonChangeCommand.

#include "ui/editing/skeleton_change.h"
#include "ui/player/skeleton_overlay.h"
#include "ui/player/video_view_tool.h"

#include <QList>
#include <QObject>
#include <QPointF>

#include <optional>

class QAction;

namespace actionlens::ui {

class AnnotationOverlays;
class ProjectDocument;
class VideoView;

class SkeletonEditor : public QObject, public VideoViewTool {
    Q_OBJECT
public:
    SkeletonEditor(ProjectDocument& document, VideoView& view, AnnotationOverlays& overlays, QObject* parent = nullptr);
    ~SkeletonEditor() override;

    // The subject the operations work on when no joint is selected (the timeline's active lane).
    void setActiveSubject(std::int64_t subjectId);
    std::int64_t activeSubject() const { return activeSubject_; }
    std::optional<JointRef> selectedJoint() const { return selected_; }
    void selectJoint(std::optional<JointRef> joint);
    std::optional<JointRef> hoveredJoint() const { return hovered_; }
    // The right-click menu of the view (the Edit > Skeleton actions, with their shortcuts).
    void setContextActions(QList<QAction*> actions) { contextActions_ = std::move(actions); }

    // The edits. Each returns an empty string when done, else the message (also emitted as
    // refused()).
    QString moveSelectedJoint(float x, float y);  // image pixels
    QString toggleSelectedJointVisibility();
    // Moves the selected joint by (dx, dy) image pixels; consecutive nudges of one joint are one
    // undo step.
    QString nudgeSelectedJoint(float dx, float dy);
    QString addFromTemplate();
    QString markKeyframe();
    QString copyFromPrevious();
    QString interpolateAround();
    QString interpolateAll();
    QString deleteSkeleton();
    // Asks for the next (direction +1) or previous (-1) keyframe of the target subject to be
    // shown (seekRequested); a message when there is none.
    QString goToKeyframe(int direction);

    bool mousePress(QMouseEvent* event) override;
    bool mouseMove(QMouseEvent* event) override;
    bool mouseRelease(QMouseEvent* event) override;
    bool contextMenu(QContextMenuEvent* event) override;
    void mouseLeft() override;

Q_SIGNALS:
    void refused(const QString& message);
    void hint(const QString& message);  // for the status bar
    // The user picked a joint of this subject: its lane becomes the active one.
    void subjectPicked(std::int64_t subjectId);
    void editStarting();  // before a drag or an edit: playback should pause
    void seekRequested(int frame);

private:
    int frame() const;
    // The subject an operation is for: the selected joint's, else the active lane's.
    std::int64_t targetSubject() const;
    const OverlaySkeleton* shownSkeleton(std::int64_t subjectId) const;
    // The selected joint's skeleton as shown (and stored), or why there is none.
    Result<annotation::SkeletonFrame> selectedSkeleton() const;
    QString run(Result<SkeletonChange> change);
    void setHovered(std::optional<JointRef> joint);
    void updateOverlay();
    QString jointName(const JointRef& joint) const;

    ProjectDocument& document_;
    VideoView& view_;
    AnnotationOverlays& overlays_;
    std::int64_t activeSubject_ = 0;
    std::optional<JointRef> selected_;
    std::optional<JointRef> hovered_;
    QList<QAction*> contextActions_;

    // A joint being dragged: the frame as stored, and where in the joint the mouse grabbed it.
    struct Drag {
        JointRef joint;
        annotation::SkeletonFrame before;
        QPointF grabOffset;  // image pixels: joint - cursor
        QPointF position;    // image pixels, where the joint is now
        bool moved = false;
    };
    std::optional<Drag> drag_;
    std::optional<QPointF> emptyPress_;  // widget position of a press on empty space
};

}  // namespace actionlens::ui
