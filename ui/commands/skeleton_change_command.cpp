#include "ui/commands/skeleton_change_command.h"

#include "ui/document/project_document.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace actionlens::ui {

namespace {

struct FrameRange {
    std::int64_t subjectId;
    std::int64_t first;
    std::int64_t last;
};

// The (subject, frame) keys of both lists as runs of consecutive frames: one DELETE per run,
// so interpolating a thousand frames is a few statements, not a thousand.
std::vector<FrameRange> rangesOf(const std::vector<annotation::SkeletonFrame>& a, const std::vector<annotation::SkeletonFrame>& b) {
    std::vector<std::pair<std::int64_t, std::int64_t>> keys;
    for (const auto* list : {&a, &b})
        for (const auto& f : *list) keys.emplace_back(f.subjectId, f.frame);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    std::vector<FrameRange> ranges;
    for (const auto& [subject, frame] : keys) {
        if (!ranges.empty() && ranges.back().subjectId == subject && ranges.back().last + 1 == frame)
            ranges.back().last = frame;
        else
            ranges.push_back({subject, frame, frame});
    }
    return ranges;
}

}  // namespace

SkeletonChangeCommand::SkeletonChangeCommand(ProjectDocument& document, SkeletonChange change)
    : DocumentCommand(document, change.text), change_(std::move(change)) {}

Status SkeletonChangeCommand::write(const std::vector<annotation::SkeletonFrame>& remove,
                                    const std::vector<annotation::SkeletonFrame>& insert) {
    annotation::ProjectStore& store = document().store();
    return store.transaction([&]() -> Status {
        for (const FrameRange& r : rangesOf(remove, insert))
            if (auto removed = store.removeSkeletonFrames(change_.videoId, r.first, r.last, r.subjectId); !removed)
                return removed.takeError();
        if (insert.empty()) return Status::success();
        return store.insertSkeletonFrames(insert);
    });
}

Status SkeletonChangeCommand::redoWrite() { return write(change_.removed, change_.added); }

Status SkeletonChangeCommand::undoWrite() { return write(change_.added, change_.removed); }

void SkeletonChangeCommand::reload() {
    if (document().currentVideoId() == change_.videoId) document().reloadSkeletons();
}

int SkeletonChangeCommand::id() const {
    constexpr int kMergeableSkeletonChange = 0x534b;  // any id no other command uses
    return change_.mergeKey.isEmpty() ? -1 : kMergeableSkeletonChange;
}

bool SkeletonChangeCommand::mergeWith(const QUndoCommand* other) {
    const auto* next = dynamic_cast<const SkeletonChangeCommand*>(other);
    if (!next || next->change_.mergeKey != change_.mergeKey || next->change_.videoId != change_.videoId) return false;
    // This then `next` as one change: the frames as they were before this one (plus those only
    // `next` touched, as they were before it), and the frames as `next` left them (plus those
    // only this one put in).
    using Key = std::pair<std::int64_t, std::int64_t>;
    auto keysOf = [](const std::vector<annotation::SkeletonFrame>& frames) {
        std::set<Key> keys;
        for (const auto& f : frames) keys.emplace(f.subjectId, f.frame);
        return keys;
    };
    std::set<Key> touchedHere = keysOf(change_.removed);
    for (const Key& k : keysOf(change_.added)) touchedHere.insert(k);
    std::set<Key> touchedNext = keysOf(next->change_.removed);
    for (const Key& k : keysOf(next->change_.added)) touchedNext.insert(k);
    for (const auto& f : next->change_.removed)
        if (!touchedHere.count({f.subjectId, f.frame})) change_.removed.push_back(f);
    std::vector<annotation::SkeletonFrame> added = next->change_.added;
    for (const auto& f : change_.added)
        if (!touchedNext.count({f.subjectId, f.frame})) added.push_back(f);
    change_.added = std::move(added);
    return true;
}

QString SkeletonChangeCommand::run(ProjectDocument& document, SkeletonChange change) {
    return push(document, std::make_unique<SkeletonChangeCommand>(document, std::move(change)));
}

}  // namespace actionlens::ui
