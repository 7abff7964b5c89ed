#pragma once

// AddVideosCommand: adds probed videos to the project in one transaction; undo removes them in
// one transaction, redo puts them back with the same ids. Applied before it enters the undo
// stack, so a refused write never shows as done.

#include "core/annotation/video.h"
#include "core/common/result.h"

#include <QUndoCommand>

#include <vector>

namespace actionlens::ui {

class ProjectDocument;

class AddVideosCommand : public QUndoCommand {
public:
    AddVideosCommand(ProjectDocument& document, std::vector<annotation::Video> videos);

    Status apply();
    void redo() override;
    void undo() override;
    const std::vector<annotation::Video>& videos() const { return videos_; }  // with ids after apply()

    // Adds them and pushes the command; an empty message when done.
    static QString run(ProjectDocument& document, std::vector<annotation::Video> videos);

private:
    Status insertAll();
    Status removeAll();

    ProjectDocument& document_;
    std::vector<annotation::Video> videos_;
    bool applied_ = false;
};

}  // namespace actionlens::ui
