#include "ui/commands/store_pose_estimate_command.h"

#include "core/pose/pose_skeleton_frames.h"
#include "ui/document/project_document.h"

#include <limits>

namespace actionlens::ui {

StorePoseEstimateCommand::StorePoseEstimateCommand(ProjectDocument& document, std::int64_t videoId, annotation::SkeletonLayout layout,
                                                   std::string subjectName, const QString& text)
    : DocumentCommand(document, text), videoId_(videoId), layout_(std::move(layout)), subjectName_(std::move(subjectName)) {}

std::vector<std::int64_t> StorePoseEstimateCommand::subjectIds() const {
    std::vector<std::int64_t> ids;
    for (const annotation::Subject& s : subjects_) ids.push_back(s.id);
    return ids;
}

Status StorePoseEstimateCommand::apply(const std::vector<pose::FramePose>& frames) {
    frames_ = &frames;
    Status applied = DocumentCommand::apply();
    frames_ = nullptr;
    return applied;
}

Status StorePoseEstimateCommand::firstWrite() {
    annotation::ProjectStore& store = document().store();
    auto stored = pose::storePoseSkeletons(store, videoId_, layout_, std::nullopt, subjectName_, *frames_);
    if (!stored.ok()) return stored.takeError();
    auto subjects = store.subjects();
    if (!subjects.ok()) return subjects.takeError();
    subjects_.clear();
    for (const pose::StoredPerson& person : stored->people)
        for (const annotation::Subject& subject : subjects.value())
            if (subject.id == person.subjectId) subjects_.push_back(subject);
    framesStored_ = stored->frames();
    return Status::success();
}

void StorePoseEstimateCommand::reload() {
    document().reloadSubjects();
    if (document().currentVideoId() == videoId_) document().reloadSkeletons();  // overlays and the skeleton lane
}

Status StorePoseEstimateCommand::undoWrite() {
    annotation::ProjectStore& store = document().store();
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
    }
    return status;
}

Status StorePoseEstimateCommand::redoWrite() {
    annotation::ProjectStore& store = document().store();
    Status status = store.transaction([&]() -> Status {
        for (const annotation::Subject& s : subjects_) {
            auto id = store.insertSubject(s);  // with its id: the frames refer to it
            if (!id.ok()) return id.takeError();
        }
        return store.insertSkeletonFrames(undone_);
    });
    if (status.ok()) undone_.clear();
    return status;
}

}  // namespace actionlens::ui
