// DemoProjectBuilder: renders on a worker thread with progress, or leaves nothing when cancelled;
// stamps the recipe beside the project and replaces a demo of another recipe.

#include "ui/document/project_document.h"
#include "ui/jobs/demo_project_builder.h"
#include "ui_test_wait.h"

#include <QDir>
#include <QFile>
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

namespace {
DemoRecipe smallRecipe(int videos) {
    DemoRecipe recipe;
    recipe.videos = videos;
    recipe.width = 96;
    recipe.height = 64;
    recipe.seconds = 4;
    return recipe;
}
}  // namespace

TEST(DemoProjectBuilder, StampsItsRecipeAndReplacesADemoOfAnotherOne) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.alproj"));
    const DemoRecipe older = smallRecipe(3);
    const DemoRecipe newer = smallRecipe(4);
    EXPECT_FALSE(DemoProjectBuilder::isCurrent(path, older));
    DemoProjectBuilder builder;
    QSignalSpy finished(&builder, &DemoProjectBuilder::finished);
    ASSERT_TRUE(builder.start(path, older));
    ASSERT_TRUE(actionlens::uitest::waitUntil([&] { return finished.count() == 1; }, 60000));
    ASSERT_EQ(finished.back().at(1).toString(), QString());
    EXPECT_EQ(DemoProjectBuilder::stampPath(path), dir.filePath(QStringLiteral("demo.recipe")));
    QFile stamp(DemoProjectBuilder::stampPath(path));
    ASSERT_TRUE(stamp.open(QIODevice::ReadOnly));
    EXPECT_EQ(stamp.readAll(), QByteArray("--videos 3 --seed 1 --size 96x64 --fps 25 --seconds 4\n"));
    stamp.close();
    EXPECT_TRUE(DemoProjectBuilder::isCurrent(path, older));
    EXPECT_FALSE(DemoProjectBuilder::isCurrent(path, newer));

    // The next version's recipe: the old project, its videos and stamp give way to the new one.
    const QString oldVideo = QDir(dir.filePath(QStringLiteral("demo_videos"))).filePath(QStringLiteral("video_002.mp4"));
    ASSERT_TRUE(QFileInfo::exists(oldVideo));
    builder.setRecipe(newer);
    ASSERT_TRUE(builder.start(path));
    ASSERT_TRUE(actionlens::uitest::waitUntil([&] { return finished.count() == 2; }, 60000));
    ASSERT_EQ(finished.back().at(1).toString(), QString());
    EXPECT_TRUE(DemoProjectBuilder::isCurrent(path, newer));
    EXPECT_FALSE(DemoProjectBuilder::isCurrent(path, older));
    ProjectDocument document;
    ASSERT_EQ(document.open(path), QString());
    EXPECT_EQ(document.videos().size(), 4u);
}

TEST(DemoProjectBuilder, AProjectWithoutItsStampIsNotCurrent) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("demo.alproj"));
    QFile project(path);
    ASSERT_TRUE(project.open(QIODevice::WriteOnly));  // a demo of a version before stamps
    project.close();
    EXPECT_FALSE(DemoProjectBuilder::isCurrent(path, DemoRecipe()));
    QFile stamp(DemoProjectBuilder::stampPath(path));
    ASSERT_TRUE(stamp.open(QIODevice::WriteOnly));
    stamp.write(DemoRecipe().synthArguments().toUtf8() + '\n');
    stamp.close();
    EXPECT_TRUE(DemoProjectBuilder::isCurrent(path, DemoRecipe()));
    ASSERT_TRUE(QFile::remove(path));
    EXPECT_FALSE(DemoProjectBuilder::isCurrent(path, DemoRecipe())) << "a stamp without its project";
}

TEST(DemoProjectBuilder, RunDemoScriptRendersTheSameRecipe) {
    // packaging/run-demo.sh and the window share one demo project: the same synth options, the
    // same stamp beside it.
    QFile script(QStringLiteral(ACTIONLENS_SOURCE_DIR "/packaging/run-demo.sh"));
    ASSERT_TRUE(script.open(QIODevice::ReadOnly)) << script.fileName().toStdString();
    const QString text = QString::fromUtf8(script.readAll());
    EXPECT_TRUE(text.contains(QStringLiteral("recipe=\"%1\"").arg(DemoRecipe().synthArguments())))
        << "run-demo.sh does not render " << DemoRecipe().synthArguments().toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("demo/demo.recipe")));
    EXPECT_TRUE(DemoProjectBuilder::defaultPath().endsWith(QStringLiteral("actionlens/demo/demo.alproj")));
}
