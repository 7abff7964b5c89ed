// MainWindow: start page without a project; a project opens in the workspace with its first
// video, indexed off the GUI thread; the dataset browser switches videos; the demo project and
// the demo model from the start page.

#include "ui/dataset/dataset_browser.h"
#include "ui/window/main_window.h"
#include "ui/window/start_page.h"
#include "ui_project_fixture.h"
#include "ui_test_wait.h"

#ifdef ACTIONLENS_WITH_LEARNING
#include "core/train/train_config.h"
#include "ui/learning/training_dashboard.h"
#include "ui/learning/training_session.h"
#endif

#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFileInfo>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTableView>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

namespace {

// A demo small enough for tests (the window's is 160 videos of 10 s).
DemoRecipe smallDemoRecipe() {
    DemoRecipe recipe;
    recipe.videos = 4;
    recipe.width = 96;
    recipe.height = 64;
    recipe.seconds = 4;
    return recipe;
}

// Marks `demo` as rendered with `recipe`, as the builder does after rendering.
void stampDemo(const QString& demo, const DemoRecipe& recipe) {
    QFile stamp(DemoProjectBuilder::stampPath(demo));
    ASSERT_TRUE(stamp.open(QIODevice::WriteOnly));
    stamp.write(recipe.synthArguments().toUtf8() + '\n');
}

}  // namespace

TEST(MainWindow, StartsOnTheStartPage) {
    MainWindow window;
    EXPECT_TRUE(window.showsStartPage());
    EXPECT_EQ(window.windowTitle(), QStringLiteral("ActionLens"));
}

TEST(MainWindow, OpensAProjectWithItsFirstVideoWithoutBlockingOnIndexing) {
    QSettings().clear();
    MainWindow window;
    window.show();
    ASSERT_EQ(window.openProject(uitest::renderedProject()), QString());
    EXPECT_FALSE(window.showsStartPage());
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("fixture")));
    // openProject returned before the video was indexed: the player is still opening it.
    EXPECT_TRUE(window.player().isOpening());
    EXPECT_FALSE(window.player().isOpen());
    ASSERT_TRUE(uitest::waitUntil([&] { return window.view().frame() != nullptr; }));
    EXPECT_EQ(window.document().currentVideoId(), window.document().videos().front().id);
    EXPECT_TRUE(window.windowTitle().startsWith(QStringLiteral("video_000")));
    // Remembered for the start page.
    ASSERT_GE(window.startPage().recentList()->count(), 1);
    EXPECT_EQ(window.startPage().recentList()->item(0)->data(Qt::UserRole).toString(), uitest::renderedProject());
}

TEST(MainWindow, ChoosingAVideoInTheBrowserOpensItAtTheRequestedFrame) {
    MainWindow window;
    window.show();
    ASSERT_EQ(window.openProject(uitest::renderedProject()), QString());
    const std::int64_t third = window.document().videos()[2].id;
    window.openProjectVideo(third, 12);
    ASSERT_TRUE(uitest::waitUntil([&] { return window.view().frame() && window.view().frame()->index == 12; }));
    EXPECT_EQ(window.document().currentVideoId(), third);
    EXPECT_EQ(window.datasetBrowser().table()->currentIndex().data(DatasetTableModel::kVideoIdRole).toLongLong(), third);

    window.datasetBrowser().table()->setCurrentIndex(window.datasetBrowser().proxy()->index(0, 0));
    const std::int64_t first = window.datasetBrowser().proxy()->index(0, 0).data(DatasetTableModel::kVideoIdRole).toLongLong();
    ASSERT_TRUE(uitest::waitUntil([&] { return window.player().isOpen() && window.document().currentVideoId() == first; }));
}

TEST(MainWindow, AProjectThatCannotBeOpenedLeavesTheStartPage) {
    MainWindow window;
    const QString error = window.openProject(QStringLiteral("/nonexistent/missing.alproj"));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_TRUE(window.showsStartPage());
}

TEST(MainWindow, TheDemoButtonOpensTheDemoProjectOrRendersItWithProgress) {
    // Qt's test mode puts the data folder under ~/.qttest: the user's demo is never touched.
    const QString demo = DemoProjectBuilder::defaultPath();
    ASSERT_TRUE(demo.contains(QStringLiteral(".qttest"))) << demo.toStdString();
    QDir(QFileInfo(demo).absolutePath()).removeRecursively();
    {
        MainWindow window;
        window.show();
        window.startPage().demoButton()->click();
        // Missing: it is being rendered, off the GUI thread, with the button disabled.
        EXPECT_TRUE(window.demoBuilder().isRunning());
        EXPECT_FALSE(window.startPage().demoButton()->isEnabled());
        EXPECT_TRUE(window.startPage().demoProgressBar()->isVisibleTo(&window.startPage()));
        EXPECT_TRUE(window.showsStartPage());
    }  // closing the window cancels the rendering and leaves nothing half-written
    EXPECT_FALSE(QFileInfo::exists(demo));

    uitest::copyOfProjectTo(demo);
    stampDemo(demo, DemoRecipe());
    MainWindow window;
    window.show();
    window.startPage().demoButton()->click();
    EXPECT_FALSE(window.showsStartPage());
    EXPECT_EQ(window.document().path(), QFileInfo(demo).absoluteFilePath());
    window.closeProject();
    QDir(QFileInfo(demo).absolutePath()).removeRecursively();
}

