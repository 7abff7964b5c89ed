// Adding a folder of videos (with or without subfolders) to the open project.

#include "ui/dataset/dataset_actions.h"

#include "ui/dataset/dataset_browser.h"
#include "ui/dataset/video_folder_scan.h"
#include "ui/window/main_window.h"

#include "tests/support/test_videos.h"
#include "ui_test_wait.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QAction>
#include <QTableView>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

TEST(DatasetActions, AddFolderAddsItsVideosAndSubfoldersOnlyWhenAsked) {
    fixtures::TempDir media;
    fixtures::StampedVideoSpec spec;
    spec.frames = 12;
    spec.width = 64;
    spec.height = 48;
    QDir().mkpath(QString::fromStdString(media.file("day2")));
    fixtures::makeStampedVideo(media.file("a.mp4"), spec);
    fixtures::makeStampedVideo(media.file("b.mkv"), spec);
    fixtures::makeStampedVideo(media.file("day2/c.mp4"), spec);
    fixtures::writeFileBytes(media.file("notes.txt"), "not a video");
    const QString folder = QString::fromStdString(media.path());
    EXPECT_EQ(videoFilesInFolder(folder, false).size(), 2);
    EXPECT_EQ(videoFilesInFolder(folder, true).size(), 3);

    QTemporaryDir dir;
    MainWindow window;
    ASSERT_EQ(window.createProject(dir.filePath(QStringLiteral("p.alproj"))), QString());
    QString message;
    EXPECT_EQ(addVideoFolder(window, folder, false, &message), 2) << message.toStdString();
    ASSERT_TRUE(uitest::waitUntil([&] { return window.document().videos().size() == 2; }));
    EXPECT_EQ(window.document().undoStack().count(), 1);  // one undoable step

    // Again with subfolders: only the video the project does not have yet.
    EXPECT_EQ(addVideoFolder(window, folder, true, &message), 1) << message.toStdString();
    EXPECT_TRUE(message.contains(QStringLiteral("2 already in the project"))) << message.toStdString();
    ASSERT_TRUE(uitest::waitUntil([&] { return window.document().videos().size() == 3; })) << message.toStdString();
    QStringList names;
    for (const auto& v : window.document().videos()) names << QFileInfo(QString::fromStdString(v.path)).fileName();
    names.sort();
    EXPECT_EQ(names, (QStringList{QStringLiteral("a.mp4"), QStringLiteral("b.mkv"), QStringLiteral("c.mp4")}));
    EXPECT_EQ(window.document().videos().back().frameCount, 12);

    // Everything is in now: said, nothing queued.
    EXPECT_EQ(addVideoFolder(window, folder, true, &message), -1);
    EXPECT_TRUE(message.contains(QStringLiteral("already"))) << message.toStdString();
    EXPECT_EQ(addVideoFolder(window, QString::fromStdString(media.file("notes.txt")), true, &message), -1);

    window.document().undoStack().undo();
    EXPECT_EQ(window.document().videos().size(), 2u);
}

TEST(DatasetActions, AMissingVideoSaysHowToRelinkItAndTheListOffersIt) {
    fixtures::TempDir media;
    fixtures::StampedVideoSpec spec;
    spec.frames = 10;
    spec.width = 64;
    spec.height = 48;
    fixtures::makeStampedVideo(media.file("gone.mp4"), spec);
    QTemporaryDir dir;
    MainWindow window;
    ASSERT_EQ(window.createProject(dir.filePath(QStringLiteral("p.alproj"))), QString());
    QString message;
    ASSERT_EQ(addVideoFolder(window, QString::fromStdString(media.path()), false, &message), 1) << message.toStdString();
    ASSERT_TRUE(uitest::waitUntil([&] { return window.document().videos().size() == 1; }));
    ASSERT_TRUE(QFile::remove(QString::fromStdString(media.file("gone.mp4"))));

    bool failed = false;
    QObject::connect(&window, &MainWindow::videoFailed, [&] { failed = true; });
    window.openProjectVideo(window.document().videos().front().id);
    ASSERT_TRUE(uitest::waitUntil([&] { return failed; }));
    EXPECT_TRUE(window.view().message().contains(QStringLiteral("Relink missing videos"))) << window.view().message().toStdString();

    QStringList menu;
    for (QAction* action : window.datasetBrowser().table()->actions()) menu << action->text().remove(QLatin1Char('&'));
    EXPECT_TRUE(menu.contains(QStringLiteral("Relink missing videos..."))) << menu.join(QLatin1Char('|')).toStdString();
}
