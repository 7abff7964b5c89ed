#pragma once

// AddSubjectCommand: a new subject (a person to give a lane), one transaction; undo removes it
// (refused by the store while segments refer to it, which the undo order rules out), redo puts
// it back with the same id.

#include "core/annotation/subject.h"
#include "core/common/result.h"

#include <QUndoCommand>

namespace actionlens::ui {

class ProjectDocument;

class AddSubjectCommand : public QUndoCommand {
public:
    AddSubjectCommand(ProjectDocument& document, annotation::Subject subject);

    Status apply();
    void redo() override;
    void undo() override;
    std::int64_t subjectId() const { return subject_.id; }

    // Adds it and pushes the command; the new id, or 0 and a message in *error.
    static std::int64_t run(ProjectDocument& document, const annotation::Subject& subject, QString* error);

private:
    ProjectDocument& document_;
    annotation::Subject subject_;
    bool applied_ = false;
};

}  // namespace actionlens::ui
