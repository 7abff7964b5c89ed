#include "ui/editing/segment_change.h"

#include <QCoreApplication>

#include <algorithm>
#include <set>

namespace actionlens::ui::segment_edits {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("SegmentEdits", text); }

std::string describe(const annotation::Segment& s) {
    auto action = s.labels.find("action");
    const std::string name = action != s.labels.end() ? "'" + action->second + "' " : std::string("unlabelled ");
    return name + "(frames " + std::to_string(s.firstFrame) + "-" + std::to_string(s.lastFrame) + ")";
}

const annotation::Segment* find(const Segments& segments, std::int64_t id) {
    for (const auto& s : segments)
        if (s.id == id) return &s;
    return nullptr;
}

Result<SegmentChange> checked(const Segments& segments, SegmentChange change, LaneRule rule) {
    if (Status s = checkAddedDoNotOverlap(segments, change, rule); !s) return s.takeError();
    return change;
}

Status checkRange(std::int64_t first, std::int64_t last, std::int64_t frameCount) {
    if (first < 0 || last < first)
        return makeError("frames " + std::to_string(first) + "-" + std::to_string(last) + " are not a range");
    if (frameCount > 0 && last >= frameCount)
        return makeError("frame " + std::to_string(last) + " is past the video's end (frames 0-" + std::to_string(frameCount - 1) + ")");
    return Status::success();
}

// The lane a segment lies in: its subject and, for a prediction, its model (for a person's
// segment under LaneRule::PerAnnotator, its annotator).
std::pair<std::int64_t, std::string> laneOf(const annotation::Segment& s, LaneRule rule) {
    if (annotation::isModelPrediction(s)) return {s.subjectId, s.annotator};
    return {s.subjectId, rule == LaneRule::PerAnnotator ? "person:" + s.annotator : std::string()};
}

annotation::Segment acceptedFrom(const annotation::Segment& prediction, const std::string& annotator) {
    annotation::Segment accepted = prediction;
    accepted.source = prediction.annotator;
    accepted.annotator = annotator;
    accepted.review = annotation::ReviewStatus::Accepted;
    return accepted;
}

Result<const annotation::Segment*> findPrediction(const Segments& segments, std::int64_t id) {
    const annotation::Segment* s = find(segments, id);
    if (!s) return makeError("segment " + std::to_string(id) + " is not in this video");
    if (!annotation::isModelPrediction(*s))
        return makeError("segment " + describe(*s) + " is a person's segment, not a model's prediction");
    return s;
}

QString actionOf(const annotation::Segment& s) {
    auto it = s.labels.find("action");
    return it != s.labels.end() ? QString::fromStdString(it->second) : tr("unlabelled");
}

}  // namespace

Segments applied(const Segments& segments, const SegmentChange& change) {
    std::set<std::int64_t> removed;
    for (const auto& s : change.removed) removed.insert(s.id);
    Segments result;
    for (const auto& s : segments)
        if (!removed.count(s.id)) result.push_back(s);
    result.insert(result.end(), change.added.begin(), change.added.end());
    std::sort(result.begin(), result.end(), [](const auto& a, const auto& b) {
        return a.firstFrame != b.firstFrame ? a.firstFrame < b.firstFrame : a.id < b.id;
    });
    return result;
}

Status checkNoOverlap(const Segments& segments, LaneRule rule) {
    std::map<std::pair<std::int64_t, std::string>, std::vector<const annotation::Segment*>> lanes;
    for (const auto& s : segments) lanes[laneOf(s, rule)].push_back(&s);
    for (auto& [subject, lane] : lanes) {
        std::sort(lane.begin(), lane.end(), [](auto* a, auto* b) { return a->firstFrame < b->firstFrame; });
        for (size_t i = 1; i < lane.size(); ++i) {
            if (lane[i]->firstFrame <= lane[i - 1]->lastFrame)
                return makeError("segment " + describe(*lane[i]) + " would overlap segment " + describe(*lane[i - 1]) +
                                 (annotation::isModelPrediction(*lane[i]) ? " of the same model's predictions"
                                                                          : " of the same subject; a subject does one action at a time"));
        }
    }
    return Status::success();
}

