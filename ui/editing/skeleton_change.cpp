#include "ui/editing/skeleton_change.h"

#include "core/annotation/skeleton_interpolation.h"
#include "core/annotation/skeleton_template.h"
#include "ui/document/project_document.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>

namespace actionlens::ui::skeleton_edits {

namespace {

using annotation::PoseSource;
using annotation::SkeletonFrame;

QString tr(const char* text) { return QCoreApplication::translate("SkeletonChange", text); }

Error errorOf(const QString& message) { return makeError(message.toStdString()); }

// The subject's frames in the current video and where each came from, in frame order.
std::map<std::int64_t, PoseSource> trackOf(const ProjectDocument& document, std::int64_t subjectId) {
    std::map<std::int64_t, PoseSource> track;
    for (const auto& p : document.skeletonPresence())
        if (p.subjectId == subjectId) track[p.frame] = p.source;
    return track;
}

Result<std::vector<SkeletonFrame>> readRange(ProjectDocument& document, std::int64_t subjectId, std::int64_t first,
                                             std::int64_t last) {
    return document.store().skeletonFrames(document.currentVideoId(), first, last, subjectId);
}

Result<std::optional<SkeletonFrame>> readFrame(ProjectDocument& document, std::int64_t subjectId, std::int64_t frame) {
    auto read = readRange(document, subjectId, frame, frame);
    if (!read) return read.takeError();
    if (read->empty()) return std::optional<SkeletonFrame>();
    return std::optional<SkeletonFrame>(read->front());
}

Status checkCurrent(const ProjectDocument& document, std::int64_t videoId = -1) {
    if (!document.isOpen() || document.currentVideoId() == 0) return errorOf(tr("Open a video of the project first."));
    if (videoId >= 0 && videoId != document.currentVideoId())
        return errorOf(tr("That skeleton belongs to another video than the one shown."));
    return Status::success();
}

QString jointLabel(const ProjectDocument& document, const SkeletonFrame& frame, int joint) {
    const annotation::SkeletonLayout* layout = document.layoutById(frame.layoutId);
    if (layout && joint >= 0 && size_t(joint) < layout->joints.size())
        return QString::fromStdString(layout->joints[size_t(joint)]).replace(QLatin1Char('_'), QLatin1Char(' '));
    return tr("joint %1").arg(joint);
}

// Interpolated frames next to the keyframe `key` (which the change puts in) that reach up to
// another keyframe follow it: they are re-interpolated between the two, in the same change.
// A run that ends at a gap or at a model/imported frame is left alone: it has no keyframe
// on its far side to follow.
Status followInterpolatedNeighbours(ProjectDocument& document, const SkeletonFrame& key, SkeletonChange* change) {
    const auto track = trackOf(document, key.subjectId);
    for (const int step : {-1, +1}) {
        std::int64_t f = key.frame + step;
        std::vector<std::int64_t> run;
        auto it = track.find(f);
        while (it != track.end() && it->second == PoseSource::Interpolated) {
            run.push_back(f);
            f += step;
            it = track.find(f);
        }
        if (run.empty() || it == track.end() || it->second != PoseSource::Manual) continue;
        auto other = readFrame(document, key.subjectId, f);
        if (!other) return other.takeError();
        if (!other.value()) continue;
        const SkeletonFrame& far = *other.value();
        if (far.layoutId != key.layoutId || far.joints.size() != key.joints.size()) continue;
        const std::int64_t lo = std::min(run.front(), run.back());
        const std::int64_t hi = std::max(run.front(), run.back());
        auto old = readRange(document, key.subjectId, lo, hi);
        if (!old) return old.takeError();
        auto filled = step > 0 ? annotation::interpolateBetween(key, far) : annotation::interpolateBetween(far, key);
        if (!filled) return filled.takeError();
        change->removed.insert(change->removed.end(), old->begin(), old->end());
        change->added.insert(change->added.end(), filled->begin(), filled->end());
    }
    return Status::success();
}

// An edit that leaves `after` as a keyframe in place of `before` (if any).
Result<SkeletonChange> keyframeEdit(ProjectDocument& document, const std::optional<SkeletonFrame>& before, SkeletonFrame after,
                                    const QString& text) {
    after.source = PoseSource::Manual;
    SkeletonChange change;
    change.text = text;
    change.videoId = after.videoId;
    if (before) change.removed.push_back(*before);
    change.added.push_back(after);
    if (Status s = followInterpolatedNeighbours(document, after, &change); !s) return s.takeError();
    return change;
}

// Replaces the subject's frames strictly between keyframes a and b by their interpolation.
Status addInterpolation(ProjectDocument& document, const SkeletonFrame& a, const SkeletonFrame& b, SkeletonChange* change) {
    auto filled = annotation::interpolateBetween(a, b);
    if (!filled) return filled.takeError();
    auto old = readRange(document, a.subjectId, a.frame + 1, b.frame - 1);
    if (!old) return old.takeError();
    change->removed.insert(change->removed.end(), old->begin(), old->end());
    change->added.insert(change->added.end(), filled->begin(), filled->end());
    return Status::success();
}

// "(19 frames)" or "(19 frames, replacing 7 imported or model frames)": an annotator should see
// in the history when interpolation overwrote poses that came from elsewhere.
QString interpolationSummary(const SkeletonChange& change) {
    int replaced = 0;
    for (const SkeletonFrame& f : change.removed)
        if (f.source == PoseSource::Imported || f.source == PoseSource::Model) ++replaced;
    const int filled = int(change.added.size());
    if (replaced == 0) return tr("(%1 frames)").arg(filled);
    return tr("(%1 frames, replacing %2 imported or model frames)").arg(filled).arg(replaced);
}

std::vector<std::int64_t> keyframesOf(const std::map<std::int64_t, PoseSource>& track) {
    std::vector<std::int64_t> keys;
    for (const auto& [frame, source] : track)
        if (source == PoseSource::Manual) keys.push_back(frame);
    return keys;
}

}  // namespace

Result<SkeletonChange> moveJoint(ProjectDocument& document, const SkeletonFrame& before, int joint, float x, float y) {
    if (Status s = checkCurrent(document, before.videoId); !s) return s.takeError();
    if (joint < 0 || size_t(joint) >= before.joints.size()) return errorOf(tr("No joint %1 in this skeleton.").arg(joint));
    SkeletonFrame after = before;
    // A joint the annotator placed is there and certain.
    after.joints[size_t(joint)] = annotation::Joint{x, y, 1.0f, true};
    return keyframeEdit(document, before, after,
                        tr("Move %1 of %2").arg(jointLabel(document, before, joint), document.subjectName(before.subjectId)));
}

Result<SkeletonChange> toggleJointVisibility(ProjectDocument& document, const SkeletonFrame& before, int joint) {
    if (Status s = checkCurrent(document, before.videoId); !s) return s.takeError();
    if (joint < 0 || size_t(joint) >= before.joints.size()) return errorOf(tr("No joint %1 in this skeleton.").arg(joint));
    SkeletonFrame after = before;
    annotation::Joint& j = after.joints[size_t(joint)];
    j.visible = !j.visible;
    // Shown by the annotator's word: certain, so the overlay's confidence threshold cannot hide it.
    if (j.visible) j.confidence = 1.0f;
    const QString text = j.visible ? tr("Show %1 of %2") : tr("Hide %1 of %2");
    return keyframeEdit(document, before, after, text.arg(jointLabel(document, before, joint), document.subjectName(before.subjectId)));
}

Result<SkeletonChange> markKeyframe(ProjectDocument& document, const SkeletonFrame& before) {
    if (Status s = checkCurrent(document, before.videoId); !s) return s.takeError();
    if (before.source == PoseSource::Manual)
        return errorOf(tr("Frame %1 of %2 is already a keyframe.").arg(before.frame).arg(document.subjectName(before.subjectId)));
    return keyframeEdit(document, before, before,
                        tr("Mark frame %1 of %2 as keyframe").arg(before.frame).arg(document.subjectName(before.subjectId)));
}

Result<SkeletonChange> addFromTemplate(ProjectDocument& document, std::int64_t subjectId, std::int64_t frame,
                                       const annotation::SkeletonLayout& layout, double centreX, double centreY, double height) {
    if (Status s = checkCurrent(document); !s) return s.takeError();
    if (!document.subject(subjectId)) return errorOf(tr("Choose a subject first: click its lane, or add one with Ctrl+Shift+P."));
    if (layout.id == 0) return errorOf(tr("The skeleton layout '%1' is not in the project.").arg(QString::fromStdString(layout.name)));
    auto existing = readFrame(document, subjectId, frame);
    if (!existing) return existing.takeError();
    if (existing.value())
        return errorOf(tr("%1 already has a skeleton in frame %2: drag its joints, or delete it first.")
                           .arg(document.subjectName(subjectId))
                           .arg(frame));
    SkeletonFrame added;
    added.videoId = document.currentVideoId();
    added.subjectId = subjectId;
    added.frame = frame;
    added.layoutId = layout.id;
    added.joints = annotation::templatePose(layout, centreX, centreY, height);
    return keyframeEdit(document, std::nullopt, added,
                        tr("Add %1 skeleton of %2").arg(QString::fromStdString(layout.name), document.subjectName(subjectId)));
}

Result<SkeletonChange> copyFromPrevious(ProjectDocument& document, std::int64_t subjectId, std::int64_t frame) {
    if (Status s = checkCurrent(document); !s) return s.takeError();
    const auto track = trackOf(document, subjectId);
    auto it = track.lower_bound(frame);
    if (it == track.begin())
        return errorOf(tr("%1 has no skeleton before frame %2 to copy.").arg(document.subjectName(subjectId)).arg(frame));
    const std::int64_t source = std::prev(it)->first;
    auto previous = readFrame(document, subjectId, source);
    if (!previous) return previous.takeError();
    if (!previous.value()) return errorOf(tr("The skeleton of frame %1 is gone; reopen the video.").arg(source));
    auto existing = readFrame(document, subjectId, frame);
    if (!existing) return existing.takeError();
    SkeletonFrame copy = *previous.value();
    copy.frame = frame;
    return keyframeEdit(document, existing.value(), copy,
                        tr("Copy skeleton of %1 from frame %2").arg(document.subjectName(subjectId)).arg(source));
}

Result<SkeletonChange> interpolateAround(ProjectDocument& document, std::int64_t subjectId, std::int64_t frame) {
    if (Status s = checkCurrent(document); !s) return s.takeError();
    const std::vector<std::int64_t> keys = keyframesOf(trackOf(document, subjectId));
    if (keys.size() < 2)
        return errorOf(tr("Interpolation needs two keyframes of %1 (edit a skeleton, or mark one with Ctrl+K).")
                           .arg(document.subjectName(subjectId)));
    const auto after = std::upper_bound(keys.begin(), keys.end(), frame);  // first keyframe after `frame`
    const bool onKey = std::binary_search(keys.begin(), keys.end(), frame);
    std::int64_t first = 0, last = 0;
    if (onKey && after != keys.end()) {
        first = frame;
        last = *after;
    } else if (onKey) {
        first = *(after - 2);  // `frame` is the last keyframe: the span before it
        last = frame;
    } else if (after != keys.begin() && after != keys.end()) {
        first = *(after - 1);
        last = *after;
    } else {
        return errorOf(tr("Frame %1 is not between two keyframes of %2.").arg(frame).arg(document.subjectName(subjectId)));
    }
    if (last == first + 1)
        return errorOf(tr("Keyframes %1 and %2 are adjacent: no frame between them to fill.").arg(first).arg(last));
    auto a = readFrame(document, subjectId, first);
    if (!a) return a.takeError();
    auto b = readFrame(document, subjectId, last);
    if (!b) return b.takeError();
    if (!a.value() || !b.value()) return errorOf(tr("A keyframe is gone; reopen the video."));
    SkeletonChange change;
    change.videoId = document.currentVideoId();
    change.text = tr("Interpolate %1 between frames %2 and %3").arg(document.subjectName(subjectId)).arg(first).arg(last);
    if (Status s = addInterpolation(document, *a.value(), *b.value(), &change); !s) return s.takeError();
    change.text += QLatin1Char(' ') + interpolationSummary(change);
    return change;
}

Result<SkeletonChange> interpolateAll(ProjectDocument& document, std::int64_t subjectId) {
    if (Status s = checkCurrent(document); !s) return s.takeError();
    const std::vector<std::int64_t> keys = keyframesOf(trackOf(document, subjectId));
    SkeletonChange change;
    change.videoId = document.currentVideoId();
    change.text = tr("Interpolate all keyframe gaps of %1").arg(document.subjectName(subjectId));
    int gaps = 0;
    for (size_t i = 0; i + 1 < keys.size(); ++i) {
        if (keys[i + 1] == keys[i] + 1) continue;
        auto a = readFrame(document, subjectId, keys[i]);
        if (!a) return a.takeError();
        auto b = readFrame(document, subjectId, keys[i + 1]);
        if (!b) return b.takeError();
        if (!a.value() || !b.value()) return errorOf(tr("A keyframe is gone; reopen the video."));
        if (Status s = addInterpolation(document, *a.value(), *b.value(), &change); !s) return s.takeError();
        ++gaps;
    }
    if (gaps == 0)
        return errorOf(tr("%1 has no two keyframes with frames between them.").arg(document.subjectName(subjectId)));
    change.text += QLatin1Char(' ') + interpolationSummary(change);
    return change;
}

Result<SkeletonChange> removeSkeleton(ProjectDocument& document, std::int64_t subjectId, std::int64_t frame) {
    if (Status s = checkCurrent(document); !s) return s.takeError();
    auto existing = readFrame(document, subjectId, frame);
    if (!existing) return existing.takeError();
    if (!existing.value()) return errorOf(tr("%1 has no skeleton in frame %2.").arg(document.subjectName(subjectId)).arg(frame));
    SkeletonChange change;
    change.videoId = document.currentVideoId();
    change.text = tr("Delete skeleton of %1 in frame %2").arg(document.subjectName(subjectId)).arg(frame);
    // A keyframe inside interpolated frames: they and its frame are filled again between the
    // keyframes on either side, as if it had never been set.
    if (existing.value()->source == PoseSource::Manual) {
        const auto track = trackOf(document, subjectId);
        auto keyframeBeyond = [&](int step, bool* crossedInterpolated) -> std::optional<std::int64_t> {
            std::int64_t f = frame + step;
            for (auto it = track.find(f); it != track.end(); it = track.find(f += step)) {
                if (it->second == PoseSource::Manual) return f;
                if (it->second != PoseSource::Interpolated) return std::nullopt;
                *crossedInterpolated = true;
            }
            return std::nullopt;
        };
        bool crossed = false;
        const auto before = keyframeBeyond(-1, &crossed);
        const auto after = keyframeBeyond(+1, &crossed);
        if (crossed && before && after) {
            auto a = readFrame(document, subjectId, *before);
            if (!a) return a.takeError();
            auto b = readFrame(document, subjectId, *after);
            if (!b) return b.takeError();
            if (a.value() && b.value() && a.value()->layoutId == b.value()->layoutId) {
                if (Status s = addInterpolation(document, *a.value(), *b.value(), &change); !s) return s.takeError();
                return change;
            }
        }
    }
    change.removed.push_back(*existing.value());
    return change;
}

namespace {

std::optional<SkeletonFrame> nearestSkeleton(ProjectDocument& document, std::int64_t subjectId, std::int64_t frame) {
    if (!document.isOpen()) return std::nullopt;
    std::optional<std::int64_t> nearest;
    for (const auto& p : document.skeletonPresence())
        if (p.subjectId == subjectId && (!nearest || std::abs(p.frame - frame) < std::abs(*nearest - frame))) nearest = p.frame;
    if (!nearest) return std::nullopt;
    auto read = readFrame(document, subjectId, *nearest);
    if (!read) return std::nullopt;
    return read.value();
}

}  // namespace

const annotation::SkeletonLayout* layoutForNewSkeleton(ProjectDocument& document, std::int64_t subjectId, std::int64_t frame) {
    if (!document.isOpen()) return nullptr;
    // The subject's nearest skeleton's, else the first skeleton's of anyone in the video.
    std::optional<SkeletonFrame> model = nearestSkeleton(document, subjectId, frame);
    if (!model && !document.skeletonPresence().empty()) {
        const auto& first = document.skeletonPresence().front();
        model = nearestSkeleton(document, first.subjectId, first.frame);
    }
    if (model)
        if (const annotation::SkeletonLayout* layout = document.layoutById(model->layoutId)) return layout;
    return document.store().skeletonLayout("COCO-17");
}

std::optional<TemplatePlacement> placementNearSubject(ProjectDocument& document, std::int64_t subjectId, std::int64_t frame) {
    const std::optional<SkeletonFrame> near = nearestSkeleton(document, subjectId, frame);
    if (!near) return std::nullopt;
    bool any = false;
    double left = 0, top = 0, right = 0, bottom = 0;
    for (const annotation::Joint& j : near->joints) {
        if (!j.visible) continue;
        left = any ? std::min(left, double(j.x)) : j.x;
        right = any ? std::max(right, double(j.x)) : j.x;
        top = any ? std::min(top, double(j.y)) : j.y;
        bottom = any ? std::max(bottom, double(j.y)) : j.y;
        any = true;
    }
    // The template's joints span about 0.9 of its height (eyes or head to ankles).
    const double height = std::max(right - left, bottom - top) / 0.9;
    if (!any || height < kMinTemplateHeight) return std::nullopt;
    return TemplatePlacement{(left + right) / 2, (top + bottom) / 2, height};
}

}  // namespace actionlens::ui::skeleton_edits
