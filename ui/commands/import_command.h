#pragma once

// ImportCommand: one File > Import as one undoable step. An import can add thousands of
// videos, subjects and segments and millions of skeleton frames (and may extend the taxonomy),
// so it is not undone row by row: undo puts back the whole project as it was right before the
// import, redo as it was right after (ImportSnapshots, restored by core's ProjectSnapshot in one
// transaction each). That is exact because the undo stack is linear: when the import is undone,
// every later command has been undone first, so the project is exactly the post-import state;
// when it is redone, exactly the pre-import one. Edits made before the import stay undoable.
//
// Like the other commands it is applied before it enters the undo stack (the worker ran the
// import); a failed undo/redo write is reported through the document (title and status bar) and
// the project stays as it was (a restore is one transaction).

#include "core/annotation/project_store.h"

#include "ui/commands/document_command.h"

#include <QString>

#include <memory>

namespace actionlens::ui {

class ImportSnapshots;

class ImportCommand : public DocumentCommand {
public:
    // `snapshots` must be complete(). The import has been written already: the first redo()
    // (from QUndoStack::push) does nothing.
    ImportCommand(ProjectDocument& document, std::shared_ptr<const ImportSnapshots> snapshots, const QString& text);
    ~ImportCommand() override;


    // The history's line: "Import penn-action from train (1,258 videos)"; without new videos
    // the segments, skeleton frames or subjects it added.
    static QString describe(const QString& format, const QString& source, const annotation::ProjectCounts& before,
                            const annotation::ProjectCounts& after);

private:
    Status redoWrite() override;
    Status undoWrite() override;
    void reload() override;
    Status restore(bool undoing);

    std::shared_ptr<const ImportSnapshots> snapshots_;
};

}  // namespace actionlens::ui
