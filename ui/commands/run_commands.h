#pragma once

// The undoable edits of the project's model runs: adding a run's record (Runs > Add from file:
// a model trained where it could not record itself) and deleting one. Each is one store write
// each way; a deleted run comes back with its id. The model files are not touched: deleting a
// run's record never deletes its .alm (the Runs view asks separately).

#include "core/annotation/training_run.h"
#include "ui/commands/document_command.h"

namespace actionlens::ui {

class AddRunCommand : public DocumentCommand {
public:
    AddRunCommand(ProjectDocument& document, annotation::TrainingRun run);
    std::int64_t runId() const { return run_.id; }

private:
    Status firstWrite() override;
    Status redoWrite() override;
    Status undoWrite() override;
    void reload() override;

    annotation::TrainingRun run_;
};

class RemoveRunCommand : public DocumentCommand {
public:
    RemoveRunCommand(ProjectDocument& document, std::int64_t runId);

private:
    Status firstWrite() override;
    Status redoWrite() override;
    Status undoWrite() override;
    void reload() override;

    std::int64_t runId_;
    annotation::TrainingRun removed_;
};

}  // namespace actionlens::ui
