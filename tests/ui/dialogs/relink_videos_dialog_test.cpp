// Relinking missing videos: the browser marks them, RelinkVideosDialog finds moved files by name
// and content hash on a worker thread, RelinkVideosCommand relinks them in one undoable step.

#include "ui/dialogs/relink_videos_dialog.h"

#include "core/annotation/video_fingerprint.h"
#include "ui/commands/add_videos_command.h"
#include "ui/commands/relink_videos_command.h"
#include "ui/dataset/dataset_browser.h"
#include "ui/dataset/dataset_table_model.h"
#include "ui/document/project_document.h"
#include "ui_test_wait.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

QByteArray recording(int seed) {
    QByteArray bytes((1 << 20) + 4096, '\0');
    for (int i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 13 + seed);
    return bytes;
}

void put(const QString& path, const QByteArray& bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// A project with two videos (files that only need to hash, never to decode).
struct Fixture {
    QTemporaryDir dir;
    ProjectDocument document;
    QString walk, jump;

    Fixture() {
        walk = dir.filePath(QStringLiteral("recordings/walk.mp4"));
        jump = dir.filePath(QStringLiteral("recordings/jump.mp4"));
        put(walk, recording(1));
        put(jump, recording(2));
        EXPECT_EQ(document.create(dir.filePath(QStringLiteral("p.alproj"))), QString());
        std::vector<annotation::Video> videos;
        for (const QString& path : {walk, jump}) {
            annotation::Video v;
            v.path = path.toStdString();
            v.sizeBytes = QFileInfo(path).size();
            v.fps = 25;
            v.frameCount = 100;
            v.width = 64;
            v.height = 48;
            v.contentHash = annotation::videoContentHash(v.path).value();
            videos.push_back(v);
        }
        EXPECT_EQ(AddVideosCommand::run(document, videos), QString());
    }

    std::string pathOf(const QString& fileName) const {
        for (const annotation::Video& v : document.videos())
            if (QFileInfo(QString::fromStdString(v.path)).fileName() == fileName) return v.path;
        return {};
    }
};

bool searchToEnd(RelinkVideosDialog& dialog) { return uitest::waitUntil([&] { return !dialog.isRunning(); }); }

}  // namespace

TEST(RelinkVideos, BrowserMarksMissingVideosAndOffersRelinking) {
    Fixture f;
    DatasetBrowser browser(f.document);
    browser.refresh();
    EXPECT_EQ(browser.model()->missingCount(), 0);
    EXPECT_FALSE(browser.relinkButton()->isEnabled());

    ASSERT_TRUE(QFile::remove(f.walk));
    browser.refresh();
    EXPECT_EQ(browser.model()->missingCount(), 1);
    EXPECT_TRUE(browser.relinkButton()->isEnabled());
    int marked = 0;
    for (int row = 0; row < browser.model()->rowCount(); ++row) {
        const QModelIndex name = browser.model()->index(row, DatasetTableModel::Name);
        if (!name.data(DatasetTableModel::kMissingRole).toBool()) continue;
        ++marked;
        EXPECT_EQ(name.data().toString(), QStringLiteral("walk.mp4"));
        EXPECT_FALSE(name.data(Qt::DecorationRole).value<QIcon>().isNull());
        EXPECT_TRUE(name.data(Qt::ToolTipRole).toString().contains(QStringLiteral("missing")));
    }
    EXPECT_EQ(marked, 1);
}

TEST(RelinkVideos, FindsAMovedVideoByNameAndHashAndUndoRestoresTheOldPath) {
    Fixture f;
    const std::string oldWalk = f.pathOf(QStringLiteral("walk.mp4"));
    const QString moved = f.dir.filePath(QStringLiteral("archive/2024/walk.mp4"));
    QDir().mkpath(QFileInfo(moved).absolutePath());
    ASSERT_TRUE(QFile::rename(f.walk, moved));
    ASSERT_TRUE(QFile::remove(f.jump));  // gone for good

    RelinkVideosDialog dialog(f.document);
    ASSERT_EQ(dialog.missing().size(), 2u);
    dialog.folderEdit()->setText(f.dir.filePath(QStringLiteral("archive")));
    int relinked = -1, notRelinked = -1;
    QObject::connect(&dialog, &RelinkVideosDialog::finished, [&](int r, int n) {
        relinked = r;
        notRelinked = n;
    });
    ASSERT_TRUE(dialog.start());
    ASSERT_TRUE(searchToEnd(dialog));
    EXPECT_EQ(relinked, 1);
    EXPECT_EQ(notRelinked, 1);
    const std::string newWalk = QFileInfo(moved).absoluteFilePath().toStdString();
    EXPECT_EQ(f.pathOf(QStringLiteral("walk.mp4")), newWalk);
    EXPECT_EQ(f.document.store().video(1).value().path, newWalk);
    const QString report = dialog.report()->toPlainText();
    EXPECT_TRUE(report.contains(QStringLiteral("relinked"))) << report.toStdString();
    EXPECT_TRUE(report.contains(QStringLiteral("no file named jump.mp4"))) << report.toStdString();
    EXPECT_EQ(dialog.missing().size(), 1u);  // jump is still missing

    // One undoable step.
    EXPECT_EQ(f.document.undoStack().undoText(), QStringLiteral("Relink walk.mp4"));
    f.document.undoStack().undo();
    EXPECT_EQ(f.document.store().video(1).value().path, oldWalk);
    EXPECT_EQ(f.pathOf(QStringLiteral("walk.mp4")), oldWalk);
    f.document.undoStack().redo();
    EXPECT_EQ(f.document.store().video(1).value().path, newWalk);
}

TEST(RelinkVideos, RefusesAFileWithTheSameNameButOtherContent) {
    Fixture f;
    const std::string oldWalk = f.pathOf(QStringLiteral("walk.mp4"));
    ASSERT_TRUE(QFile::remove(f.walk));
    put(f.dir.filePath(QStringLiteral("elsewhere/walk.mp4")), recording(9));  // another recording

    RelinkVideosDialog dialog(f.document);
    dialog.folderEdit()->setText(f.dir.filePath(QStringLiteral("elsewhere")));
    const int before = f.document.undoStack().count();
    ASSERT_TRUE(dialog.start());
    ASSERT_TRUE(searchToEnd(dialog));
    EXPECT_EQ(f.pathOf(QStringLiteral("walk.mp4")), oldWalk);
    EXPECT_EQ(f.document.undoStack().count(), before);  // nothing relinked, nothing to undo
    EXPECT_TRUE(dialog.report()->toPlainText().contains(QStringLiteral("other content"))) << dialog.report()->toPlainText().toStdString();
    EXPECT_TRUE(dialog.statusLabel()->text().startsWith(QStringLiteral("Relinked 0 of 1")));
}

TEST(RelinkVideos, NoFolderOrNothingMissingIsSaidNotStarted) {
    Fixture f;
    RelinkVideosDialog nothingMissing(f.document);
    nothingMissing.folderEdit()->setText(f.dir.path());
    EXPECT_FALSE(nothingMissing.start());
    ASSERT_TRUE(QFile::remove(f.walk));
    RelinkVideosDialog noFolder(f.document);
    noFolder.folderEdit()->setText(f.dir.filePath(QStringLiteral("does-not-exist")));
    EXPECT_FALSE(noFolder.start());
    EXPECT_TRUE(noFolder.statusLabel()->text().contains(QStringLiteral("not a folder")));
}
