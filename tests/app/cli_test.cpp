// actionlens-cli end to end: run the real binary, check exit codes, output and written files.

#include "core/annotation/project_store.h"
#include "core/media/image_io.h"
#include "tests/app/cli_runner.h"
#include "tests/support/required_test_data.h"
#include "tests/support/test_videos.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

using namespace actionlens;
using fixtures::CliRun;
using fixtures::expectOneLineFailure;
using fixtures::runCli;

namespace {

QString sharedVideo() { return QString::fromStdString(fixtures::sharedLongGopVideo()); }

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

    // --keep-layouts is a COCO option; with it, Penn-13 is written as its own category.
    const QString coco = QString::fromStdString(dir.file("coco.json"));
    EXPECT_EQ(runCli({QStringLiteral("export"), QStringLiteral("-f"), QStringLiteral("segments-csv"), QStringLiteral("-p"), project,
                      QStringLiteral("-o"), csv, QStringLiteral("--keep-layouts")})
                  .exitCode,
              2);
    const CliRun keeping = runCli({QStringLiteral("export"), QStringLiteral("-f"), QStringLiteral("coco"), QStringLiteral("-p"), project,
                                   QStringLiteral("-o"), coco, QStringLiteral("--keep-layouts")});
    ASSERT_EQ(keeping.exitCode, 0) << keeping.err.toStdString();
    const QJsonArray categories = QJsonDocument::fromJson(QByteArray::fromStdString(fixtures::readFileBytes(coco.toStdString())))
                                      .object()[QStringLiteral("categories")]
                                      .toArray();
    ASSERT_EQ(categories.size(), 1);
    EXPECT_EQ(categories[0].toObject()[QStringLiteral("name")].toString(), QStringLiteral("Penn-13"));
}

