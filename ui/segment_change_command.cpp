#include "ui/segment_change_command.h"

#include "ui/project_document.h"

#include <QDateTime>

namespace actionlens::ui {

SegmentChangeCommand::SegmentChangeCommand(ProjectDocument& document, SegmentChange change)
    : document_(document), change_(std::move(change)) {
    setText(change_.text);
}

std::vector<std::int64_t> SegmentChangeCommand::addedIds() const {
    std::vector<std::int64_t> ids;
    for (const auto& s : change_.added) ids.push_back(s.id);
    return ids;
}

Status SegmentChangeCommand::apply() {
    // Times are stamped once, here, so redo writes the same values again.
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    for (annotation::Segment& s : change_.added) {
        if (s.createdMs == 0) s.createdMs = now;
        s.modifiedMs = now;
    }
    annotation::ProjectStore& store = document_.store();
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
    applied_ = true;
    document_.reloadSegments();
    return Status::success();
}

Status SegmentChangeCommand::write(const std::vector<annotation::Segment>& remove, const std::vector<annotation::Segment>& insert) {
    annotation::ProjectStore& store = document_.store();
    Status status = store.transaction([&]() -> Status {
        for (const auto& s : remove)
            if (auto removed = store.removeSegment(s.id); !removed) return removed.takeError();
        for (const auto& s : insert)
            if (auto id = store.insertSegment(s); !id) return id.takeError();
        return Status::success();
    });
    return status;
}

void SegmentChangeCommand::redo() {
    if (applied_) {
        applied_ = false;
        return;
    }
    if (Status s = write(change_.removed, change_.added); !s)
        document_.reportWriteFailure(QObject::tr("redo of '%1' failed: %2").arg(text(), QString::fromStdString(s.error())));
    document_.reloadSegments();
}

void SegmentChangeCommand::undo() {
    if (Status s = write(change_.added, change_.removed); !s)
        document_.reportWriteFailure(QObject::tr("undo of '%1' failed: %2").arg(text(), QString::fromStdString(s.error())));
    document_.reloadSegments();
}

}  // namespace actionlens::ui
