// StorePoseEstimateCommand: one video's estimate as one undoable step (new subject + its
// skeleton frames), undo and redo each one transaction, the document's skeletons following.

#include "ui/commands/store_pose_estimate_command.h"
#include "ui/document/project_document.h"
#include "ui_project_fixture.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

using namespace actionlens;
using actionlens::ui::ProjectDocument;
using actionlens::ui::StorePoseEstimateCommand;

namespace {

// Frames 0..4 of which 1 and 3 have no pose.
std::vector<pose::FramePose> fivePoses() {
    std::vector<pose::FramePose> frames(5);
    for (int f = 0; f < 5; ++f) {
        frames[f].frame = f;
        if (f % 2 != 0) continue;
        pose::PersonPose person;
        person.estimate.found = true;
        for (int i = 0; i < 33; ++i) person.estimate.landmarks.push_back({20.0f + i + f, 30.0f + i, 0.0f, 0.9f, 1.0f});
        frames[f].people.push_back(person);
    }
    return frames;
}

}  // namespace

TEST(StorePoseEstimateCommand, AppliesOnceThenUndoesAndRedoesSubjectAndFramesTogether) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    const std::int64_t video = document.videos()[0].id;
    document.setCurrentVideo(video);
    const auto before = document.store().counts();
    ASSERT_TRUE(before.ok());
    const std::size_t presenceBefore = document.skeletonPresence().size();
    const annotation::SkeletonLayout* coco = document.store().skeletonLayout("COCO-17");
    ASSERT_NE(coco, nullptr);

    auto command = std::make_unique<StorePoseEstimateCommand>(document, video, *coco, "pose estimate (test)", QStringLiteral("Estimate poses"));
    ASSERT_TRUE(command->apply(fivePoses()).ok());
    ASSERT_EQ(command->subjectIds().size(), 1u);
    const std::int64_t subject = command->subjectIds().front();
    EXPECT_EQ(command->framesStored(), 3);
    StorePoseEstimateCommand* pushed = command.get();
    document.undoStack().push(command.release());  // the first redo writes nothing again
    auto stored = document.store().skeletonFrames(video, 0, 4, subject);
    ASSERT_TRUE(stored.ok());
    ASSERT_EQ(stored->size(), 3u);
    for (const auto& frame : stored.value()) EXPECT_EQ(frame.source, annotation::PoseSource::Model);
    EXPECT_EQ(document.skeletonPresence().size(), presenceBefore + 3);
    ASSERT_NE(document.subject(subject), nullptr);
    EXPECT_EQ(document.subject(subject)->name, "pose estimate (test)");

    document.undoStack().undo();
    EXPECT_TRUE(document.lastWriteFailure().isEmpty()) << document.lastWriteFailure().toStdString();
    auto undone = document.store().counts();
    ASSERT_TRUE(undone.ok());
    EXPECT_EQ(undone->subjects, before->subjects);
    EXPECT_EQ(undone->skeletonFrames, before->skeletonFrames);
    EXPECT_EQ(document.subject(subject), nullptr);
    EXPECT_EQ(document.skeletonPresence().size(), presenceBefore);

    document.undoStack().redo();
    EXPECT_TRUE(document.lastWriteFailure().isEmpty()) << document.lastWriteFailure().toStdString();
    EXPECT_EQ(pushed->subjectIds(), std::vector<std::int64_t>{subject});  // the same subject id again: the frames refer to it
    auto redone = document.store().skeletonFrames(video, 0, 4, subject);
    ASSERT_TRUE(redone.ok());
    EXPECT_EQ(redone.value(), stored.value());
    EXPECT_EQ(document.skeletonPresence().size(), presenceBefore + 3);
    ASSERT_NE(document.subject(subject), nullptr);
}

TEST(StorePoseEstimateCommand, TwoPeopleAreTwoSubjectsInOneUndoStep) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    const std::int64_t video = document.videos()[0].id;
    document.setCurrentVideo(video);
    const auto before = document.store().counts();
    ASSERT_TRUE(before.ok());
    const annotation::SkeletonLayout* coco = document.store().skeletonLayout("COCO-17");
    ASSERT_NE(coco, nullptr);
    // Person 2 beside person 1 in frames 0, 2 and 4.
    std::vector<pose::FramePose> frames = fivePoses();
    for (pose::FramePose& f : frames) {
        if (f.people.empty()) continue;
        pose::PersonPose second = f.people.front();
        second.person = 2;
        for (pose::PoseLandmark& l : second.estimate.landmarks) l.x += 100.0f;
        f.people.push_back(second);
    }
    auto command = std::make_unique<StorePoseEstimateCommand>(document, video, *coco, "pose estimate (test)", QStringLiteral("Estimate poses"));
    ASSERT_TRUE(command->apply(frames).ok());
    const std::vector<std::int64_t> subjects = command->subjectIds();
    ASSERT_EQ(subjects.size(), 2u);
    EXPECT_EQ(command->framesStored(), 6);
    ASSERT_NE(document.subject(subjects[1]), nullptr);
    EXPECT_EQ(document.subject(subjects[1])->name, "person 2, pose estimate (test)");
    StorePoseEstimateCommand* pushed = command.get();
    document.undoStack().push(command.release());
    EXPECT_EQ(document.undoStack().count(), 1);

    document.undoStack().undo();
    EXPECT_TRUE(document.lastWriteFailure().isEmpty()) << document.lastWriteFailure().toStdString();
    auto undone = document.store().counts();
    ASSERT_TRUE(undone.ok());
    EXPECT_EQ(undone->subjects, before->subjects);
    EXPECT_EQ(undone->skeletonFrames, before->skeletonFrames);

    document.undoStack().redo();
    EXPECT_TRUE(document.lastWriteFailure().isEmpty()) << document.lastWriteFailure().toStdString();
    EXPECT_EQ(pushed->subjectIds(), subjects);
    for (std::int64_t subject : subjects) {
        auto stored = document.store().skeletonFrames(video, 0, 4, subject);
        ASSERT_TRUE(stored.ok());
        EXPECT_EQ(stored->size(), 3u);
    }
}

TEST(StorePoseEstimateCommand, AFailedStoreWritesNothing) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
    const auto before = document.store().counts();
    ASSERT_TRUE(before.ok());
    const annotation::SkeletonLayout* coco = document.store().skeletonLayout("COCO-17");
    ASSERT_NE(coco, nullptr);
    StorePoseEstimateCommand command(document, 999999, *coco, "pose estimate (test)", QStringLiteral("Estimate poses"));
    EXPECT_FALSE(command.apply(fivePoses()).ok());  // no such video: the subject insert is rolled back too
    auto after = document.store().counts();
    ASSERT_TRUE(after.ok());
    EXPECT_EQ(after->subjects, before->subjects);
    EXPECT_EQ(after->skeletonFrames, before->skeletonFrames);
}
