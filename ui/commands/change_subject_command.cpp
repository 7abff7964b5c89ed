#include "ui/commands/change_subject_command.h"

#include "ui/document/project_document.h"

#include <memory>

namespace actionlens::ui {

ChangeSubjectCommand::ChangeSubjectCommand(ProjectDocument& document, annotation::Subject after, const QString& text)
    : DocumentCommand(document, text), after_(std::move(after)) {}

Status ChangeSubjectCommand::firstWrite() {
    auto before = document().store().updateSubject(after_);
    if (!before) return before.takeError();
    before_ = std::move(before).value();
    return Status::success();
}

Status ChangeSubjectCommand::redoWrite() {
    return statusOf(document().store().updateSubject(after_));
}

Status ChangeSubjectCommand::undoWrite() {
    return statusOf(document().store().updateSubject(before_));
}

void ChangeSubjectCommand::reload() { document().reloadSubjects(); }

QString ChangeSubjectCommand::run(ProjectDocument& document, const annotation::Subject& after, const QString& text) {
    return push(document, std::make_unique<ChangeSubjectCommand>(document, after, text));
}

}  // namespace actionlens::ui
