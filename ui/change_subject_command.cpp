#include "ui/change_subject_command.h"

#include "ui/project_document.h"

#include <memory>

namespace actionlens::ui {

ChangeSubjectCommand::ChangeSubjectCommand(ProjectDocument& document, annotation::Subject after, const QString& text)
    : document_(document), after_(std::move(after)) {
    setText(text);
}

Status ChangeSubjectCommand::apply() {
    auto before = document_.store().updateSubject(after_);
    if (!before) return before.takeError();
    before_ = std::move(before).value();
    applied_ = true;
    document_.reloadSubjects();
    return Status::success();
}

void ChangeSubjectCommand::write(const annotation::Subject& subject, const char* what) {
    if (auto written = document_.store().updateSubject(subject); !written)
        document_.reportWriteFailure(QObject::tr("%1 of '%2' failed: %3").arg(QLatin1String(what), text(), QString::fromStdString(written.error())));
    document_.reloadSubjects();
}

void ChangeSubjectCommand::redo() {
    if (applied_) {
        applied_ = false;
        return;
    }
    write(after_, "redo");
}

void ChangeSubjectCommand::undo() { write(before_, "undo"); }

QString ChangeSubjectCommand::run(ProjectDocument& document, const annotation::Subject& after, const QString& text) {
    if (!document.isOpen()) return QObject::tr("No project is open.");
    auto command = std::make_unique<ChangeSubjectCommand>(document, after, text);
    if (Status s = command->apply(); !s) return QString::fromStdString(s.error());
    document.undoStack().push(command.release());
    return {};
}

}  // namespace actionlens::ui
