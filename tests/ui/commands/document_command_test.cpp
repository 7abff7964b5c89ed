// DocumentCommand: applied once before the stack, redo/undo write again, a failed write is
// reported with the command's name, and the document reloads after every write.

#include "ui/commands/document_command.h"
#include "ui/document/project_document.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

struct Counts {
    int first = 0, redo = 0, undo = 0, reload = 0;
    bool failFirst = false, failUndo = false;
};

class CountingCommand : public DocumentCommand {
public:
    CountingCommand(ProjectDocument& document, Counts& counts) : DocumentCommand(document, QStringLiteral("Count")), counts_(counts) {}

private:
    Status firstWrite() override {
        ++counts_.first;
        return counts_.failFirst ? Status(makeError("disk full")) : Status::success();
    }
    Status redoWrite() override {
        ++counts_.redo;
        return Status::success();
    }
    Status undoWrite() override {
        ++counts_.undo;
        return counts_.failUndo ? Status(makeError("disk I/O error")) : Status::success();
    }
    void reload() override { ++counts_.reload; }

    Counts& counts_;
};

}  // namespace

TEST(DocumentCommand, AppliesOnceThenTheStackRedoesAndUndoesWithAReloadEachTime) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.create(dir.filePath(QStringLiteral("p.alproj"))), QString());
    Counts counts;
    ASSERT_EQ(DocumentCommand::push(document, std::make_unique<CountingCommand>(document, counts)), QString());
    EXPECT_EQ(counts.first, 1);
    EXPECT_EQ(counts.redo, 0) << "the push's redo() writes nothing again";
    EXPECT_EQ(counts.reload, 1);
    EXPECT_EQ(document.undoStack().count(), 1);
    document.undoStack().undo();
    document.undoStack().redo();
    EXPECT_EQ(counts.undo, 1);
    EXPECT_EQ(counts.redo, 1);
    EXPECT_EQ(counts.reload, 3);
    EXPECT_EQ(document.lastWriteFailure(), QString());
}

TEST(DocumentCommand, ARefusedFirstWriteIsNotPushed) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.create(dir.filePath(QStringLiteral("p.alproj"))), QString());
    Counts counts;
    counts.failFirst = true;
    EXPECT_EQ(DocumentCommand::push(document, std::make_unique<CountingCommand>(document, counts)), QStringLiteral("disk full"));
    EXPECT_EQ(document.undoStack().count(), 0);
    EXPECT_EQ(counts.reload, 0);
}

TEST(DocumentCommand, AFailedUndoIsReportedWithTheCommandsNameAndStillReloads) {
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.create(dir.filePath(QStringLiteral("p.alproj"))), QString());
    Counts counts;
    counts.failUndo = true;
    ASSERT_EQ(DocumentCommand::push(document, std::make_unique<CountingCommand>(document, counts)), QString());
    document.undoStack().undo();
    EXPECT_EQ(document.lastWriteFailure(), QStringLiteral("undo of 'Count' failed: disk I/O error"));
    EXPECT_EQ(counts.reload, 2);
}

TEST(DocumentCommand, NothingIsPushedWithoutAnOpenProject) {
    ProjectDocument document;
    Counts counts;
    EXPECT_FALSE(DocumentCommand::push(document, std::make_unique<CountingCommand>(document, counts)).isEmpty());
    EXPECT_EQ(counts.first, 0);
}
