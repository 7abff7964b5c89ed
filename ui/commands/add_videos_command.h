#pragma once

// AddVideosCommand: adds probed videos to the project in one transaction; undo removes them in
// one transaction, redo puts them back with the same ids. Applied before it enters the undo
// stack, so a refused write never shows as done.

#include "core/annotation/video.h"

#include "ui/commands/document_command.h"

#include <vector>

namespace actionlens::ui {

class AddVideosCommand : public DocumentCommand {
public:
    AddVideosCommand(ProjectDocument& document, std::vector<annotation::Video> videos);

    const std::vector<annotation::Video>& videos() const { return videos_; }  // with ids after apply()

    // Adds them and pushes the command; an empty message when done.
    static QString run(ProjectDocument& document, std::vector<annotation::Video> videos);

private:
    Status redoWrite() override;
    Status undoWrite() override;
    void reload() override;

    std::vector<annotation::Video> videos_;
};

}  // namespace actionlens::ui
