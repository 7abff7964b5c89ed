#include "ui/commands/add_subject_command.h"

#include "ui/document/project_document.h"

#include <memory>

namespace actionlens::ui {

AddSubjectCommand::AddSubjectCommand(ProjectDocument& document, annotation::Subject subject)
    : DocumentCommand(document), subject_(std::move(subject)) {
    setText(QObject::tr("Add subject %1").arg(QString::fromStdString(subject_.name)));
}

Status AddSubjectCommand::firstWrite() {
    auto id = document().store().insertSubject(subject_);
    if (!id) return id.takeError();
    subject_.id = id.value();
    return Status::success();
}

Status AddSubjectCommand::redoWrite() { return statusOf(document().store().insertSubject(subject_)); }

Status AddSubjectCommand::undoWrite() { return statusOf(document().store().removeSubject(subject_.id)); }

void AddSubjectCommand::reload() {
    document().reloadSubjects();
    if (document().subject(subject_.id))
        document().showSubjectLane(subject_.id);
    else
        document().reloadSegments();  // its lane goes
}

std::int64_t AddSubjectCommand::run(ProjectDocument& document, const annotation::Subject& subject, QString* error) {
    auto command = std::make_unique<AddSubjectCommand>(document, subject);
    AddSubjectCommand* added = command.get();
    *error = push(document, std::move(command));
    return error->isEmpty() ? added->subjectId() : 0;
}

}  // namespace actionlens::ui