Status checkAddedDoNotOverlap(const Segments& segments, const SegmentChange& change, LaneRule rule) {
    const Segments after = applied(segments, change);
    for (size_t i = 0; i < change.added.size(); ++i) {
        const annotation::Segment& added = change.added[i];
        for (const annotation::Segment& other : after) {
            if (laneOf(other, rule) != laneOf(added, rule) || other.lastFrame < added.firstFrame || other.firstFrame > added.lastFrame) continue;
            // The added segment itself (same id, or the same new segment) is no overlap.
            if (added.id != 0 ? other.id == added.id : (other.id == 0 && other == added)) continue;
            const bool earlier = other.firstFrame < added.firstFrame || (other.firstFrame == added.firstFrame && other.id < added.id);
            const annotation::Segment& first = earlier ? other : added;
            const annotation::Segment& second = earlier ? added : other;
            return makeError("segment " + describe(second) + " would overlap segment " + describe(first) +
                             (annotation::isModelPrediction(added) ? " of the same model's predictions"
                                                                   : " of the same subject; a subject does one action at a time"));
        }
    }
    return Status::success();
}

Result<SegmentChange> create(const Segments& segments, std::int64_t videoId, std::int64_t subjectId, std::int64_t first,
                             std::int64_t last, const Labels& labels, std::int64_t frameCount, LaneRule rule,
                             const std::string& annotator) {
    if (Status s = checkRange(first, last, frameCount); !s) return s.takeError();
    annotation::Segment segment;
    segment.videoId = videoId;
    segment.subjectId = subjectId;
    segment.firstFrame = first;
    segment.lastFrame = last;
    segment.labels = labels;
    segment.annotator = annotator;
    SegmentChange change;
    change.text = tr("Add segment %1 (%2-%3)").arg(actionOf(segment)).arg(first).arg(last);
    change.added.push_back(segment);
    return checked(segments, std::move(change), rule);
}

Result<SegmentChange> setBounds(const Segments& segments, std::int64_t segmentId, std::int64_t first, std::int64_t last,
                                std::int64_t frameCount, LaneRule rule) {
    const annotation::Segment* old = find(segments, segmentId);
    if (!old) return makeError("segment " + std::to_string(segmentId) + " is not in this video");
    if (Status s = checkRange(first, last, frameCount); !s) return s.takeError();
    annotation::Segment changed = *old;
    changed.firstFrame = first;
    changed.lastFrame = last;
    SegmentChange change;
    change.text = tr("Move segment %1 to %2-%3").arg(actionOf(*old)).arg(first).arg(last);
    change.removed.push_back(*old);
    change.added.push_back(changed);
    return checked(segments, std::move(change), rule);
}

Result<SegmentChange> split(const Segments& segments, std::int64_t segmentId, std::int64_t frame, LaneRule rule) {
    const annotation::Segment* old = find(segments, segmentId);
    if (!old) return makeError("segment " + std::to_string(segmentId) + " is not in this video");
    if (frame <= old->firstFrame || frame > old->lastFrame)
        return makeError("split at frame " + std::to_string(frame) + ": it must lie inside segment " + describe(*old) +
                         " and after its first frame");
    annotation::Segment before = *old;
    before.lastFrame = frame - 1;
    annotation::Segment after = *old;
    after.id = 0;
    after.createdMs = 0;
    after.modifiedMs = 0;
    after.firstFrame = frame;
    SegmentChange change;
    change.text = tr("Split segment %1 at frame %2").arg(actionOf(*old)).arg(frame);
    change.removed.push_back(*old);
    change.added = {before, after};
    return checked(segments, std::move(change), rule);
}

