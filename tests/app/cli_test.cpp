// actionlens-cli end to end: run the real binary, check exit codes, output and written files.

#include "core/media/image_io.h"
#include "tests/support/test_videos.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

using namespace actionlens;

namespace {

struct CliRun {
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun runCli(const QStringList& arguments) {
    QProcess process;
    process.start(QStringLiteral(ACTIONLENS_CLI_PATH), arguments);
    CliRun run;
    if (!process.waitForFinished(120000)) {
        process.kill();
        ADD_FAILURE() << "actionlens-cli did not finish: " << arguments.join(' ').toStdString();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QString sharedVideo() { return QString::fromStdString(fixtures::sharedLongGopVideo()); }

void expectOneLineFailure(const CliRun& run, const char* words) {
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.err.count(QLatin1Char('\n')), 1) << run.err.toStdString();
    EXPECT_TRUE(run.err.startsWith(QStringLiteral("actionlens-cli: "))) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QLatin1String(words))) << run.err.toStdString();
}

}  // namespace

TEST(Cli, VersionAndHelp) {
    const CliRun version = runCli({QStringLiteral("--version")});
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_TRUE(version.out.startsWith(QStringLiteral("actionlens-cli 0."))) << version.out.toStdString();
    EXPECT_TRUE(version.out.contains(QStringLiteral("libavcodec")));
    const CliRun help = runCli({QStringLiteral("--help")});
    EXPECT_EQ(help.exitCode, 0);
    for (const char* command : {"probe", "frame", "sample-video"}) {
        EXPECT_TRUE(help.out.contains(QLatin1String(command))) << command;
    }
    const CliRun commandHelp = runCli({QStringLiteral("frame"), QStringLiteral("--help")});
    EXPECT_EQ(commandHelp.exitCode, 0);
    EXPECT_TRUE(commandHelp.out.contains(QStringLiteral("--output")));
    EXPECT_TRUE(commandHelp.out.startsWith(QStringLiteral("Usage: actionlens-cli frame [options] video n"))) << commandHelp.out.toStdString();
}

TEST(Cli, BadUsageExitsWithTwo) {
    EXPECT_EQ(runCli({}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("no-such-command")}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("probe")}).exitCode, 2);
    EXPECT_EQ(runCli({QStringLiteral("frame"), sharedVideo(), QStringLiteral("3")}).exitCode, 2) << "missing -o";
    EXPECT_EQ(runCli({QStringLiteral("frame"), sharedVideo(), QStringLiteral("three"), QStringLiteral("-o"),
                      QStringLiteral("x.png")})
                  .exitCode,
              2);
    EXPECT_EQ(runCli({QStringLiteral("probe"), QStringLiteral("--bogus"), sharedVideo()}).exitCode, 2);
}

TEST(Cli, ProbeDescribesTheVideoAsJson) {
    const CliRun run = runCli({QStringLiteral("probe"), sharedVideo()});
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
    ASSERT_EQ(error.error, QJsonParseError::NoError) << run.out.toStdString();
    EXPECT_EQ(json[QStringLiteral("frames")].toInt(), 600);
    EXPECT_DOUBLE_EQ(json[QStringLiteral("fps")].toDouble(), 25.0);
    EXPECT_DOUBLE_EQ(json[QStringLiteral("duration")].toDouble(), 24.0);
    EXPECT_EQ(json[QStringLiteral("width")].toInt(), 320);
    EXPECT_EQ(json[QStringLiteral("height")].toInt(), 240);
    EXPECT_EQ(json[QStringLiteral("codec")].toString(), QStringLiteral("h264"));
    EXPECT_EQ(json[QStringLiteral("keyframes")].toArray(), (QJsonArray{0, 250, 500}));
}