TEST(Cli, ReadingCommandsRunBesideTheWindowAndWritesStayExclusive) {
    fixtures::TempDir dir;
    std::filesystem::create_directories(dir.file("labels"));
    const std::filesystem::path penn = std::filesystem::path(ACTIONLENS_SHARED_DIR) / "data" / "penn_action" / "train";
    std::filesystem::copy_file(penn / "0002.mat", dir.file("labels/0002.mat"));
    const QString project = QString::fromStdString(dir.file("p.alproj"));
    ASSERT_EQ(runCli({QStringLiteral("import"), QStringLiteral("-f"), QStringLiteral("penn-action"),
                      QString::fromStdString(dir.file("labels")), QStringLiteral("-p"), project})
                  .exitCode,
              0);
    // This process plays the window: it holds the project's lock and writes.
    auto window = annotation::ProjectStore::open(project.toStdString());
    ASSERT_TRUE(window.ok()) << window.error();
    ASSERT_TRUE(window.value()->insertSubject(annotation::Subject{0, "added by the window", {}}).ok());

    const CliRun info = runCli({QStringLiteral("info"), QStringLiteral("-p"), project});
    ASSERT_EQ(info.exitCode, 0) << info.err.toStdString();
    EXPECT_EQ(QJsonDocument::fromJson(info.out.toUtf8()).object()[QStringLiteral("subjects")].toInt(), 2)
        << "the reader sees what the window committed";
    const QString csv = QString::fromStdString(dir.file("segments.csv"));
    const CliRun exported = runCli({QStringLiteral("export"), QStringLiteral("-f"), QStringLiteral("segments-csv"),
                                    QStringLiteral("-p"), project, QStringLiteral("-o"), csv});
    EXPECT_EQ(exported.exitCode, 0) << exported.err.toStdString();
    expectOneLineFailure(runCli({QStringLiteral("import"), QStringLiteral("-f"), QStringLiteral("penn-action"),
                                 QString::fromStdString(dir.file("labels")), QStringLiteral("-p"), project}),
                         "another ActionLens process");
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

// pose: BlazePose through the real binary. Tests that need the installed models skip, with the
// binary's own message, when they are absent.

#include "core/annotation/project_store.h"

#include <QCoreApplication>

namespace {

const QString kPoseImage = QStringLiteral(ACTIONLENS_SHARED_DIR "/data/pose/astronaut.png");

// Runs `pose` and skips the calling test when the models are missing.
#define RUN_POSE_OR_SKIP(run, arguments)                                                               \
    const CliRun run = runCli(arguments);                                                              \
    if (run.exitCode == 1 && run.err.contains(QStringLiteral("not installed"))) ACTIONLENS_SKIP_UNLESS_REQUIRED(run.err.toStdString())

// A new project at `projectPath` holding one video: the image folder `folder` (25 fps).
void createProjectWithFolderVideo(const std::string& projectPath, const std::string& folder, int frames, int width, int height) {
    int argc = 0;
    std::unique_ptr<QCoreApplication> app;
    if (!QCoreApplication::instance()) app = std::make_unique<QCoreApplication>(argc, nullptr);
    auto store = annotation::ProjectStore::create(projectPath);
    ASSERT_TRUE(store.ok()) << store.error();
    annotation::Video video;
    video.path = folder;
    video.frameCount = frames;
    video.width = width;
    video.height = height;
    video.fps = 25;
    ASSERT_TRUE(store.value()->insertVideo(video).ok());
}

}  // namespace

TEST(Cli, PoseWritesLandmarksOfAnImageAsJson) {
    fixtures::TempDir dir;
    const QString out = QString::fromStdString(dir.file("pose.json"));
    RUN_POSE_OR_SKIP(run, (QStringList{QStringLiteral("pose"), kPoseImage, QStringLiteral("--model"), QStringLiteral("lite"),
                                       QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("-o"), out}));
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("1 of 1 frames with a pose"))) << run.err.toStdString();
    const QJsonObject json = QJsonDocument::fromJson(QByteArray::fromStdString(fixtures::readFileBytes(out.toStdString()))).object();
    EXPECT_EQ(json[QStringLiteral("width")].toInt(), 512);
    EXPECT_EQ(json[QStringLiteral("landmark_names")].toArray().size(), 33);
    const QJsonArray frames = json[QStringLiteral("frames")].toArray();
    ASSERT_EQ(frames.size(), 1);
    const QJsonArray persons = frames[0].toObject()[QStringLiteral("persons")].toArray();
    ASSERT_EQ(persons.size(), 1);
    const QJsonArray landmarks = persons[0].toObject()[QStringLiteral("landmarks")].toArray();
    ASSERT_EQ(landmarks.size(), 33);
    // The astronaut's nose (reference.json: about (239, 127)) and her visible left shoulder.
    EXPECT_NEAR(landmarks[0].toArray()[0].toDouble(), 239.0, 25.0);
    EXPECT_NEAR(landmarks[0].toArray()[1].toDouble(), 127.0, 25.0);
    EXPECT_GT(landmarks[11].toArray()[3].toDouble(), 0.5);
    EXPECT_EQ(landmarks[11].toArray().size(), 4);
    // --device auto (the default) says where it ran; an unknown device is refused by name.
    const QString device = json[QStringLiteral("device")].toString();
    EXPECT_TRUE(device == QStringLiteral("cpu") || device == QStringLiteral("cuda")) << device.toStdString();
    const CliRun nowhere = runCli({QStringLiteral("pose"), kPoseImage, QStringLiteral("--device"), QStringLiteral("gpu7")});
    EXPECT_EQ(nowhere.exitCode, 1);
    EXPECT_TRUE(nowhere.err.contains(QStringLiteral("'gpu7'"))) << nowhere.err.toStdString();
}

