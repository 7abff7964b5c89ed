#pragma once

// SegmentChangeCommand: the undoable command of every segment edit (see segment_change.h).
// Applying writes one store transaction: the removed segments go, the added ones are written
// with their ids and times; undo is the same with the two lists swapped. The first application
// assigns new segments their ids and stamps modified times; the command keeps the stored
// result, so undo and redo restore the store exactly (ids, labels, times), not an approximation.
//
// apply() runs before the command enters the undo stack, so a refused write (a store check,
// a full disk) never shows up as done; QUndoStack::push then skips the first redo.

#include "ui/editing/segment_change.h"

#include "ui/commands/document_command.h"

namespace actionlens::ui {

class SegmentChangeCommand : public DocumentCommand {
public:
    SegmentChangeCommand(ProjectDocument& document, SegmentChange change);


    const SegmentChange& change() const { return change_; }
    // The ids of the segments this edit put in (valid after apply()).
    std::vector<std::int64_t> addedIds() const;

private:
    Status firstWrite() override;
    Status redoWrite() override;
    Status undoWrite() override;
    void reload() override;
    Status write(const std::vector<annotation::Segment>& remove, const std::vector<annotation::Segment>& insert);

    SegmentChange change_;
};

}  // namespace actionlens::ui
