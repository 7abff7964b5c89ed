#pragma once

// ChangeSubjectCommand: the undoable command for subject edits (name, per-subject attributes):
// one store transaction (ProjectStore::updateSubject) each way. Like SegmentChangeCommand it is
// applied before it enters the undo stack, so a refused write never shows as done.

#include "core/annotation/subject.h"
#include "core/common/result.h"

#include <QUndoCommand>

namespace actionlens::ui {

class ProjectDocument;

class ChangeSubjectCommand : public QUndoCommand {
public:
    ChangeSubjectCommand(ProjectDocument& document, annotation::Subject after, const QString& text);

    Status apply();
    void redo() override;
    void undo() override;

    // Changes the project (an empty message) or says why not; pushes the command when done.
    static QString run(ProjectDocument& document, const annotation::Subject& after, const QString& text);

private:
    void write(const annotation::Subject& subject, const char* what);

    ProjectDocument& document_;
    annotation::Subject before_;
    annotation::Subject after_;
    bool applied_ = false;
};

}  // namespace actionlens::ui
