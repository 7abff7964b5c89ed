#pragma once

// AnnotationOverlays: fills the skeleton and segment-label overlays of a VideoView with what
// the open project says about the frame shown: each subject's skeleton (with its layout, name
// and colour) and the labels of the segments covering the frame.

#include "ui/player/segment_label_overlay.h"
#include "ui/player/skeleton_overlay.h"

#include <QObject>

namespace actionlens::ui {

class ProjectDocument;
class VideoView;

class AnnotationOverlays : public QObject {
    Q_OBJECT
public:
    AnnotationOverlays(ProjectDocument& document, VideoView& view, QObject* parent = nullptr);
    ~AnnotationOverlays() override;

    // Reads the frame's skeletons and segments; call before the frame is painted.
    void showFrame(int frame);
    void clear();
    int frame() const { return frame_; }

    void setSkeletonsVisible(bool visible);
    void setBoxesVisible(bool visible);
    void setLabelsVisible(bool visible);
    // Joints less confident than this are not drawn (SkeletonOverlay).
    void setConfidenceThreshold(float threshold);
    SkeletonOverlay& skeletons() { return skeletons_; }
    SegmentLabelOverlay& labels() { return labels_; }

private:
    void refresh();  // the same frame again, after the project changed

    ProjectDocument& document_;
    VideoView& view_;
    SkeletonOverlay skeletons_;
    SegmentLabelOverlay labels_;
    int frame_ = -1;
};

}  // namespace actionlens::ui
