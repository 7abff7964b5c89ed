#pragma once

// TimelineWidget: the current video's annotation over time. A ruler in frames (0-based) and
// time, a thin lane marking frames with skeletons (coloured by where they came from), and one
// lane per subject with its segments as blocks in their action's colour, the playhead across
// all of them. Zoom runs from the whole video down to single frames (Ctrl+wheel, zoomIn/Out),
// the scroll bar or the wheel scrolls. Clicking or dragging on the ruler or an empty lane seeks;
// clicking a segment selects it (Ctrl adds to the selection); dragging a segment's edge moves
// that boundary frame by frame and reports it when released: the widget never writes the
// project, the window turns the report into an undoable command. A model's predictions of a
// subject lie in a thinner lane under the subject's, one per model, drawn paler the less sure
// the model was, with a dashed outline; they are selected and edited like any segment.

#include "ui/timeline/timeline_scale.h"

#include <QWidget>

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

class QScrollBar;

namespace actionlens::annotation {
struct Segment;
}

namespace actionlens::ui {

class ProjectDocument;

class TimelineWidget : public QWidget {
    Q_OBJECT
public:
    static constexpr int kHeaderWidth = 130;
    static constexpr int kRulerHeight = 34;
    static constexpr int kSkeletonLaneHeight = 12;
    static constexpr int kLaneHeight = 30;
    static constexpr int kPredictionLaneHeight = 22;
    static constexpr int kLaneGap = 4;
    static constexpr int kEdgeGrip = 5;  // pixels either side of a segment edge that grab it

    explicit TimelineWidget(ProjectDocument& document, QWidget* parent = nullptr);

    void setFrameCount(int frames);
    // Seconds of a frame from the video's timestamps, for the ruler; without one it shows frames only.
    void setTimeSource(std::function<double(int)> secondsOf) { secondsOf_ = std::move(secondsOf); }
    void setPlayhead(int frame);
    int playhead() const { return playhead_; }
    void setMarks(std::optional<int> in, std::optional<int> out);

    const std::set<std::int64_t>& selection() const { return selection_; }
    void setSelection(std::set<std::int64_t> ids);
    // The segment clicked last (or the only one selected); 0 when none.
    std::int64_t currentSegment() const { return current_; }

    // The subject new segments go to: chosen by clicking a lane's name or a segment; the first
    // lane until then (0 when there is none).
    std::int64_t activeSubject() const;
    void setActiveSubject(std::int64_t subjectId);

    TimelineScale& scale() { return scale_; }
    void zoomIn();
    void zoomOut();
    void zoomToFit();

    // A row of the timeline: a subject's people's segments (model empty; with annotator layers
    // side by side, one annotator's: `annotator`), or one model's predictions for the subject
    // (model: its annotator, "model:<file>").
    struct Row {
        std::int64_t subjectId = 0;
        std::string model;
        std::string annotator;  // only with annotator layers side by side
        bool layered = false;   // a row of one annotator's layer
    };

    // Annotator layers side by side: each subject's people's segments in one row per annotator
    // (whose name the row shows), so two codings of the same subject can be compared.
    void setAnnotatorLayers(bool sideBySide);
    bool showsAnnotatorLayers() const { return layers_; }
    // One annotator's segments alone (the other people's hidden; a model's proposals stay), or
    // everyone's (nullopt).
    void setShownAnnotator(std::optional<std::string> annotator);
    const std::optional<std::string>& shownAnnotator() const { return shownAnnotator_; }

    // Geometry, in widget pixels.
    const std::vector<std::int64_t>& lanes() const { return lanes_; }  // subject ids, top to bottom
    const std::vector<Row>& rows() const { return rows_; }              // every row, top to bottom
    QRectF laneRect(std::int64_t subjectId) const;
    QRectF rowRect(const Row& row) const;  // empty when the timeline has no such row
    QRectF rowOfSegment(const annotation::Segment& segment) const;
    QRectF segmentRect(std::int64_t segmentId) const;
    double xOfFrame(double frame) const;
    QRectF skeletonLaneRect() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void seekRequested(int frame);
    void selectionChanged();
    void activeSubjectChanged(std::int64_t subjectId);
    void segmentBoundsEdited(std::int64_t segmentId, std::int64_t firstFrame, std::int64_t lastFrame);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    bool event(QEvent* event) override;  // tooltips: a segment's labels, a frame's skeletons

private:
    enum class Drag { None, Scrub, FirstEdge, LastEdge };
    struct Hit {
        std::int64_t segment = 0;
        Drag edge = Drag::None;
    };

    void rebuildLanes();
    void layoutScale();
    void syncScrollBar();
    Hit hitTest(QPointF point) const;
    int frameAt(double widgetX) const;
    // The segment's frames as shown: during an edge drag, the dragged bounds.
    std::pair<std::int64_t, std::int64_t> shownBounds(std::int64_t segmentId) const;

    void paintRuler(QPainter& painter) const;
    void paintSkeletonLane(QPainter& painter) const;
    void paintLanes(QPainter& painter) const;
    void paintMarksAndPlayhead(QPainter& painter) const;

    ProjectDocument& document_;
    TimelineScale scale_;
    QScrollBar* scrollBar_ = nullptr;
    std::function<double(int)> secondsOf_;
    std::vector<std::int64_t> lanes_;
    std::vector<Row> rows_;
    bool layers_ = false;
    std::optional<std::string> shownAnnotator_;
    int playhead_ = 0;
    std::optional<int> markIn_;
    std::optional<int> markOut_;
    std::set<std::int64_t> selection_;
    std::int64_t current_ = 0;
    std::int64_t activeSubject_ = 0;

    Drag drag_ = Drag::None;
    std::int64_t dragSegment_ = 0;
    std::int64_t dragFirst_ = 0;
    std::int64_t dragLast_ = 0;
    bool syncingScrollBar_ = false;
};

}  // namespace actionlens::ui
