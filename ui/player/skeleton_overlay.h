#pragma once

// SkeletonOverlay: the skeletons of the frame shown, one per subject, drawn from their
// skeleton layout: bones and joints in the left/right side colours (the layout's mirror pairs
// say which joint is left), a joint's confidence as its opacity, joints below the confidence
// threshold (or marked not visible) hidden; and, separately toggleable, each subject's
// bounding box (around its shown joints) with the subject's name. For editing it also draws
// the selected and the hovered joint, the active subject's hidden joints as hollow rings (so
// they can be picked and shown again), interpolated skeletons with dashed, lighter bones, and
// it finds the joint under the mouse.

#include "core/annotation/skeleton_frame.h"
#include "core/annotation/skeleton_layout.h"
#include "ui/player/video_overlay.h"

#include <QColor>
#include <QRectF>
#include <QString>

#include <optional>
#include <vector>

namespace actionlens::ui {

struct OverlaySkeleton {
    annotation::SkeletonFrame frame;
    annotation::SkeletonLayout layout;
    QString subjectName;
    QColor subjectColour;
};

// One joint of one subject's skeleton in the frame shown.
struct JointRef {
    std::int64_t subjectId = 0;
    int joint = -1;
    bool operator==(const JointRef& o) const { return subjectId == o.subjectId && joint == o.joint; }
    bool operator!=(const JointRef& o) const { return !(*this == o); }
};

class SkeletonOverlay : public VideoOverlay {
public:
    static constexpr float kDefaultConfidenceThreshold = 0.2f;
    static constexpr double kJointRadius = 4.0;  // widget pixels: the same size at any zoom

    void setSkeletons(std::vector<OverlaySkeleton> skeletons) { skeletons_ = std::move(skeletons); }
    const std::vector<OverlaySkeleton>& skeletons() const { return skeletons_; }

    void setShowSkeletons(bool show) { showSkeletons_ = show; }
    void setShowBoxes(bool show) { showBoxes_ = show; }
    bool showsSkeletons() const { return showSkeletons_; }
    bool showsBoxes() const { return showBoxes_; }
    void setConfidenceThreshold(float threshold) { threshold_ = threshold; }
    float confidenceThreshold() const { return threshold_; }

    bool isShown(const annotation::Joint& joint) const;
    // The frame's own box (a people detector's, an imported one) where it has one, else around
    // the shown joints with a margin; image pixels; nullopt when there is neither.
    std::optional<QRectF> boundingBox(const OverlaySkeleton& skeleton) const;
    // The colour joint `index` is drawn in (before its confidence opacity).
    static QColor jointColour(const OverlaySkeleton& skeleton, int index);

    void paint(QPainter& painter, const QTransform& imageToWidget) override;

    // Editing marks; the active subject's hidden joints are drawn (and picked) as rings.
    void setSelectedJoint(std::optional<JointRef> joint) { selected_ = joint; }
    void setHoveredJoint(std::optional<JointRef> joint) { hovered_ = joint; }
    void setActiveSubject(std::int64_t subjectId) { activeSubject_ = subjectId; }
    std::optional<JointRef> selectedJoint() const { return selected_; }
    std::optional<JointRef> hoveredJoint() const { return hovered_; }
    // The nearest joint drawn within `radius` widget pixels of `widgetPoint`, if any.
    std::optional<JointRef> jointAt(QPointF widgetPoint, const QTransform& imageToWidget, double radius) const;
    const OverlaySkeleton* skeletonOf(std::int64_t subjectId) const;
    // Moves a joint on screen only (while it is dragged; the store is written on release).
    void previewJoint(const JointRef& joint, float x, float y);
    static constexpr double kPickRadius = 10.0;  // widget pixels

private:
    void paintSkeleton(QPainter& painter, const QTransform& toWidget, const OverlaySkeleton& skeleton) const;
    void paintBox(QPainter& painter, const QTransform& toWidget, const OverlaySkeleton& skeleton) const;

    std::vector<OverlaySkeleton> skeletons_;
    bool showSkeletons_ = true;
    bool showBoxes_ = true;
    float threshold_ = kDefaultConfidenceThreshold;
    std::optional<JointRef> selected_;
    std::optional<JointRef> hovered_;
    std::int64_t activeSubject_ = 0;

    bool isPickable(const OverlaySkeleton& skeleton, int joint) const;
    void paintEditMarks(QPainter& painter, const QTransform& toWidget) const;
};

}  // namespace actionlens::ui
