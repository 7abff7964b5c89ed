// SegmentEditor + SegmentChangeCommand: every edit is one undoable step, and undo/redo put the
// store back exactly (ids, labels, times) as it was after each step.

#include "ui/document/project_document.h"
#include "ui/editing/segment_editor.h"
#include "ui_project_fixture.h"

#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

struct EditorFixture : ::testing::Test {
    void SetUp() override {
        ASSERT_EQ(document.open(uitest::copyOfProject(dir)), QString());
        video = document.videos().front().id;
        document.setCurrentVideo(video);
    }
    std::vector<annotation::Segment> stored() {
        auto s = document.store().segmentsOfVideo(video);
        EXPECT_TRUE(s.ok());
        return s.ok() ? s.value() : std::vector<annotation::Segment>{};
    }
    QTemporaryDir dir;
    ProjectDocument document;
    SegmentEditor editor{document};
    std::int64_t video = 0;
};

}  // namespace

TEST_F(EditorFixture, UndoAndRedoRestoreTheStoreExactlyAfterEveryStep) {
    std::vector<std::vector<annotation::Segment>> states{stored()};
    const auto first = document.segments().front();
    const std::int64_t subject = first.subjectId;
    // Clear the first subject's lane so that the steps below have room.
    std::vector<std::int64_t> lane;
    for (const auto& s : document.segments())
        if (s.subjectId == subject) lane.push_back(s.id);
    ASSERT_EQ(editor.remove(lane), QString());
    states.push_back(stored());
    ASSERT_EQ(editor.create(subject, 10, 40, {{"action", "jump_rope"}}), QString());
    const std::int64_t created = editor.lastAddedIds().at(0);
    states.push_back(stored());
    ASSERT_EQ(editor.setBounds(created, 12, 44), QString());
    states.push_back(stored());
    ASSERT_EQ(editor.split(created, 30), QString());
    const std::int64_t second = editor.lastAddedIds().at(1);
    states.push_back(stored());
    ASSERT_EQ(editor.setLabel({second}, "viewpoint", "front"), QString());
    states.push_back(stored());
    ASSERT_EQ(editor.merge({created, second}), QString());
    states.push_back(stored());
    EXPECT_EQ(document.undoStack().count(), 6);
    EXPECT_EQ(document.segments(), states.back());

    for (size_t i = states.size() - 1; i > 0; --i) {
        document.undoStack().undo();
        EXPECT_EQ(stored(), states[i - 1]) << "after undoing step " << i;
        EXPECT_EQ(document.segments(), states[i - 1]) << "the cache follows the store";
    }
    for (size_t i = 1; i < states.size(); ++i) {
        document.undoStack().redo();
        EXPECT_EQ(stored(), states[i]) << "after redoing step " << i;
    }
    EXPECT_TRUE(document.lastWriteFailure().isEmpty());
}

TEST_F(EditorFixture, ARefusedEditChangesNothingAndSaysWhy) {
    const auto before = stored();
    const auto s = document.segments().front();
    QSignalSpy refused(&editor, &SegmentEditor::refused);
    // Over another segment of the same subject, if there is one; past the video's end otherwise.
    const QString error = editor.create(s.subjectId, s.firstFrame, s.firstFrame, {});
    EXPECT_FALSE(error.isEmpty());
    EXPECT_TRUE(error.contains(QStringLiteral("overlap"))) << error.toStdString();
    EXPECT_EQ(refused.count(), 1);
    EXPECT_EQ(stored(), before);
    EXPECT_EQ(document.undoStack().count(), 0);
    const QString pastEnd = editor.setBounds(s.id, s.firstFrame, document.currentVideo()->frameCount);
    EXPECT_TRUE(pastEnd.contains(QStringLiteral("past the video's end"))) << pastEnd.toStdString();
    EXPECT_EQ(stored(), before);
}

TEST_F(EditorFixture, EditsSurviveReopeningTheProject) {
    const auto s = document.segments().front();
    ASSERT_EQ(editor.remove({s.id}), QString());
    const auto after = stored();
    const QString path = document.path();
    document.close();
    ASSERT_EQ(document.open(path), QString());
    auto reread = document.store().segmentsOfVideo(video);
    ASSERT_TRUE(reread.ok());
    EXPECT_EQ(reread.value(), after);
}
