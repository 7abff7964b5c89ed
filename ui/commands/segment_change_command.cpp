#include "ui/commands/segment_change_command.h"

#include "ui/document/project_document.h"

#include <QDateTime>

namespace actionlens::ui {

SegmentChangeCommand::SegmentChangeCommand(ProjectDocument& document, SegmentChange change)
    : DocumentCommand(document, change.text), change_(std::move(change)) {}

std::vector<std::int64_t> SegmentChangeCommand::addedIds() const {
    std::vector<std::int64_t> ids;
    for (const auto& s : change_.added) ids.push_back(s.id);
    return ids;
}

Status SegmentChangeCommand::firstWrite() {
    // Times are stamped once, here, so redo writes the same values again.
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    for (annotation::Segment& s : change_.added) {
        if (s.createdMs == 0) s.createdMs = now;
        s.modifiedMs = now;
    }
    annotation::ProjectStore& store = document().store();
    std::vector<annotation::Segment> stored;
    Status status = store.transaction([&]() -> Status {
        for (const auto& s : change_.removed)
            if (auto removed = store.removeSegment(s.id); !removed) return removed.takeError();
        for (const auto& s : change_.added) {
            auto id = store.insertSegment(s);
            if (!id) return id.takeError();
            auto back = store.segment(id.value());  // as stored: the id a new segment got
            if (!back) return back.takeError();
            stored.push_back(std::move(back).value());
        }
        return Status::success();
    });
    if (!status) return status;
    change_.added = std::move(stored);
    return Status::success();
}

Status SegmentChangeCommand::write(const std::vector<annotation::Segment>& remove, const std::vector<annotation::Segment>& insert) {
    annotation::ProjectStore& store = document().store();
    Status status = store.transaction([&]() -> Status {
        for (const auto& s : remove)
            if (auto removed = store.removeSegment(s.id); !removed) return removed.takeError();
        for (const auto& s : insert)
            if (auto id = store.insertSegment(s); !id) return id.takeError();
        return Status::success();
    });
    return status;
}

Status SegmentChangeCommand::redoWrite() { return write(change_.removed, change_.added); }

Status SegmentChangeCommand::undoWrite() { return write(change_.added, change_.removed); }

void SegmentChangeCommand::reload() { document().reloadSegments(); }

}  // namespace actionlens::ui
