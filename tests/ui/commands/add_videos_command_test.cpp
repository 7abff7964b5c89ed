// VideoProber + AddVideosCommand: files read off the GUI thread, added in one undoable step.

#include "ui/commands/add_videos_command.h"
#include "ui/document/project_document.h"
#include "ui/jobs/video_prober.h"
#include "ui/window/main_window.h"

#include "tests/support/test_videos.h"
#include "ui_test_wait.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

struct ProbeResult {
    bool done = false;
    std::vector<annotation::Video> videos;
    QStringList errors;
};

ProbeResult probe(const QStringList& paths) {
    VideoProber prober;
    ProbeResult result;
    QObject::connect(&prober, &VideoProber::finished, [&](const std::vector<annotation::Video>& videos, const QStringList& errors) {
        result = {true, videos, errors};
    });
    EXPECT_TRUE(prober.start(paths));
    EXPECT_TRUE(uitest::waitUntil([&] { return result.done; }));
    return result;
}

}  // namespace

TEST(AddVideos, ProbedFilesAreAddedInOneStepThatUndoAndRedoRestoreExactly) {
    fixtures::TempDir media;
    fixtures::StampedVideoSpec spec;
    spec.frames = 40;
    const QString good = QString::fromStdString(fixtures::makeStampedVideo(media.file("good.mp4"), spec));
    const ProbeResult found = probe({good, QStringLiteral("/nonexistent/missing.mp4")});
    ASSERT_EQ(found.videos.size(), 1u);
    EXPECT_EQ(found.videos[0].frameCount, 40);
    EXPECT_EQ(found.videos[0].width, spec.width);
    EXPECT_EQ(found.videos[0].contentHash.rfind("sha256:", 0), 0u);
    ASSERT_EQ(found.errors.size(), 1);
    EXPECT_TRUE(found.errors[0].contains(QStringLiteral("missing.mp4"))) << found.errors[0].toStdString();

    QTemporaryDir dir;
    ProjectDocument document;
    ASSERT_EQ(document.create(dir.filePath(QStringLiteral("new.alproj"))), QString());
    ASSERT_EQ(AddVideosCommand::run(document, found.videos), QString());
    ASSERT_EQ(document.videos().size(), 1u);
    const annotation::Video stored = document.videos().front();
    EXPECT_EQ(stored.frameCount, 40);
    document.undoStack().undo();
    EXPECT_TRUE(document.store().videos().value().empty());
    EXPECT_TRUE(document.videos().empty());
    document.undoStack().redo();
    ASSERT_EQ(document.store().videos().value().size(), 1u);
    EXPECT_EQ(document.store().videos().value().front(), stored);
}

TEST(AddVideos, ANewProjectOpensItsFirstAddedVideo) {
    fixtures::TempDir media;
    fixtures::StampedVideoSpec spec;
    spec.frames = 30;
    const QString video = QString::fromStdString(fixtures::makeStampedVideo(media.file("clip.mp4"), spec));
    QTemporaryDir dir;
    MainWindow window;
    window.show();
    ASSERT_EQ(window.createProject(dir.filePath(QStringLiteral("fresh.alproj"))), QString());
    window.addVideos({video});
    ASSERT_TRUE(uitest::waitUntil([&] { return window.player().isOpen() && window.view().frame(); }));
    EXPECT_EQ(window.document().videos().size(), 1u);
    EXPECT_EQ(window.document().currentVideoId(), window.document().videos().front().id);
    // Undo of the add closes what it added.
    window.document().undoStack().undo();
    EXPECT_EQ(window.document().currentVideoId(), 0);
    EXPECT_FALSE(window.player().isOpen());
}
