#include "ui/store_pose_estimate_command.h"

#include "core/pose/pose_skeleton_frames.h"
#include "ui/project_document.h"

#include <limits>

namespace actionlens::ui {

StorePoseEstimateCommand::StorePoseEstimateCommand(ProjectDocument& document, std::int64_t videoId, annotation::SkeletonLayout layout,
                                                   std::string subjectName, const QString& text)
    : document_(document), videoId_(videoId), layout_(std::move(layout)) {
    subject_.name = std::move(subjectName);
    setText(text);
}

Status StorePoseEstimateCommand::apply(const std::vector<pose::FramePose>& frames) {
    auto stored = pose::storePoseSkeletons(document_.store(), videoId_, layout_, std::nullopt, subject_.name, frames);
    if (!stored.ok()) return stored.takeError();
    subject_.id = stored->subjectId;
    framesStored_ = stored->frames;
    applied_ = true;
    reload();
    return Status::success();
}

void StorePoseEstimateCommand::reload() {
    document_.reloadSubjects();
    if (document_.currentVideoId() == videoId_) document_.reloadSkeletons();  // overlays and the skeleton lane
}

void StorePoseEstimateCommand::undo() {
    annotation::ProjectStore& store = document_.store();
    std::vector<annotation::SkeletonFrame> removed;
    Status status = store.transaction([&]() -> Status {
        auto frames = store.removeSkeletonFrames(videoId_, 0, std::numeric_limits<std::int32_t>::max(), subject_.id);
        if (!frames.ok()) return frames.takeError();
        removed = std::move(frames).value();
        auto subject = store.removeSubject(subject_.id);
        if (!subject.ok()) return subject.takeError();
        subject_ = std::move(subject).value();  // with any name the user gave it since
        return Status::success();
    });
    if (status.ok()) {
        undone_ = std::move(removed);
    } else {
        document_.reportWriteFailure(QObject::tr("undo of '%1' failed: %2").arg(text(), QString::fromStdString(status.error())));
    }
    reload();
}

void StorePoseEstimateCommand::redo() {
    if (applied_) {
        applied_ = false;  // apply() did the first write
        return;
    }
    annotation::ProjectStore& store = document_.store();
    Status status = store.transaction([&]() -> Status {
        auto id = store.insertSubject(subject_);  // with its id: the frames refer to it
        if (!id.ok()) return id.takeError();
        return store.insertSkeletonFrames(undone_);
    });
    if (status.ok()) {
        undone_.clear();
    } else {
        document_.reportWriteFailure(QObject::tr("redo of '%1' failed: %2").arg(text(), QString::fromStdString(status.error())));
    }
    reload();
}

}  // namespace actionlens::ui
