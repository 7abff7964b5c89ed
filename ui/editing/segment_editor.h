#pragma once

// SegmentEditor: the segment edits the GUI offers, each planned (segment_change.h), applied as
// one store transaction and pushed onto the document's undo stack. A refused edit (overlap in a
// subject's lane, a range outside the video, a store check) changes nothing and comes back as
// a message, also emitted as refused() for the status bar. New and accepted segments carry the
// user's name as their annotator (annotator_name.h).

#include "ui/editing/segment_change.h"

#include <QObject>

namespace actionlens::ui {

class ProjectDocument;

class SegmentEditor : public QObject {
    Q_OBJECT
public:
    explicit SegmentEditor(ProjectDocument& document, QObject* parent = nullptr);

    // Each returns an empty string when done, otherwise why not.
    QString create(std::int64_t subjectId, std::int64_t first, std::int64_t last, const segment_edits::Labels& labels = {});
    QString setBounds(std::int64_t segmentId, std::int64_t first, std::int64_t last);
    QString split(std::int64_t segmentId, std::int64_t frame);
    QString merge(const std::vector<std::int64_t>& segmentIds);
    QString remove(const std::vector<std::int64_t>& segmentIds);
    // An action replaces a group-only label (the group then comes from the action).
    QString setLabel(const std::vector<std::int64_t>& segmentIds, const std::string& task, const std::string& value);
    // A group-only label (group_only_label.h) in place of the action; "" clears it.
    QString setClassGroup(const std::vector<std::int64_t>& segmentIds, const std::string& group);

    // A model's predictions (annotation::isModelPrediction) made the user's segments
    // (annotator_name.h), each call one undoable step: segment_change.h says how.
    QString accept(const std::vector<std::int64_t>& predictionIds);
    // `skipped`: how many above the confidence overlapped a person's segment and stayed.
    QString acceptAbove(double minConfidence, int* skipped = nullptr);
    QString acceptRange(std::int64_t subjectId, std::int64_t first, std::int64_t last);
    QString reject(const std::vector<std::int64_t>& predictionIds);
    // Annotator `from`'s segments of the video copied into the user's layer (segment_change.h).
    QString copyLayer(const std::string& from);

    // Which segments may not overlap (segment_change.h): people's of a subject together, or each
    // annotator's apart while the timeline shows annotator layers side by side.
    void setLaneRule(segment_edits::LaneRule rule) { laneRule_ = rule; }
    segment_edits::LaneRule laneRule() const { return laneRule_; }

    // The segments the last successful edit put in (new or changed), e.g. to select them.
    const std::vector<std::int64_t>& lastAddedIds() const { return lastAdded_; }

Q_SIGNALS:
    void refused(const QString& message);

private:
    QString run(Result<SegmentChange> planned);
    std::int64_t frameCount() const;

    ProjectDocument& document_;
    std::vector<std::int64_t> lastAdded_;
    segment_edits::LaneRule laneRule_ = segment_edits::LaneRule::PeopleTogether;
};

}  // namespace actionlens::ui
