#include "ui/commands/document_command.h"

#include "ui/document/project_document.h"

namespace actionlens::ui {

DocumentCommand::DocumentCommand(ProjectDocument& document, const QString& text) : document_(document) {
    if (!text.isEmpty()) setText(text);
}

Status DocumentCommand::apply() {
    if (Status s = firstWrite(); !s) return s;
    skipNextRedo_ = true;
    reload();
    return Status::success();
}

void DocumentCommand::writeAgain(bool redoing) {
    const Status s = redoing ? redoWrite() : undoWrite();
    if (!s)
        document_.reportWriteFailure((redoing ? QObject::tr("redo of '%1' failed: %2") : QObject::tr("undo of '%1' failed: %2"))
                                         .arg(text(), QString::fromStdString(s.error())));
    reload();
}

void DocumentCommand::redo() {
    if (skipNextRedo_) {
        skipNextRedo_ = false;
        return;
    }
    writeAgain(true);
}

void DocumentCommand::undo() { writeAgain(false); }

QString DocumentCommand::push(ProjectDocument& document, std::unique_ptr<DocumentCommand> command) {
    if (!document.isOpen()) return QObject::tr("No project is open.");
    if (Status s = command->apply(); !s) return QString::fromStdString(s.error());
    document.undoStack().push(command.release());
    return {};
}

}  // namespace actionlens::ui
