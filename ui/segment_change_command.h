#pragma once

// SegmentChangeCommand: the undoable command of every segment edit (see segment_change.h).
// Applying writes one store transaction: the removed segments go, the added ones are written
// with their ids and times; undo is the same with the two lists swapped. The first application
// assigns new segments their ids and stamps modified times; the command keeps the stored
// result, so undo and redo restore the store exactly (ids, labels, times), not an approximation.
//
// apply() runs before the command enters the undo stack, so a refused write (a store check,
// a full disk) never shows up as done; QUndoStack::push then skips the first redo.

#include "ui/segment_change.h"

#include <QUndoCommand>

namespace actionlens::ui {

class ProjectDocument;

class SegmentChangeCommand : public QUndoCommand {
public:
    SegmentChangeCommand(ProjectDocument& document, SegmentChange change);

    // The first application; on failure the store is unchanged and the command must not be pushed.
    Status apply();
    void redo() override;
    void undo() override;

    const SegmentChange& change() const { return change_; }
    // The ids of the segments this edit put in (valid after apply()).
    std::vector<std::int64_t> addedIds() const;

private:
    Status write(const std::vector<annotation::Segment>& remove, const std::vector<annotation::Segment>& insert);

    ProjectDocument& document_;
    SegmentChange change_;
    bool applied_ = false;  // the first redo() after a successful apply() does nothing
};

}  // namespace actionlens::ui
