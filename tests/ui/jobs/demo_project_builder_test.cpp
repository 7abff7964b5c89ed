// DemoProjectBuilder: renders on a worker thread with progress, or leaves nothing when cancelled.

#include "ui/document/project_document.h"
#include "ui/jobs/demo_project_builder.h"
#include "ui_test_wait.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace actionlens::ui;

TEST(DemoProjectBuilder, RendersAProjectOffTheGuiThreadWithProgress) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("sub/demo.alproj"));
    DemoProjectBuilder builder;
    QSignalSpy progress(&builder, &DemoProjectBuilder::progress);
    QSignalSpy finished(&builder, &DemoProjectBuilder::finished);
    DemoRecipe recipe;
    recipe.videos = 3;
    recipe.width = 96;
    recipe.height = 64;
    ASSERT_TRUE(builder.start(path, recipe));
    EXPECT_FALSE(builder.start(path, recipe)) << "a second build while one runs";
    ASSERT_TRUE(actionlens::uitest::waitUntil([&] { return finished.count() == 1; }, 60000));
    EXPECT_EQ(finished.front().at(0).toString(), path);
    EXPECT_EQ(finished.front().at(1).toString(), QString());
    ASSERT_GE(progress.count(), 2);
    EXPECT_EQ(progress.back().at(0).toLongLong(), progress.back().at(1).toLongLong());  // 100 %
    EXPECT_FALSE(builder.isRunning());

    ProjectDocument document;
    ASSERT_EQ(document.open(path), QString());
    EXPECT_EQ(document.videos().size(), 3u);
}

TEST(DemoProjectBuilder, CancelLeavesNothingBehind) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.alproj"));
    DemoProjectBuilder builder;
    QSignalSpy finished(&builder, &DemoProjectBuilder::finished);
    DemoRecipe recipe;
    recipe.videos = 20;
    ASSERT_TRUE(builder.start(path, recipe));
    builder.cancel();
    ASSERT_TRUE(actionlens::uitest::waitUntil([&] { return finished.count() == 1; }, 60000));
    EXPECT_NE(finished.front().at(1).toString(), QString());
    EXPECT_FALSE(QFileInfo::exists(path));
}
