#pragma once

// AddSubjectCommand: a new subject (a person to give a lane), one transaction; undo removes it
// (refused by the store while segments refer to it, which the undo order rules out), redo puts
// it back with the same id.

#include "core/annotation/subject.h"
#include "ui/commands/document_command.h"

namespace actionlens::ui {

class AddSubjectCommand : public DocumentCommand {
public:
    AddSubjectCommand(ProjectDocument& document, annotation::Subject subject);

    std::int64_t subjectId() const { return subject_.id; }

    // Adds it and pushes the command; the new id, or 0 and a message in *error.
    static std::int64_t run(ProjectDocument& document, const annotation::Subject& subject, QString* error);

private:
    Status firstWrite() override;
    Status redoWrite() override;
    Status undoWrite() override;
    void reload() override;

    annotation::Subject subject_;
};

}  // namespace actionlens::ui
