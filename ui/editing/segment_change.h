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

using Segments = std::vector<annotation::Segment>;
using Labels = std::map<std::string, std::string>;

// `segments` are the video's current ones; `frameCount` bounds new frames (0: unbounded).
Result<SegmentChange> create(const Segments& segments, std::int64_t videoId, std::int64_t subjectId, std::int64_t first,
                             std::int64_t last, const Labels& labels, std::int64_t frameCount);
Result<SegmentChange> setBounds(const Segments& segments, std::int64_t segmentId, std::int64_t first, std::int64_t last,
                                std::int64_t frameCount);
// The segment's frames before `frame` stay, `frame` to the end become a new segment with the
// same subject and labels.
Result<SegmentChange> split(const Segments& segments, std::int64_t segmentId, std::int64_t frame);
// Two or more segments of one subject with no other segment of that subject between them
// become one spanning them all, labelled as the earliest.
Result<SegmentChange> merge(const Segments& segments, const std::vector<std::int64_t>& segmentIds);
Result<SegmentChange> remove(const Segments& segments, const std::vector<std::int64_t>& segmentIds);
// An empty value clears the task's label.
Result<SegmentChange> setLabel(const Segments& segments, const std::vector<std::int64_t>& segmentIds, const std::string& task,
                               const std::string& value);

// Several labels at once (an empty value clears one), e.g. an action with the group-only label
// it replaces; `what` names the edit in the history.
Result<SegmentChange> setLabels(const Segments& segments, const std::vector<std::int64_t>& segmentIds, const Labels& changes,
                                const QString& what);

// The segments after `change`, for checks and tests (new ones with id 0).
Segments applied(const Segments& segments, const SegmentChange& change);
// A message naming both segments when two segments of one subject share a frame.
Status checkNoOverlap(const Segments& segments);

}  // namespace segment_edits
}  // namespace actionlens::ui
