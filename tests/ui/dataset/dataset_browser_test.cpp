// DatasetBrowser: one row per video with the store's counts; filter, sort and choose.

#include "ui/dataset/dataset_browser.h"
#include "ui/dataset/dataset_table_model.h"
#include "ui/document/project_document.h"
#include "ui_project_fixture.h"

#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

TEST(DatasetBrowser, ShowsEachVideoWithItsSegmentCountAndCoverage) {
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::renderedProject()), QString());
    DatasetBrowser browser(document);
    browser.refresh();
    ASSERT_EQ(browser.model()->rowCount(), 3);
    for (int row = 0; row < 3; ++row) {
        const std::int64_t id = browser.model()->videoIdAt(row);
        auto segments = document.store().segmentsOfVideo(id);
        ASSERT_TRUE(segments.ok());
        const auto cell = [&](int column) { return browser.model()->index(row, column); };
        EXPECT_EQ(cell(DatasetTableModel::Segments).data().toLongLong(), qint64(segments->size()));
        EXPECT_EQ(cell(DatasetTableModel::Frames).data().toLongLong(), document.video(id)->frameCount);
        // Every frame of a rendered video has a skeleton.
        EXPECT_EQ(cell(DatasetTableModel::Skeletons).data().toString(), QStringLiteral("100 %"));
    }
}

TEST(DatasetBrowser, FilterSortAndChoose) {
    ProjectDocument document;
    ASSERT_EQ(document.open(uitest::renderedProject()), QString());
    DatasetBrowser browser(document);
    browser.refresh();
    browser.filter()->setText(QStringLiteral("001"));
    ASSERT_EQ(browser.proxy()->rowCount(), 1);
    EXPECT_EQ(browser.proxy()->index(0, 0).data().toString(), QStringLiteral("video_001"));
    browser.filter()->clear();
    ASSERT_EQ(browser.proxy()->rowCount(), 3);

    browser.table()->sortByColumn(DatasetTableModel::Frames, Qt::DescendingOrder);
    qint64 previous = std::numeric_limits<qint64>::max();
    for (int row = 0; row < 3; ++row) {
        const qint64 frames = browser.proxy()->index(row, DatasetTableModel::Frames).data().toLongLong();
        EXPECT_LE(frames, previous);
        previous = frames;
    }

    QSignalSpy chosen(&browser, &DatasetBrowser::videoChosen);
    const QModelIndex second = browser.proxy()->index(1, 0);
    browser.table()->setCurrentIndex(second);
    ASSERT_EQ(chosen.count(), 1);
    EXPECT_EQ(chosen.front().front().toLongLong(), second.data(DatasetTableModel::kVideoIdRole).toLongLong());
    // Selecting from code (the window following the current video) does not ask to open it.
    browser.selectVideo(browser.model()->videoIdAt(0));
    EXPECT_EQ(chosen.count(), 1);
}

TEST(DatasetBrowser, AnEditsRefreshDoesNotAskTheDiskAgainAnExplicitRefreshDoes) {
    QTemporaryDir dir;
    const QString file = QDir(dir.path()).filePath(QStringLiteral("clip.mp4"));
    {
        QFile f(file);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("not really a video");
    }
    annotation::Video video;
    video.id = 1;
    video.path = file.toStdString();
    DatasetTableModel model;
    model.setVideos({video}, {});
    EXPECT_EQ(model.missingCount(), 0);
    ASSERT_TRUE(QFile::remove(file));
    model.setVideos({video}, {});  // an edit: the file's state as last checked
    EXPECT_EQ(model.missingCount(), 0);
    model.forgetFileChecks();  // an explicit refresh
    model.setVideos({video}, {});
    EXPECT_EQ(model.missingCount(), 1);
    const QString elsewhere = QDir(dir.path()).filePath(QStringLiteral("elsewhere.mp4"));
    {
        QFile f(elsewhere);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    }
    video.path = elsewhere.toStdString();
    model.setVideos({video}, {});  // a new path (a relink) is always checked: it is there
    EXPECT_EQ(model.missingCount(), 0);
}
