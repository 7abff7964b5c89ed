#include "ui/add_subject_command.h"

#include "ui/project_document.h"

#include <memory>

namespace actionlens::ui {

AddSubjectCommand::AddSubjectCommand(ProjectDocument& document, annotation::Subject subject)
    : document_(document), subject_(std::move(subject)) {
    setText(QObject::tr("Add subject %1").arg(QString::fromStdString(subject_.name)));
}

Status AddSubjectCommand::apply() {
    auto id = document_.store().insertSubject(subject_);
    if (!id) return id.takeError();
    subject_.id = id.value();
    applied_ = true;
    document_.reloadSubjects();
    return Status::success();
}

void AddSubjectCommand::redo() {
    if (applied_) {
        applied_ = false;
        return;
    }
    if (auto id = document_.store().insertSubject(subject_); !id)
        document_.reportWriteFailure(QObject::tr("redo of '%1' failed: %2").arg(text(), QString::fromStdString(id.error())));
    document_.reloadSubjects();
    document_.showSubjectLane(subject_.id);
}

void AddSubjectCommand::undo() {
    if (auto removed = document_.store().removeSubject(subject_.id); !removed)
        document_.reportWriteFailure(QObject::tr("undo of '%1' failed: %2").arg(text(), QString::fromStdString(removed.error())));
    document_.reloadSubjects();
    document_.reloadSegments();  // its lane goes
}

std::int64_t AddSubjectCommand::run(ProjectDocument& document, const annotation::Subject& subject, QString* error) {
    if (!document.isOpen()) {
        *error = QObject::tr("No project is open.");
        return 0;
    }
    auto command = std::make_unique<AddSubjectCommand>(document, subject);
    if (Status s = command->apply(); !s) {
        *error = QString::fromStdString(s.error());
        return 0;
    }
    const std::int64_t id = command->subjectId();
    document.undoStack().push(command.release());
    return id;
}

}  // namespace actionlens::ui
