#pragma once

// SkeletonChangeCommand: the undoable command of every skeleton edit (see skeleton_change.h).
// Applying writes one store transaction: the frames of `removed` and `added` are taken out and
// those of `added` written; undo does the same with the two lists swapped. Both lists hold
// whole frames as stored, so undo and redo restore the store exactly.
//
// apply() runs before the command enters the undo stack, so a refused write never shows up as
// done; QUndoStack::push then skips the first redo.

#include "ui/editing/skeleton_change.h"

#include "ui/commands/document_command.h"

namespace actionlens::ui {

class SkeletonChangeCommand : public DocumentCommand {
public:
    SkeletonChangeCommand(ProjectDocument& document, SkeletonChange change);

    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

    const SkeletonChange& change() const { return change_; }

    // Applies the change and pushes it; an empty string, or the message saying why not.
    static QString run(ProjectDocument& document, SkeletonChange change);

private:
    Status redoWrite() override;
    Status undoWrite() override;
    void reload() override;
    Status write(const std::vector<annotation::SkeletonFrame>& remove, const std::vector<annotation::SkeletonFrame>& insert);

    SkeletonChange change_;
};

}  // namespace actionlens::ui
