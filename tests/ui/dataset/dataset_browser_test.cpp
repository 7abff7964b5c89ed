// DatasetBrowser: one row per video with the store's counts; filter, sort and choose.

#include "ui/dataset/dataset_browser.h"
#include "ui/dataset/dataset_table_model.h"
#include "ui/document/project_document.h"
#include "ui/editing/annotator_name.h"
#include "ui_project_fixture.h"

#include <QCheckBox>
#include <QDir>
#include <QItemSelectionModel>
#include <QUndoStack>
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

// Videos assigned to annotators: the "Assigned to" column, assigning the selected videos as one
// undoable step, and the "Assigned to me" filter on the Preferences' annotator name.
TEST(DatasetBrowser, AssignsSelectedVideosUndoablyAndFiltersToMine) {
    QTemporaryDir dir;
    const QString copy = uitest::copyOfProject(dir);
    ProjectDocument document;
    ASSERT_EQ(document.open(copy), QString());
    DatasetBrowser browser(document);
    browser.refresh();
    ASSERT_EQ(browser.proxy()->rowCount(), 3);
    browser.table()->sortByColumn(DatasetTableModel::Name, Qt::AscendingOrder);
    auto selectRows = [&](std::initializer_list<int> rows) {
        browser.table()->selectionModel()->clearSelection();
        for (int row : rows)
            browser.table()->selectionModel()->select(browser.proxy()->index(row, 0),
                                                      QItemSelectionModel::Select | QItemSelectionModel::Rows);
    };
    selectRows({0, 2});
    ASSERT_EQ(browser.selectedVideoIds().size(), 2u);
    EXPECT_TRUE(browser.table()->isColumnHidden(DatasetTableModel::Assigned)) << "nobody has work assigned yet";
    EXPECT_EQ(browser.assignSelected(QStringLiteral("ada"), false), QString());
    EXPECT_FALSE(browser.table()->isColumnHidden(DatasetTableModel::Assigned));
    const std::int64_t first = browser.proxy()->index(0, 0).data(DatasetTableModel::kVideoIdRole).toLongLong();
    EXPECT_EQ(document.store().video(first)->annotators, (std::vector<std::string>{"ada"})) << "on disk at once";
    EXPECT_EQ(browser.proxy()->index(0, DatasetTableModel::Assigned).data().toString(), QStringLiteral("ada"));
    EXPECT_EQ(browser.proxy()->index(1, DatasetTableModel::Assigned).data().toString(), QString());
    EXPECT_EQ(browser.model()->headerData(DatasetTableModel::Assigned, Qt::Horizontal).toString(), QStringLiteral("Assigned to"));
    EXPECT_EQ(document.undoStack().undoText(), QStringLiteral("Assign 2 videos to ada"));
    selectRows({0});
    EXPECT_NE(browser.assignSelected(QStringLiteral("ada"), false), QString()) << "already assigned: nothing to undo";
    EXPECT_EQ(browser.assignSelected(QStringLiteral("bob"), false), QString());
    EXPECT_EQ(browser.proxy()->index(0, DatasetTableModel::Assigned).data().toString(), QStringLiteral("ada, bob"));

    // "Assigned to me": the Preferences' annotator name.
    setAnnotatorName(QStringLiteral("bob"));
    browser.assignedToMe()->setChecked(true);
    ASSERT_EQ(browser.proxy()->rowCount(), 1);
    EXPECT_EQ(browser.proxy()->index(0, 0).data(DatasetTableModel::kVideoIdRole).toLongLong(), first);
    setAnnotatorName(QStringLiteral("ada"));
    browser.refresh();
    EXPECT_EQ(browser.proxy()->rowCount(), 2);
    browser.assignedToMe()->setChecked(false);
    EXPECT_EQ(browser.proxy()->rowCount(), 3);

    // Undo: bob's assignment, then ada's two, each one step.
    document.undoStack().undo();
    EXPECT_EQ(document.store().video(first)->annotators, (std::vector<std::string>{"ada"}));
    document.undoStack().undo();
    for (const annotation::Video& v : document.store().videos().value()) EXPECT_TRUE(v.annotators.empty()) << v.name;
    EXPECT_EQ(browser.proxy()->index(0, DatasetTableModel::Assigned).data().toString(), QString());
    EXPECT_TRUE(browser.table()->isColumnHidden(DatasetTableModel::Assigned));
    document.undoStack().redo();
    EXPECT_EQ(document.store().video(first)->annotators, (std::vector<std::string>{"ada"}));
    setAnnotatorName(QString());
}
