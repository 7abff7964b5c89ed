#include "ui/store_pose_estimate_command.h"

#include "core/pose/pose_skeleton_frames.h"
#include "ui/project_document.h"

#include <limits>

namespace actionlens::ui {

StorePoseEstimateCommand::StorePoseEstimateCommand(ProjectDocument& document, std::int64_t videoId, annotation::SkeletonLayout layout,
                                                   std::string subjectName, const QString& text)
    : document_(document), videoId_(videoId), layout_(std::move(layout)), subjectName_(std::move(subjectName)) {
    setText(text);
}

std::vector<std::int64_t> StorePoseEstimateCommand::subjectIds() const {
    std::vector<std::int64_t> ids;
    for (const annotation::Subject& s : subjects_) ids.push_back(s.id);
    return ids;
}

Status StorePoseEstimateCommand::apply(const std::vector<pose::FramePose>& frames) {
    auto stored = pose::storePoseSkeletons(document_.store(), videoId_, layout_, std::nullopt, subjectName_, frames);
    if (!stored.ok()) return stored.takeError();
    auto subjects = document_.store().subjects();
    if (!subjects.ok()) return subjects.takeError();
    subjects_.clear();
    for (const pose::StoredPerson& person : stored->people)
        for (const annotation::Subject& subject : subjects.value())
            if (subject.id == person.subjectId) subjects_.push_back(subject);
    framesStored_ = stored->frames();
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
    std::vector<annotation::Subject> subjects;
    Status status = store.transaction([&]() -> Status {
        for (const annotation::Subject& s : subjects_) {
            auto frames = store.removeSkeletonFrames(videoId_, 0, std::numeric_limits<std::int32_t>::max(), s.id);
            if (!frames.ok()) return frames.takeError();
            removed.insert(removed.end(), frames->begin(), frames->end());
            auto subject = store.removeSubject(s.id);
            if (!subject.ok()) return subject.takeError();
            subjects.push_back(std::move(subject).value());  // with any name the user gave it since
        }
        return Status::success();
    });
    if (status.ok()) {
        undone_ = std::move(removed);
        subjects_ = std::move(subjects);
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
        for (const annotation::Subject& s : subjects_) {
            auto id = store.insertSubject(s);  // with its id: the frames refer to it
            if (!id.ok()) return id.takeError();
        }
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
