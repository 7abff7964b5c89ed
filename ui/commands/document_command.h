#pragma once

// DocumentCommand: the one base of every undoable edit of the open project. An edit is applied
// before it enters the undo stack (push()), so a refused write never shows as done; the stack's
// first redo() then does nothing. Later redo()/undo() write again; a write that fails there (the
// GUI already showed the step) is reported through ProjectDocument::reportWriteFailure ("undo of
// 'Delete segment' failed: disk I/O error"). After every write, failed or not, the command tells
// the document what to read again. A command states only what it changes: its first write, its
// redo and undo writes, and what to reload.

#include "core/common/result.h"

#include <QString>
#include <QUndoCommand>

#include <memory>

namespace actionlens::ui {

class ProjectDocument;

class DocumentCommand : public QUndoCommand {
public:
    // The first write, then the document reloads; on failure the store is unchanged and the
    // command must not be pushed.
    Status apply();
    void redo() final;
    void undo() final;

    // Applies `command` and pushes it onto the document's undo stack: an empty message when
    // done, else why not (nothing was changed).
    static QString push(ProjectDocument& document, std::unique_ptr<DocumentCommand> command);

protected:
    DocumentCommand(ProjectDocument& document, const QString& text = {});

    ProjectDocument& document() const { return document_; }
    // A store call's outcome when only success matters.
    template <typename T>
    static Status statusOf(const Result<T>& result) {
        return result ? Status::success() : Status(result.takeError());
    }
    // For a command whose first write happened elsewhere (an import's worker): the stack's
    // first redo() does nothing.
    void markApplied() { skipNextRedo_ = true; }

    // The first write; by default the same as a redo.
    virtual Status firstWrite() { return redoWrite(); }
    virtual Status redoWrite() = 0;
    virtual Status undoWrite() = 0;
    // What the document reads again after a write (each command knows what it touched).
    virtual void reload() = 0;

private:
    void writeAgain(bool redoing);

    ProjectDocument& document_;
    bool skipNextRedo_ = false;
};

}  // namespace actionlens::ui