TEST(Cli, PoseStoresSkeletonFramesOfAVideoInAProject) {
    fixtures::TempDir dir;
    // A three-frame "video": a folder of images, here the same picture three times.
    std::filesystem::create_directories(dir.file("clip"));
    for (int i = 1; i <= 3; ++i) {
        std::filesystem::copy_file(kPoseImage.toStdString(), dir.file("clip/frame_000" + std::to_string(i) + ".png"));
    }
    const std::string projectPath = dir.file("p.alproj");
    ASSERT_NO_FATAL_FAILURE(createProjectWithFolderVideo(projectPath, dir.file("clip"), 3, 512, 512));
    const QString project = QString::fromStdString(projectPath);
    const QString clip = QString::fromStdString(dir.file("clip"));

    const CliRun alone = runCli({QStringLiteral("pose"), clip, QStringLiteral("-p"), project});
    EXPECT_EQ(alone.exitCode, 2) << "-p without --video";
    RUN_POSE_OR_SKIP(run, (QStringList{QStringLiteral("pose"), clip, QStringLiteral("--model"), QStringLiteral("lite"), QStringLiteral("--threads"),
                                       QStringLiteral("2"), QStringLiteral("-p"), project, QStringLiteral("--video"), QStringLiteral("1"),
                                       QStringLiteral("--layout"), QStringLiteral("COCO-17")}));
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("stored 3 skeleton frames (COCO-17)"))) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("estimating poses: 3/3"))) << run.err.toStdString();

    const CliRun info = runCli({QStringLiteral("info"), QStringLiteral("-p"), project});
    ASSERT_EQ(info.exitCode, 0) << info.err.toStdString();
    const QJsonObject counts = QJsonDocument::fromJson(info.out.toUtf8()).object();
    EXPECT_EQ(counts[QStringLiteral("skeleton_frames")].toInt(), 3);
    EXPECT_EQ(counts[QStringLiteral("subjects")].toInt(), 1);

    // The stored joints: COCO-17 order, source "model", visibility as confidence.
    const QString exported = QString::fromStdString(dir.file("p.json"));
    const CliRun native = runCli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("native"), QStringLiteral("-p"), project,
                                  QStringLiteral("-o"), exported});
    ASSERT_EQ(native.exitCode, 0) << native.err.toStdString();
    const std::string text = fixtures::readFileBytes(exported.toStdString());
    EXPECT_NE(text.find("\"model\""), std::string::npos);
    EXPECT_NE(text.find("pose estimate (video 1, BlazePose lite)"), std::string::npos);

    // The same clip as JSON: the detector runs on the first frame, the others are tracked.
    const QString json = QString::fromStdString(dir.file("clip.json"));
    const CliRun tracked = runCli({QStringLiteral("pose"), clip, QStringLiteral("--model"), QStringLiteral("lite"), QStringLiteral("--threads"),
                                   QStringLiteral("2"), QStringLiteral("-o"), json});
    ASSERT_EQ(tracked.exitCode, 0) << tracked.err.toStdString();
    const QJsonArray frames = QJsonDocument::fromJson(QByteArray::fromStdString(fixtures::readFileBytes(json.toStdString())))
                                  .object()[QStringLiteral("frames")].toArray();
    ASSERT_EQ(frames.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const QJsonArray persons = frames[i].toObject()[QStringLiteral("persons")].toArray();
        ASSERT_EQ(persons.size(), 1) << "frame " << i;
        EXPECT_EQ(persons[0].toObject()[QStringLiteral("detected")].toBool(), i == 0) << "frame " << i;
        EXPECT_DOUBLE_EQ(frames[i].toObject()[QStringLiteral("time")].toDouble(), i / 25.0);
    }

    // A second video that is not what the project recorded is refused before any inference.
    const CliRun wrong = runCli({QStringLiteral("pose"), sharedVideo(), QStringLiteral("--model"), QStringLiteral("lite"), QStringLiteral("-p"),
                                 project, QStringLiteral("--video"), QStringLiteral("1")});
    expectOneLineFailure(wrong, "is not the project's video 1");
}

