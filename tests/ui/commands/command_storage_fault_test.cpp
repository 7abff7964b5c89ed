// The app's side of a storage fault (tests/support/sqlite_fault_vfs.h; the store's own sweep is
// tests/core/annotation/project_store_fault_test.cpp): an edit whose write fails on a full disk
// is refused with a message naming the project and never enters the history; an undo whose
// write fails is reported (title bar) and the document shows what is on disk.

#include "ui/commands/segment_change_command.h"
#include "ui/document/project_document.h"

#include "core/annotation/taxonomy_json.h"
#include "tests/support/sqlite_fault_vfs.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <memory>

using namespace actionlens;
using namespace actionlens::ui;
using actionlens::testing::SqliteFaultVfs;

TEST(CommandStorageFault, AFailedWriteIsReportedAndTheDocumentShowsWhatIsOnDisk) {
    ASSERT_TRUE(SqliteFaultVfs::install());
    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.create(dir.filePath(QStringLiteral("p.alproj"))), QString());
    annotation::ProjectStore& store = document.store();
    ASSERT_TRUE(store.setTaxonomy(annotation::builtinTaxonomy("penn_action").value()).ok());
    annotation::Video video;
    video.name = "clip";
    video.frameCount = 100;
    video.fps = 25;
    const std::int64_t videoId = store.insertVideo(video).value();
    const std::int64_t subjectId = store.insertSubject(annotation::Subject{0, "alice", {}}).value();
    document.reloadTaxonomy();
    document.reloadVideos();
    document.setCurrentVideo(videoId);

    annotation::Segment segment;
    segment.videoId = videoId;
    segment.subjectId = subjectId;
    segment.firstFrame = 10;
    segment.lastFrame = 20;
    segment.labels = {{"action", "squat"}, {"viewpoint", "front"}};
    auto addSegment = [&] {
        return std::make_unique<SegmentChangeCommand>(document, SegmentChange{QStringLiteral("Add segment"), {}, {segment}});
    };

    // The disk is full: refused, named, not in the history, not shown.
    SqliteFaultVfs::failAt(1, SQLITE_FULL, SqliteFaultVfs::Persistence::FromThenOn);
    const QString refused = DocumentCommand::push(document, addSegment());
    SqliteFaultVfs::disarm();
    EXPECT_TRUE(refused.contains(QStringLiteral("p.alproj")) && refused.contains(QStringLiteral("full"))) << refused.toStdString();
    EXPECT_EQ(document.undoStack().count(), 0);
    EXPECT_TRUE(document.segments().empty());
    EXPECT_TRUE(store.segmentsOfVideo(videoId).value().empty());

    // Space again: the same edit goes through.
    ASSERT_EQ(DocumentCommand::push(document, addSegment()), QString());
    ASSERT_EQ(document.segments().size(), 1u);

    // Its undo meets an I/O error: reported with the command's name, and the document shows the
    // segment that is still on disk.
    SqliteFaultVfs::failAt(1, SQLITE_IOERR);
    document.undoStack().undo();
    SqliteFaultVfs::disarm();
    EXPECT_TRUE(document.lastWriteFailure().contains(QStringLiteral("undo of 'Add segment' failed")) &&
                document.lastWriteFailure().contains(QStringLiteral("p.alproj")))
        << document.lastWriteFailure().toStdString();
    EXPECT_EQ(store.segmentsOfVideo(videoId).value().size(), 1u);
    EXPECT_EQ(document.segments().size(), 1u);
}