TEST(Cli, FrameWritesExactlyFrameN) {
    fixtures::TempDir dir;
    for (int n : {0, 249, 250, 377, 599}) {
        const QString out = QString::fromStdString(dir.file("frame" + std::to_string(n) + ".png"));
        const CliRun run = runCli({QStringLiteral("frame"), sharedVideo(), QString::number(n), QStringLiteral("-o"), out});
        ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
        auto image = media::loadImageAsFrame(out.toStdString());
        ASSERT_TRUE(image.ok()) << image.error();
        EXPECT_EQ(fixtures::stampOf(*image.value()), n);
    }
}

TEST(Cli, FailuresExitWithOneAndOneLine) {
    fixtures::TempDir dir;
    const QString out = QString::fromStdString(dir.file("x.png"));
    expectOneLineFailure(runCli({QStringLiteral("frame"), sharedVideo(), QStringLiteral("600"), QStringLiteral("-o"), out}),
                         "out of range");
    expectOneLineFailure(runCli({QStringLiteral("probe"), QStringLiteral("/no/such/video.mp4")}), "does not exist");
    fixtures::writeFileBytes(dir.file("fake.mp4"), std::string(3000, 'z'));
    expectOneLineFailure(runCli({QStringLiteral("probe"), QString::fromStdString(dir.file("fake.mp4"))}), "fake.mp4");
    EXPECT_FALSE(std::filesystem::exists(out.toStdString())) << "a failed command must not leave an image";
}

TEST(Cli, ImportPennActionThenInfoAndExport) {
    fixtures::TempDir dir;
    const std::filesystem::path penn = std::filesystem::path(ACTIONLENS_SHARED_DIR) / "data" / "penn_action" / "train";
    std::filesystem::create_directories(dir.file("labels"));
    for (const char* name : {"0002.mat", "0003.mat", "0004.mat"}) {
        std::filesystem::copy_file(penn / name, dir.file(std::string("labels/") + name));
    }
    const QString project = QString::fromStdString(dir.file("p.alproj"));
    const CliRun imported = runCli({QStringLiteral("import"), QStringLiteral("--format"), QStringLiteral("penn-action"),
                                    QString::fromStdString(dir.file("labels")), QStringLiteral("-p"), project});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_TRUE(imported.err.contains(QStringLiteral("importing: 3/3 (100%)"))) << imported.err.toStdString();

    const CliRun info = runCli({QStringLiteral("info"), QStringLiteral("-p"), project});
    ASSERT_EQ(info.exitCode, 0) << info.err.toStdString();
    const QJsonObject json = QJsonDocument::fromJson(info.out.toUtf8()).object();
    EXPECT_EQ(json[QStringLiteral("videos")].toInt(), 3);
    EXPECT_EQ(json[QStringLiteral("segments")].toInt(), 3);
    EXPECT_EQ(json[QStringLiteral("subjects")].toInt(), 3);
    EXPECT_GT(json[QStringLiteral("skeleton_frames")].toInt(), 100);
    EXPECT_EQ(json[QStringLiteral("splits")].toObject()[QStringLiteral("train")].toObject()[QStringLiteral("videos")].toInt(), 3);

    const QString csv = QString::fromStdString(dir.file("segments.csv"));
    const CliRun exported = runCli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("segments-csv"),
                                    QStringLiteral("-p"), project, QStringLiteral("-o"), csv});
    ASSERT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    const std::string text = fixtures::readFileBytes(csv.toStdString());
    EXPECT_NE(text.find("baseball_pitch"), std::string::npos) << text;
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 4) << "a header and one row per segment";
}

TEST(Cli, AFailedImportIntoANewProjectLeavesNoFile) {
    fixtures::TempDir dir;
    std::filesystem::create_directories(dir.file("labels"));
    fixtures::writeFileBytes(dir.file("labels/0001.mat"), "MATLAB 5.0 MAT-file, damaged");
    const QString project = QString::fromStdString(dir.file("new.alproj"));
    const CliRun run = runCli({QStringLiteral("import"), QStringLiteral("-f"), QStringLiteral("penn-action"),
                               QString::fromStdString(dir.file("labels")), QStringLiteral("-p"), project});
    expectOneLineFailure(run, "0001.mat");
    EXPECT_FALSE(std::filesystem::exists(project.toStdString()));
    EXPECT_FALSE(std::filesystem::exists(project.toStdString() + ".lock"));
    EXPECT_EQ(runCli({QStringLiteral("import"), QStringLiteral("-f"), QStringLiteral("no-such-format"), dir.path().c_str(),
                      QStringLiteral("-p"), project})
                  .exitCode,
              2);
    expectOneLineFailure(runCli({QStringLiteral("info"), QStringLiteral("-p"), project}), "does not exist");
}

