#pragma once

// RelinkVideosCommand: points videos at the files a relink search found, in one transaction;
// undo points them back at their old (missing) paths in one transaction. Applied before it
// enters the undo stack, so a refused write never shows as done.

#include "core/annotation/video_relinking.h"
#include "core/common/result.h"

#include <QUndoCommand>

#include <vector>

namespace actionlens::ui {

class ProjectDocument;

class RelinkVideosCommand : public QUndoCommand {
public:
    RelinkVideosCommand(ProjectDocument& document, std::vector<annotation::RelinkFound> links);

    Status apply();
    void redo() override;
    void undo() override;

    // Relinks and pushes the command; an empty message when done.
    static QString run(ProjectDocument& document, std::vector<annotation::RelinkFound> links);

private:
    Status write(bool toNewPaths);

    ProjectDocument& document_;
    std::vector<annotation::RelinkFound> links_;
    bool applied_ = false;
};

}  // namespace actionlens::ui
