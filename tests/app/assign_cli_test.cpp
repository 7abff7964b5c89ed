// actionlens-cli assign: videos assigned to annotators and taken back, the list, bad requests.

#include "core/annotation/project_store.h"
#include "tests/app/cli_runner.h"
#include "tests/support/test_videos.h"

#include <gtest/gtest.h>

using namespace actionlens;
using fixtures::CliRun;
using fixtures::expectOneLineFailure;
using fixtures::runCli;

TEST(AssignCli, AssignsListsAndRemoves) {
    fixtures::TempDir dir;
    const QString project = QString::fromStdString(dir.file("p.alproj"));
    {
        auto store = annotation::ProjectStore::create(project.toStdString());
        ASSERT_TRUE(store.ok()) << store.error();
        for (const char* name : {"v1", "v2", "v3"})
            ASSERT_TRUE(store.value()->insertVideo(annotation::Video{0, "", 0, 25.0, 100, 0, 0, "", name, {}}).ok());
    }
    auto assign = [&](QStringList more) {
        return runCli(QStringList{QStringLiteral("assign"), QStringLiteral("-p"), project} + more);
    };
    CliRun run = assign({"--video", "1,v3", "--annotator", "ada"});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains("assigned 2 of 2 videos to 'ada'")) << run.err.toStdString();
    ASSERT_EQ(assign({"--video", "3", "--video", "2", "--annotator", "zoe"}).exitCode, 0);
    run = assign({});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_EQ(run.out, "1\tv1\tada\n2\tv2\tzoe\n3\tv3\tada,zoe\n");
    run = assign({"--annotator", "zoe"});
    EXPECT_EQ(run.out, "2\tv2\tzoe\n3\tv3\tada,zoe\n") << "only zoe's videos";
    ASSERT_EQ(assign({"--video", "v3", "--annotator", "ada", "--remove"}).exitCode, 0);
    {
        auto store = annotation::ProjectStore::openReadOnly(project.toStdString());
        ASSERT_TRUE(store.ok());
        EXPECT_EQ(store.value()->video(3)->annotators, (std::vector<std::string>{"zoe"}));
        EXPECT_EQ(store.value()->video(1)->annotators, (std::vector<std::string>{"ada"}));
    }
    expectOneLineFailure(assign({"--video", "nine", "--annotator", "ada"}), "--video nine");
    EXPECT_EQ(assign({"--video", "1"}).exitCode, 2) << "an annotator is needed";
    EXPECT_EQ(assign({"--remove"}).exitCode, 2);
}
