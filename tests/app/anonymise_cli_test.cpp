// actionlens-cli anonymise and export --pseudonymise / --subjects, as a user runs them.

#include "core/annotation/project_store.h"
#include "tests/app/cli_runner.h"
#include "tests/support/test_videos.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <filesystem>

namespace actionlens {
namespace {

using fixtures::CliRun;
using fixtures::runCli;

QString q(const std::string& s) { return QString::fromStdString(s); }

TEST(AnonymiseCli, BlurredCopiesWithTheSameFramesAndAPseudonymisedProject) {
    fixtures::TempDir dir;
    const QString project = q(dir.file("demo.alproj"));
    ASSERT_EQ(runCli({"synth", "-o", project, "--videos", "2", "--size", "160x120", "--seconds", "2", "--occluders", "never"}).exitCode, 0);
    std::vector<std::string> names;
    {
        auto store = annotation::ProjectStore::open(dir.file("demo.alproj")).value();
        for (const annotation::Subject& s : store->subjects().value()) names.push_back(s.name);
    }
    const QString out = q(dir.file("anon"));
    const CliRun run = runCli({"anonymise", "-p", project, "-o", out, "--no-face-detector", "--style", "pixelate"});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.out.contains("face regions blurred")) << run.out.toStdString();
    auto copy = annotation::ProjectStore::openReadOnly(dir.file("anon/anonymised.alproj"));
    ASSERT_TRUE(copy.ok()) << copy.error();
    auto originals = annotation::ProjectStore::openReadOnly(dir.file("demo.alproj")).value()->videos().value();
    const auto videos = copy.value()->videos().value();
    ASSERT_EQ(videos.size(), originals.size());
    for (size_t i = 0; i < videos.size(); ++i) {
        const QJsonObject before = QJsonDocument::fromJson(runCli({"probe", q(originals[i].path)}).out.toUtf8()).object();
        const QJsonObject after = QJsonDocument::fromJson(runCli({"probe", q(videos[i].path)}).out.toUtf8()).object();
        EXPECT_EQ(after["frames"].toInt(), before["frames"].toInt());
        EXPECT_NEAR(after["duration"].toDouble(), before["duration"].toDouble(), 1e-3);
    }
    for (const annotation::Subject& s : copy.value()->subjects().value())
        EXPECT_EQ(std::find(names.begin(), names.end(), s.name), names.end()) << s.name;

    fixtures::expectOneLineFailure(runCli({"anonymise", "-p", project, "-o", out, "--no-face-detector"}), "exists");
    EXPECT_EQ(runCli({"anonymise", "-p", project, "-o", q(dir.file("x")), "--style", "mosaic"}).exitCode, 2);
    EXPECT_EQ(runCli({"anonymise", "-p", project, "-o", q(dir.file("x")), "--subjects", "some"}).exitCode, 2);
    fixtures::expectOneLineFailure(runCli({"anonymise", "-p", project, "-o", q(dir.file("y")), "--cascade", "/none.xml"}), "opencv-data");

    const QString csv = q(dir.file("segments.csv"));
    ASSERT_EQ(runCli({"export", "-p", project, "-f", "segments-csv", "-o", csv, "--pseudonymise"}).exitCode, 0);
    const std::string bytes = fixtures::readFileBytes(dir.file("segments.csv"));
    for (const std::string& name : names) EXPECT_EQ(bytes.find(name), std::string::npos) << name;
    EXPECT_EQ(runCli({"export", "-p", project, "-f", "segments-csv", "-o", q(dir.file("x.csv")), "--keep-free-text"}).exitCode, 2);
}

}  // namespace
}  // namespace actionlens
