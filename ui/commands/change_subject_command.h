#pragma once

// ChangeSubjectCommand: the undoable command for subject edits (name, per-subject attributes):
// one store transaction (ProjectStore::updateSubject) each way.

#include "core/annotation/subject.h"
#include "ui/commands/document_command.h"

namespace actionlens::ui {

class ChangeSubjectCommand : public DocumentCommand {
public:
    ChangeSubjectCommand(ProjectDocument& document, annotation::Subject after, const QString& text);

    // Changes the project (an empty message) or says why not; pushes the command when done.
    static QString run(ProjectDocument& document, const annotation::Subject& after, const QString& text);

private:
    Status firstWrite() override;
    Status redoWrite() override;
    Status undoWrite() override;
    void reload() override;

    annotation::Subject before_;
    annotation::Subject after_;
};

}  // namespace actionlens::ui