TEST(MainWindow, ADemoOfAnOlderRecipeIsRenderedAnew) {
    const QString demo = DemoProjectBuilder::defaultPath();
    ASSERT_TRUE(demo.contains(QStringLiteral(".qttest"))) << demo.toStdString();
    QDir(QFileInfo(demo).absolutePath()).removeRecursively();
    uitest::copyOfProjectTo(demo);  // 3 videos and no stamp: the demo of an older version
    MainWindow window;
    window.show();
    window.demoBuilder().setRecipe(smallDemoRecipe());
    window.startPage().demoButton()->click();
    EXPECT_TRUE(window.demoBuilder().isRunning());
    EXPECT_TRUE(window.showsStartPage());
    ASSERT_TRUE(uitest::waitUntil([&] { return window.document().isOpen(); }, 120000));
    EXPECT_EQ(window.document().path(), QFileInfo(demo).absoluteFilePath());
    EXPECT_EQ(window.document().videos().size(), 4u);
    EXPECT_TRUE(DemoProjectBuilder::isCurrent(demo, smallDemoRecipe()));
    window.closeProject();
    QDir(QFileInfo(demo).absolutePath()).removeRecursively();
}

TEST(MainWindow, TrainADemoModelRendersTheDemoThenTrainsItLiveWithTheDefaults) {
    const QString demo = DemoProjectBuilder::defaultPath();
    ASSERT_TRUE(demo.contains(QStringLiteral(".qttest"))) << demo.toStdString();
    QDir(QFileInfo(demo).absolutePath()).removeRecursively();
    MainWindow window;
    window.show();
    QPushButton* button = window.startPage().trainDemoButton();
#ifndef ACTIONLENS_WITH_LEARNING
    EXPECT_FALSE(button->isVisibleTo(&window.startPage()));
    GTEST_SKIP() << "this build has no learning engine: the button is hidden";
#else
    EXPECT_TRUE(button->isVisibleTo(&window.startPage()));
    TrainingSession* session = window.trainingSession();
    ASSERT_NE(session, nullptr);
    auto* dock = qobject_cast<QDockWidget*>(window.trainingDashboard()->parentWidget());
    ASSERT_NE(dock, nullptr);
    window.demoBuilder().setRecipe(smallDemoRecipe());
    button->click();
    // Rendering first, with progress, both demo buttons disabled.
    EXPECT_TRUE(window.demoBuilder().isRunning());
    EXPECT_FALSE(button->isEnabled());
    EXPECT_FALSE(window.startPage().demoButton()->isEnabled());
    EXPECT_TRUE(window.startPage().demoProgressBar()->isVisibleTo(&window.startPage()));
    EXPECT_FALSE(session->isRunning());

    // Then the demo opens and the run starts, followed live in the Training dock.
    ASSERT_TRUE(uitest::waitUntil([&] { return session->isRunning(); }, 120000));
    EXPECT_EQ(window.document().path(), QFileInfo(demo).absoluteFilePath());
    EXPECT_TRUE(DemoProjectBuilder::isCurrent(demo, smallDemoRecipe()));
    EXPECT_TRUE(dock->isVisible());
    EXPECT_TRUE(window.trainingDashboard()->cancelButton()->isEnabled()) << "the dashboard follows the run";
    EXPECT_EQ(session->epochs(), train::TrainConfig().epochs);  // the default config
    ASSERT_TRUE(uitest::waitUntil([&] { return session->runId() != 0 || !session->isRunning(); }, 60000));
    const QJsonObject data = QJsonDocument::fromJson(QByteArray::fromStdString(session->run().dataJson)).object();
    EXPECT_EQ(data.value(QStringLiteral("split")).toString(), QStringLiteral("train")) << session->run().dataJson;
    session->cancel();
    ASSERT_TRUE(uitest::waitUntil([&] { return !session->isRunning(); }, 60000));

    // The demo is there now: it opens and trains at once.
    window.closeProject();
    dock->hide();
    ASSERT_TRUE(window.showsStartPage());
    button->click();
    EXPECT_FALSE(window.demoBuilder().isRunning());
    EXPECT_EQ(window.document().path(), QFileInfo(demo).absoluteFilePath());
    EXPECT_TRUE(session->isRunning());
    EXPECT_TRUE(dock->isVisible());
    session->cancel();
    ASSERT_TRUE(uitest::waitUntil([&] { return !session->isRunning(); }, 60000));
    window.closeProject();
    QDir(QFileInfo(demo).absolutePath()).removeRecursively();
#endif
}

TEST(MainWindow, TitleShowsTheProjectAndAFailedBackgroundWrite) {
    QTemporaryDir dir;
    MainWindow window;
    ASSERT_EQ(window.createProject(dir.filePath(QStringLiteral("field-study.alproj"))), QString());
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("field-study"))) << window.windowTitle().toStdString();
    EXPECT_FALSE(window.windowTitle().contains(QStringLiteral("failed")));
    window.document().reportWriteFailure(QStringLiteral("undo of 'Add video' failed: disk full"));
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("field-study")));
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("a write failed"))) << window.windowTitle().toStdString();
    // Reopening starts clean.
    window.closeProject();
    ASSERT_EQ(window.openProject(dir.filePath(QStringLiteral("field-study.alproj"))), QString());
    EXPECT_FALSE(window.windowTitle().contains(QStringLiteral("failed")));
}
