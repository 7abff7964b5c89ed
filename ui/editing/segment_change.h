#pragma once

// SegmentChange: one edit of a video's segments as the segments it takes away (their stored
// state) and the ones it puts in their place (a changed segment keeps its id; a new one has id
// 0 until stored). Every segment edit of the workstation (create, move a boundary, split,
// merge, delete, relabel) is one of these, planned here without touching the store, checked
// for overlaps within a subject's lane, and then applied by SegmentChangeCommand as one
// transaction.

#include "core/annotation/segment.h"
#include "core/common/result.h"

#include <QString>

#include <map>
#include <string>
#include <vector>

namespace actionlens::ui {

struct SegmentChange {
    QString text;  // for the history ("Split segment 'jump'")
    std::vector<annotation::Segment> removed;
    std::vector<annotation::Segment> added;
};

namespace segment_edits {

// Which segments share a lane and so may not overlap: a subject's people's segments together
// (one person codes a subject one action at a time), or each annotator's apart (the timeline's
// annotator layers side by side, where two people's codings of a subject lie on top of each
// other). A model's predictions share a lane per subject and model either way.
enum class LaneRule { PeopleTogether, PerAnnotator };

using Segments = std::vector<annotation::Segment>;
using Labels = std::map<std::string, std::string>;

// `segments` are the video's current ones; `frameCount` bounds new frames (0: unbounded).
Result<SegmentChange> create(const Segments& segments, std::int64_t videoId, std::int64_t subjectId, std::int64_t first,
                             std::int64_t last, const Labels& labels, std::int64_t frameCount,
                             LaneRule rule = LaneRule::PeopleTogether, const std::string& annotator = {});
Result<SegmentChange> setBounds(const Segments& segments, std::int64_t segmentId, std::int64_t first, std::int64_t last,
                                std::int64_t frameCount, LaneRule rule = LaneRule::PeopleTogether);
// The segment's frames before `frame` stay, `frame` to the end become a new segment with the
// same subject and labels.
Result<SegmentChange> split(const Segments& segments, std::int64_t segmentId, std::int64_t frame,
                            LaneRule rule = LaneRule::PeopleTogether);
// Two or more segments of one subject with no other segment of that subject between them
// become one spanning them all, labelled as the earliest.
Result<SegmentChange> merge(const Segments& segments, const std::vector<std::int64_t>& segmentIds,
                            LaneRule rule = LaneRule::PeopleTogether);
Result<SegmentChange> remove(const Segments& segments, const std::vector<std::int64_t>& segmentIds);
// An empty value clears the task's label.
Result<SegmentChange> setLabel(const Segments& segments, const std::vector<std::int64_t>& segmentIds, const std::string& task,
                               const std::string& value);

// Several labels at once (an empty value clears one), e.g. an action with the group-only label
// it replaces; `what` names the edit in the history.
Result<SegmentChange> setLabels(const Segments& segments, const std::vector<std::int64_t>& segmentIds, const Labels& changes,
                                const QString& what);

// Predictions (a model's segments, annotation::isModelPrediction) lie in a lane of their own
// per subject and model. Accepting one makes it a person's segment in the subject's lane, in
// place (same id): annotator `annotator`, source the model, review accepted, confidence kept.
// A prediction that would overlap a person's segment of its subject is refused, naming both.
Result<SegmentChange> accept(const Segments& segments, const std::vector<std::int64_t>& predictionIds, const std::string& annotator,
                             LaneRule rule = LaneRule::PeopleTogether);
// Every prediction at or above `minConfidence`, most confident first, that fits its subject's
// lane; `skipped` counts those that did not (they stay predictions). Fails when none fits.
Result<SegmentChange> acceptAbove(const Segments& segments, double minConfidence, const std::string& annotator, int* skipped = nullptr,
                                  LaneRule rule = LaneRule::PeopleTogether);
// The predictions of `subjectId` within first..last, cut to that range, accepted; their parts
// outside the range stay predictions.
Result<SegmentChange> acceptRange(const Segments& segments, std::int64_t subjectId, std::int64_t first, std::int64_t last,
                                  const std::string& annotator, LaneRule rule = LaneRule::PeopleTogether);
// Copies annotator `from`'s segments of the video (people's, not a model's) as `to`'s, each with
// `from` as its source: a starting point to correct in one's own layer (annotator layers side by
// side). Refused when `to` already has a segment where a copy would go.
Result<SegmentChange> copyLayer(const Segments& segments, const std::string& from, const std::string& to);
// Removes predictions; a person's segment among them is refused (Delete removes those).
Result<SegmentChange> reject(const Segments& segments, const std::vector<std::int64_t>& predictionIds);

// The segments after `change`, for checks and tests (new ones with id 0).
Segments applied(const Segments& segments, const SegmentChange& change);
// A message naming both segments when a segment `change` adds shares a frame with another of
// its lane: what every planned edit is checked against, so an overlap already in the project
// (an import's) refuses only edits that touch it.
Status checkAddedDoNotOverlap(const Segments& segments, const SegmentChange& change, LaneRule rule = LaneRule::PeopleTogether);
// A message naming both segments when two segments of one lane (a subject's people's segments,
// or one model's predictions for the subject) share a frame.
Status checkNoOverlap(const Segments& segments, LaneRule rule = LaneRule::PeopleTogether);

}  // namespace segment_edits
}  // namespace actionlens::ui