TEST(Cli, SynthWritesAProjectWithTheRequestedSplits) {
    fixtures::TempDir dir;
    const QString project = QString::fromStdString(dir.file("demo.alproj"));
    const CliRun made = runCli({QStringLiteral("synth"), QStringLiteral("-o"), project, QStringLiteral("--videos"),
                                QStringLiteral("4"), QStringLiteral("--size"), QStringLiteral("96x72"), QStringLiteral("--fps"),
                                QStringLiteral("10"), QStringLiteral("--test-fraction"), QStringLiteral("0.5"),
                                QStringLiteral("--occluders"), QStringLiteral("never")});
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
    const CliRun info = runCli({QStringLiteral("info"), QStringLiteral("-p"), project});
    const QJsonObject splits = QJsonDocument::fromJson(info.out.toUtf8()).object()[QStringLiteral("splits")].toObject();
    EXPECT_EQ(splits[QStringLiteral("test")].toObject()[QStringLiteral("videos")].toInt(), 2) << info.out.toStdString();
    EXPECT_EQ(splits[QStringLiteral("train")].toObject()[QStringLiteral("videos")].toInt(), 2);
    EXPECT_EQ(runCli({QStringLiteral("synth"), QStringLiteral("-o"), QString::fromStdString(dir.file("x.alproj")),
                      QStringLiteral("--occluders"), QStringLiteral("sometimes")})
                  .exitCode,
              2);
    EXPECT_EQ(runCli({QStringLiteral("synth"), QStringLiteral("-o"), QString::fromStdString(dir.file("x.alproj")),
                      QStringLiteral("--test-fraction"), QStringLiteral("1.5")})
                  .exitCode,
              2);
    EXPECT_FALSE(std::filesystem::exists(dir.file("x.alproj")));
}

TEST(Cli, SampleVideoMakesAFileThatProbesAndStampsCorrectly) {
    fixtures::TempDir dir;
    const QString video = QString::fromStdString(dir.file("sample.mp4"));
    const CliRun made = runCli({QStringLiteral("sample-video"), QStringLiteral("-o"), video, QStringLiteral("--frames"),
                             QStringLiteral("60"), QStringLiteral("--size"), QStringLiteral("160x120"),
                             QStringLiteral("--gop"), QStringLiteral("25")});
    ASSERT_EQ(made.exitCode, 0) << made.err.toStdString();
    const CliRun probe = runCli({QStringLiteral("probe"), video});
    const QJsonObject json = QJsonDocument::fromJson(probe.out.toUtf8()).object();
    EXPECT_EQ(json[QStringLiteral("frames")].toInt(), 60);
    EXPECT_EQ(json[QStringLiteral("keyframes")].toArray(), (QJsonArray{0, 25, 50}));
    const QString png = QString::fromStdString(dir.file("f.png"));
    ASSERT_EQ(runCli({QStringLiteral("frame"), video, QStringLiteral("41"), QStringLiteral("-o"), png}).exitCode, 0);
    auto image = media::loadImageAsFrame(png.toStdString());
    ASSERT_TRUE(image.ok());
    EXPECT_EQ(fixtures::stampOf(*image.value()), 41);
    EXPECT_EQ(runCli({QStringLiteral("sample-video"), QStringLiteral("-o"), video, QStringLiteral("--size"),
                      QStringLiteral("161x120")})
                  .exitCode,
              2);
}