TEST(Cli, PoseFindsSeveralPeopleAndStoresEachAsASubject) {
    fixtures::TempDir dir;
    // A three-frame folder of two astronauts side by side.
    auto single = media::loadImageAsFrame(kPoseImage.toStdString());
    ASSERT_TRUE(single.ok()) << single.error();
    const media::VideoFrame& one = *single.value();
    media::VideoFrame two;
    two.width = 2 * one.width;
    two.height = one.height;
    two.stride = 3 * two.width;
    two.rgb.resize(static_cast<std::size_t>(two.stride) * two.height);
    for (int y = 0; y < one.height; ++y)
        for (int half = 0; half < 2; ++half) std::copy_n(one.row(y), 3 * one.width, two.row(y) + half * 3 * one.width);
    std::filesystem::create_directories(dir.file("two"));
    for (int i = 1; i <= 3; ++i) ASSERT_TRUE(media::saveFrameImage(two, dir.file("two/frame_000" + std::to_string(i) + ".png")).ok());
    const QString clip = QString::fromStdString(dir.file("two"));
    // Each astronaut is half the detector's scale of the picture alone (scores 0.49 and 0.71).
    const QStringList common{QStringLiteral("pose"), clip, QStringLiteral("--model"), QStringLiteral("lite"), QStringLiteral("--threads"),
                             QStringLiteral("2"), QStringLiteral("--min-score"), QStringLiteral("0.3")};

    const QString json = QString::fromStdString(dir.file("two.json"));
    const QStringList toJson = common + QStringList{QStringLiteral("--people"), QStringLiteral("2"), QStringLiteral("-o"), json};
    RUN_POSE_OR_SKIP(run, toJson);
    ASSERT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("3 of 3 frames with a pose; 2 people"))) << run.err.toStdString();
    const QJsonArray frames = QJsonDocument::fromJson(QByteArray::fromStdString(fixtures::readFileBytes(json.toStdString())))
                                  .object()[QStringLiteral("frames")].toArray();
    ASSERT_EQ(frames.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const QJsonArray persons = frames[i].toObject()[QStringLiteral("persons")].toArray();
        ASSERT_EQ(persons.size(), 2) << "frame " << i;
        // Numbered 1 and 2 from left to right (they appeared together), one astronaut each.
        for (int p = 0; p < 2; ++p) {
            EXPECT_EQ(persons[p].toObject()[QStringLiteral("person")].toInt(), p + 1);
            const double noseX = persons[p].toObject()[QStringLiteral("landmarks")].toArray()[0].toArray()[0].toDouble();
            EXPECT_GE(noseX, p * one.width) << "frame " << i << ", person " << p + 1;
            EXPECT_LT(noseX, (p + 1) * one.width) << "frame " << i << ", person " << p + 1;
        }
    }

    // Into a project: one subject each.
    const std::string projectPath = dir.file("p.alproj");
    ASSERT_NO_FATAL_FAILURE(createProjectWithFolderVideo(projectPath, dir.file("two"), 3, two.width, two.height));
    const QString project = QString::fromStdString(projectPath);
    EXPECT_EQ(runCli(common + QStringList{QStringLiteral("--people"), QStringLiteral("2"), QStringLiteral("-p"), project,
                                          QStringLiteral("--video"), QStringLiteral("1"), QStringLiteral("--subject"), QStringLiteral("1")})
                  .exitCode,
              2)
        << "--subject takes one person";
    // INPUT left out: the project's file for video 1.
    QStringList fromProject = common;
    fromProject.removeAt(1);
    const CliRun stored = runCli(fromProject + QStringList{QStringLiteral("--people"), QStringLiteral("2"), QStringLiteral("-p"), project,
                                                           QStringLiteral("--video"), QStringLiteral("1")});
    ASSERT_EQ(stored.exitCode, 0) << stored.err.toStdString();
    EXPECT_TRUE(stored.err.contains(QStringLiteral("stored 6 skeleton frames (MediaPipe-33) for video 1, person 1: subject"))) << stored.err.toStdString();
    const QJsonObject counts = QJsonDocument::fromJson(runCli({QStringLiteral("info"), QStringLiteral("-p"), project}).out.toUtf8()).object();
    EXPECT_EQ(counts[QStringLiteral("skeleton_frames")].toInt(), 6);
    EXPECT_EQ(counts[QStringLiteral("subjects")].toInt(), 2);
    EXPECT_EQ(runCli(common + QStringList{QStringLiteral("--people"), QStringLiteral("0")}).exitCode, 2);
    EXPECT_EQ(runCli(fromProject).exitCode, 2) << "no INPUT and no project video";
    EXPECT_EQ(runCli(common + QStringList{clip}).exitCode, 2) << "two INPUTs";
    // Both detectors, on 2 x 2 tiles: still each astronaut, and the tile count is checked.
    const CliRun both = runCli(common + QStringList{QStringLiteral("--people"), QStringLiteral("2"), QStringLiteral("--detector"),
                                                    QStringLiteral("both"), QStringLiteral("--tiles"), QStringLiteral("2"),
                                                    QStringLiteral("-o"), json});
    ASSERT_EQ(both.exitCode, 0) << both.err.toStdString();
    EXPECT_TRUE(both.err.contains(QStringLiteral("3 of 3 frames with a pose"))) << both.err.toStdString();
    for (const char* tiles : {"0", "5", "two"})
        EXPECT_EQ(runCli(common + QStringList{QStringLiteral("--tiles"), QLatin1String(tiles)}).exitCode, 2) << tiles;
    const CliRun unknown = runCli(common + QStringList{QStringLiteral("--detector"), QStringLiteral("yolo")});
    EXPECT_EQ(unknown.exitCode, 2);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("blazepose, hog or both"))) << unknown.err.toStdString();
}

TEST(Cli, PoseWithoutModelsSaysHowToInstallThem) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("ACTIONLENS_POSE_MODELS"), QStringLiteral("/nonexistent/pose-models"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(ACTIONLENS_CLI_PATH), {QStringLiteral("pose"), kPoseImage});
    ASSERT_TRUE(process.waitForFinished(60000));
    CliRun run;
    run.exitCode = process.exitCode();
    run.err = QString::fromUtf8(process.readAllStandardError());
    expectOneLineFailure(run, "packaging/install-pose-models.sh");
}
