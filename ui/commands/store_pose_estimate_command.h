#pragma once

// StorePoseEstimateCommand: the undoable command for one video's pose estimate — a new subject
// per person found, with its skeleton frames (source "model"), written in one transaction each
// way. Undo removes the frames and the subjects (keeping them for redo, which re-inserts them
// with their ids).

#include "core/annotation/skeleton_frame.h"
#include "core/annotation/skeleton_layout.h"
#include "core/annotation/subject.h"
#include "core/pose/pose_video_job.h"
#include "ui/commands/document_command.h"

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::ui {

class StorePoseEstimateCommand : public DocumentCommand {
public:
    StorePoseEstimateCommand(ProjectDocument& document, std::int64_t videoId, annotation::SkeletonLayout layout,
                             std::string subjectName, const QString& text);

    // Stores the poses of `frames` under new subjects, one per person found.
    Status apply(const std::vector<pose::FramePose>& frames);

    std::vector<std::int64_t> subjectIds() const;  // by person number
    int framesStored() const { return framesStored_; }  // skeleton frames, every person

private:
    Status firstWrite() override;
    Status redoWrite() override;
    Status undoWrite() override;
    void reload() override;

    const std::vector<pose::FramePose>* frames_ = nullptr;  // during apply() only
    std::int64_t videoId_;
    annotation::SkeletonLayout layout_;  // a copy: the store reloads its own list on writes
    std::string subjectName_;
    std::vector<annotation::Subject> subjects_;
    std::vector<annotation::SkeletonFrame> undone_;  // what undo removed, for redo
    int framesStored_ = 0;
};

}  // namespace actionlens::ui
