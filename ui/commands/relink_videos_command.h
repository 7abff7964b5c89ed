#pragma once

// RelinkVideosCommand: points videos at the files a relink search found, in one transaction;
// undo points them back at their old (missing) paths in one transaction. Applied before it
// enters the undo stack, so a refused write never shows as done.

#include "core/annotation/video_relinking.h"

#include "ui/commands/document_command.h"

#include <vector>

namespace actionlens::ui {

class RelinkVideosCommand : public DocumentCommand {
public:
    RelinkVideosCommand(ProjectDocument& document, std::vector<annotation::RelinkFound> links);


    // Relinks and pushes the command; an empty message when done.
    static QString run(ProjectDocument& document, std::vector<annotation::RelinkFound> links);

private:
    Status redoWrite() override;
    Status undoWrite() override;
    void reload() override;
    Status write(bool toNewPaths);

    std::vector<annotation::RelinkFound> links_;
};

}  // namespace actionlens::ui
