#pragma once

// StorePoseEstimateCommand: the undoable command for one video's pose estimate — a new subject
// per person found, with its skeleton frames (source "model"), written in one transaction each
// way. Undo removes the frames and the subjects (keeping them for redo, which re-inserts them
// with their ids).
// Like the other commands it is applied before it enters the undo stack, so a refused write
// never shows as done.

#include "core/annotation/skeleton_frame.h"
#include "core/annotation/skeleton_layout.h"
#include "core/annotation/subject.h"
#include "core/common/result.h"
#include "core/pose/pose_video_job.h"

#include <QUndoCommand>

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::ui {

class ProjectDocument;

class StorePoseEstimateCommand : public QUndoCommand {
public:
    StorePoseEstimateCommand(ProjectDocument& document, std::int64_t videoId, annotation::SkeletonLayout layout,
                             std::string subjectName, const QString& text);

    // Stores the poses of `frames` under new subjects, one per person found.
    Status apply(const std::vector<pose::FramePose>& frames);
    void redo() override;
    void undo() override;

    std::vector<std::int64_t> subjectIds() const;  // by person number
    int framesStored() const { return framesStored_; }  // skeleton frames, every person

private:
    void reload();

    ProjectDocument& document_;
    std::int64_t videoId_;
    annotation::SkeletonLayout layout_;  // a copy: the store reloads its own list on writes
    std::string subjectName_;
    std::vector<annotation::Subject> subjects_;
    std::vector<annotation::SkeletonFrame> undone_;  // what undo removed, for redo
    int framesStored_ = 0;
    bool applied_ = false;
};

}  // namespace actionlens::ui