Result<SegmentChange> merge(const Segments& segments, const std::vector<std::int64_t>& segmentIds, LaneRule rule) {
    std::vector<const annotation::Segment*> parts;
    for (std::int64_t id : std::set<std::int64_t>(segmentIds.begin(), segmentIds.end())) {
        const annotation::Segment* s = find(segments, id);
        if (!s) return makeError("segment " + std::to_string(id) + " is not in this video");
        parts.push_back(s);
    }
    if (parts.size() < 2) return makeError("select two or more segments of one subject to merge");
    std::sort(parts.begin(), parts.end(), [](auto* a, auto* b) { return a->firstFrame < b->firstFrame; });
    for (auto* p : parts)
        if (p->subjectId != parts.front()->subjectId) return makeError("segments of different subjects cannot be merged");
    for (auto* p : parts)
        if (laneOf(*p, LaneRule::PeopleTogether) != laneOf(*parts.front(), LaneRule::PeopleTogether))
            return makeError("a prediction cannot be merged with a person's segment or another model's; accept it first");
    const std::int64_t first = parts.front()->firstFrame;
    std::int64_t last = 0;
    for (auto* p : parts) last = std::max(last, p->lastFrame);
    for (const auto& s : segments) {
        const bool selected = std::find(parts.begin(), parts.end(), &s) != parts.end();
        if (!selected && laneOf(s, rule) == laneOf(*parts.front(), rule) && s.lastFrame >= first && s.firstFrame <= last)
            return makeError("segment " + describe(s) + " lies between the segments to merge");
    }
    annotation::Segment merged = *parts.front();
    merged.lastFrame = last;
    SegmentChange change;
    change.text = tr("Merge %1 segments into %2 (%3-%4)").arg(parts.size()).arg(actionOf(merged)).arg(first).arg(last);
    for (auto* p : parts) change.removed.push_back(*p);
    change.added.push_back(merged);
    return checked(segments, std::move(change), rule);
}

Result<SegmentChange> remove(const Segments& segments, const std::vector<std::int64_t>& segmentIds) {
    SegmentChange change;
    for (std::int64_t id : std::set<std::int64_t>(segmentIds.begin(), segmentIds.end())) {
        const annotation::Segment* s = find(segments, id);
        if (!s) return makeError("segment " + std::to_string(id) + " is not in this video");
        change.removed.push_back(*s);
    }
    if (change.removed.empty()) return makeError("no segment selected");
    change.text = change.removed.size() == 1 ? tr("Delete segment %1").arg(actionOf(change.removed.front()))
                                             : tr("Delete %1 segments").arg(change.removed.size());
    return change;
}

Result<SegmentChange> accept(const Segments& segments, const std::vector<std::int64_t>& predictionIds, const std::string& annotator,
                             LaneRule rule) {
    SegmentChange change;
    for (std::int64_t id : std::set<std::int64_t>(predictionIds.begin(), predictionIds.end())) {
        auto prediction = findPrediction(segments, id);
        if (!prediction) return prediction.takeError();
        change.removed.push_back(*prediction.value());
        change.added.push_back(acceptedFrom(*prediction.value(), annotator));
    }
    if (change.removed.empty()) return makeError("no prediction selected");
    change.text = change.removed.size() == 1 ? tr("Accept prediction %1").arg(actionOf(change.removed.front()))
                                             : tr("Accept %1 predictions").arg(change.removed.size());
    return checked(segments, std::move(change), rule);
}

Result<SegmentChange> acceptAbove(const Segments& segments, double minConfidence, const std::string& annotator, int* skipped,
                                  LaneRule rule) {
    std::vector<const annotation::Segment*> candidates;
    for (const auto& s : segments)
        if (annotation::isModelPrediction(s) && s.confidence.value_or(0.0) >= minConfidence) candidates.push_back(&s);
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](auto* a, auto* b) { return a->confidence.value_or(0.0) > b->confidence.value_or(0.0); });
    SegmentChange change;
    int refused = 0;
    for (const annotation::Segment* prediction : candidates) {
        SegmentChange attempt = change;
        attempt.removed.push_back(*prediction);
        attempt.added.push_back(acceptedFrom(*prediction, annotator));
        if (checkAddedDoNotOverlap(segments, attempt, rule))
            change = std::move(attempt);
        else
            ++refused;
    }
    if (skipped) *skipped = refused;
    if (change.removed.empty())
        return makeError(candidates.empty() ? "no prediction has a confidence of " + QString::number(minConfidence, 'f', 2).toStdString() + " or more"
                                            : "every prediction above the confidence overlaps a person's segment");
    change.text = QCoreApplication::translate("SegmentEdits", "Accept %n prediction(s) with confidence %1 or more", nullptr,
                                              int(change.removed.size()))
                      .arg(minConfidence, 0, 'f', 2);
    return change;
}

