#include "ui/commands/run_commands.h"

#include "core/annotation/project_store.h"
#include "ui/document/project_document.h"

namespace actionlens::ui {

AddRunCommand::AddRunCommand(ProjectDocument& document, annotation::TrainingRun run)
    : DocumentCommand(document, QObject::tr("Add run %1").arg(QString::fromStdString(run.name))), run_(std::move(run)) {}

Status AddRunCommand::firstWrite() {
    auto id = document().store().insertRun(run_);
    if (!id) return id.takeError();
    run_.id = id.value();
    return Status::success();
}

Status AddRunCommand::redoWrite() { return statusOf(document().store().insertRun(run_)); }
Status AddRunCommand::undoWrite() { return statusOf(document().store().removeRun(run_.id)); }
void AddRunCommand::reload() { document().reloadRuns(); }

RemoveRunCommand::RemoveRunCommand(ProjectDocument& document, std::int64_t runId) : DocumentCommand(document), runId_(runId) {}

Status RemoveRunCommand::firstWrite() {
    auto removed = document().store().removeRun(runId_);
    if (!removed) return removed.takeError();
    removed_ = std::move(removed).value();
    setText(QObject::tr("Delete run %1").arg(QString::fromStdString(removed_.name)));
    return Status::success();
}

Status RemoveRunCommand::redoWrite() { return statusOf(document().store().removeRun(runId_)); }
Status RemoveRunCommand::undoWrite() { return statusOf(document().store().insertRun(removed_)); }
void RemoveRunCommand::reload() { document().reloadRuns(); }

}  // namespace actionlens::ui
