#pragma once

// SkeletonChangeCommand: the undoable command of every skeleton edit (see skeleton_change.h).
// Applying writes one store transaction: the frames of `removed` and `added` are taken out and
// those of `added` written; undo does the same with the two lists swapped. Both lists hold
// whole frames as stored, so undo and redo restore the store exactly.
//
// apply() runs before the command enters the undo stack, so a refused write never shows up as
// done; QUndoStack::push then skips the first redo.

#include "ui/skeleton_change.h"

#include <QUndoCommand>

namespace actionlens::ui {

class ProjectDocument;

class SkeletonChangeCommand : public QUndoCommand {
public:
    SkeletonChangeCommand(ProjectDocument& document, SkeletonChange change);

    Status apply();
    void redo() override;
    void undo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand* other) override;

    const SkeletonChange& change() const { return change_; }

    // Applies the change and pushes it; an empty string, or the message saying why not.
    static QString run(ProjectDocument& document, SkeletonChange change);

private:
    Status write(const std::vector<annotation::SkeletonFrame>& remove, const std::vector<annotation::SkeletonFrame>& insert);

    ProjectDocument& document_;
    SkeletonChange change_;
    bool applied_ = false;
};

}  // namespace actionlens::ui