Result<SegmentChange> acceptRange(const Segments& segments, std::int64_t subjectId, std::int64_t first, std::int64_t last,
                                  const std::string& annotator, LaneRule rule) {
    if (Status s = checkRange(first, last, 0); !s) return s.takeError();
    SegmentChange change;
    for (const auto& s : segments) {
        if (!annotation::isModelPrediction(s) || s.subjectId != subjectId || s.lastFrame < first || s.firstFrame > last) continue;
        change.removed.push_back(s);
        annotation::Segment inside = acceptedFrom(s, annotator);
        inside.firstFrame = std::max(s.firstFrame, first);
        inside.lastFrame = std::min(s.lastFrame, last);
        change.added.push_back(inside);
        for (auto [from, to] : {std::pair{s.firstFrame, first - 1}, std::pair{last + 1, s.lastFrame}}) {
            if (to < from) continue;
            annotation::Segment rest = s;  // the part outside the range stays the model's
            rest.id = 0;
            rest.createdMs = 0;
            rest.modifiedMs = 0;
            rest.firstFrame = from;
            rest.lastFrame = to;
            change.added.push_back(rest);
        }
    }
    if (change.removed.empty())
        return makeError("the subject has no prediction within frames " + std::to_string(first) + "-" + std::to_string(last));
    change.text = tr("Accept predictions in frames %1-%2").arg(first).arg(last);
    return checked(segments, std::move(change), rule);
}

Result<SegmentChange> copyLayer(const Segments& segments, const std::string& from, const std::string& to) {
    if (from == to) return makeError("a layer cannot be copied onto itself");
    if (to.rfind(annotation::kModelAnnotatorPrefix, 0) == 0) return makeError("'" + to + "' names a model, not a person");
    SegmentChange change;
    for (const annotation::Segment& s : segments) {
        if (annotation::isModelPrediction(s) || s.annotator != from) continue;
        annotation::Segment copy = s;
        copy.id = 0;
        copy.createdMs = 0;
        copy.modifiedMs = 0;
        copy.annotator = to;
        copy.source = from;
        copy.review = annotation::ReviewStatus::Unreviewed;
        change.added.push_back(copy);
    }
    if (change.added.empty()) return makeError("'" + from + "' has no segment in this video");
    change.text = tr("Copy %1's %2 segments as %3's")
                      .arg(QString::fromStdString(from))
                      .arg(change.added.size())
                      .arg(QString::fromStdString(to));
    return checked(segments, std::move(change), LaneRule::PerAnnotator);
}

Result<SegmentChange> reject(const Segments& segments, const std::vector<std::int64_t>& predictionIds) {
    SegmentChange change;
    for (std::int64_t id : std::set<std::int64_t>(predictionIds.begin(), predictionIds.end())) {
        auto prediction = findPrediction(segments, id);
        if (!prediction) return prediction.takeError();
        change.removed.push_back(*prediction.value());
    }
    if (change.removed.empty()) return makeError("no prediction selected");
    change.text = change.removed.size() == 1 ? tr("Reject prediction %1").arg(actionOf(change.removed.front()))
                                             : tr("Reject %1 predictions").arg(change.removed.size());
    return change;
}

Result<SegmentChange> setLabels(const Segments& segments, const std::vector<std::int64_t>& segmentIds, const Labels& changes,
                                const QString& what) {
    SegmentChange change;
    for (std::int64_t id : std::set<std::int64_t>(segmentIds.begin(), segmentIds.end())) {
        const annotation::Segment* s = find(segments, id);
        if (!s) return makeError("segment " + std::to_string(id) + " is not in this video");
        annotation::Segment changed = *s;
        for (const auto& [task, value] : changes) {
            if (value.empty())
                changed.labels.erase(task);
            else
                changed.labels[task] = value;
        }
        if (changed.labels == s->labels) continue;
        change.removed.push_back(*s);
        change.added.push_back(changed);
    }
    if (change.removed.empty()) return makeError("nothing to change: the selected segments already say that");
    change.text = change.removed.size() == 1 ? what : tr("%1 on %2 segments").arg(what).arg(change.removed.size());
    return change;
}

Result<SegmentChange> setLabel(const Segments& segments, const std::vector<std::int64_t>& segmentIds, const std::string& task,
                               const std::string& value) {
    const QString what = value.empty() ? tr("Clear %1").arg(QString::fromStdString(task))
                                       : tr("Set %1 to %2").arg(QString::fromStdString(task), QString::fromStdString(value));
    return setLabels(segments, segmentIds, {{task, value}}, what);
}

}  // namespace actionlens::ui::segment_edits
