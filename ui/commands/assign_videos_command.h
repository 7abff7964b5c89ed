#pragma once

// AssignVideosCommand: assigns videos to an annotator, or takes them from one
// (core/annotation/video_assignment), in one transaction; undo writes the videos' annotators back
// as they were, in one transaction.

#include "core/annotation/video_assignment.h"

#include "ui/commands/document_command.h"

#include <vector>

namespace actionlens::ui {

class AssignVideosCommand : public DocumentCommand {
public:
    AssignVideosCommand(ProjectDocument& document, std::vector<annotation::AssignmentChange> changes, const QString& text);

    // Plans, applies and pushes the command; an empty message when done, else why not (nothing changed:
    // "The videos are already assigned to ada." too).
    static QString run(ProjectDocument& document, const std::vector<std::int64_t>& videoIds, const QString& annotator, bool remove);

private:
    Status redoWrite() override;
    Status undoWrite() override;
    void reload() override;

    std::vector<annotation::AssignmentChange> changes_;
};

}  // namespace actionlens::ui
