// End to end: the `actionlens` executable with --screenshot, run as a user or a docs script
// would, and the PNG read back.

#include "core/media/frame_stamp.h"
#include "gui_process.h"
#include "tests/support/test_videos.h"
#include "ui_project_fixture.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <optional>

using namespace actionlens;

namespace {

constexpr QRgb kViewBackground = qRgb(24, 24, 24);

// The video picture inside the window grab, scaled back to the video's size, so that the
// frame stamp can be read. The test video is wider than the window's view, so the picture
// spans the window's width and is letterboxed above and below by the view's background.
std::optional<QImage> videoPictureIn(const QImage& shot, int videoWidth, int videoHeight) {
    const int x = shot.width() / 2;
    int y = 0;
    while (y < shot.height() && shot.pixel(x, y) != kViewBackground) ++y;  // menu bar
    while (y < shot.height() && shot.pixel(x, y) == kViewBackground) ++y;  // upper letterbox
    const int height = shot.width() * videoHeight / videoWidth;
    if (y + height > shot.height()) return std::nullopt;
    return shot.copy(0, y, shot.width(), height)
        .scaled(videoWidth, videoHeight, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
        .convertToFormat(QImage::Format_RGB888);
}

}  // namespace

TEST(GuiScreenshot, ShowsTheRequestedFrame) {
    fixtures::TempDir dir;
    fixtures::StampedVideoSpec spec;
    spec.frames = 60;
    spec.width = 320;
    spec.height = 120;
    const std::string video = fixtures::makeStampedVideo(dir.file("wide.mp4"), spec);
    const QString out = QString::fromStdString(dir.file("out.png"));

    const uitest::GuiRun run = uitest::runGui({QString::fromStdString(video), QStringLiteral("--frame"), QStringLiteral("37"),
                                  QStringLiteral("--screenshot"), out});
    ASSERT_EQ(run.exitCode, 0) << run.errors.toStdString();
    QImage shot(out);
    ASSERT_FALSE(shot.isNull()) << "no PNG at " << out.toStdString();
    EXPECT_GE(shot.width(), 640);
    EXPECT_GE(shot.height(), 400);

    const std::optional<QImage> picture = videoPictureIn(shot, spec.width, spec.height);
    ASSERT_TRUE(picture) << "the video picture was not found in the screenshot";
    const auto stamp = media::readFrameStamp(picture->constBits(), picture->width(), picture->height(),
                                             static_cast<int>(picture->bytesPerLine()));
    ASSERT_TRUE(stamp) << "the frame stamp does not read in the screenshot";
    EXPECT_EQ(*stamp, 37);
}

TEST(GuiScreenshot, FailsWithOneLineForBadInput) {
    fixtures::TempDir dir;
    const QString out = QString::fromStdString(dir.file("out.png"));
    const uitest::GuiRun missing = uitest::runGui({QStringLiteral("/nonexistent/video.mp4"), QStringLiteral("--screenshot"), out});
    EXPECT_EQ(missing.exitCode, 1);
    // One line of ours (Qt may add its own warnings on other lines).
    int ourLines = 0;
    for (const QString& line : missing.errors.split(QLatin1Char('\n'))) {
        if (line.startsWith(QStringLiteral("actionlens: "))) ++ourLines;
    }
    EXPECT_EQ(ourLines, 1) << missing.errors.toStdString();

    const uitest::GuiRun outOfRange = uitest::runGui({QString::fromStdString(fixtures::sharedLongGopVideo()), QStringLiteral("--frame"),
                                         QStringLiteral("600"), QStringLiteral("--screenshot"), out});
    EXPECT_EQ(outOfRange.exitCode, 1);
    EXPECT_TRUE(outOfRange.errors.contains(QStringLiteral("out of range"))) << outOfRange.errors.toStdString();
    EXPECT_FALSE(QFile::exists(out));
}

// --help and --version need no display: on a server with neither X nor a Qt platform chosen
// they print and exit 0 instead of failing to open a window.
TEST(GuiScreenshot, SavesTheTaxonomyEditorAlone) {
    QTemporaryDir dir;
    const QString project = uitest::copyOfProject(dir);
    const QString out = dir.filePath(QStringLiteral("taxonomy.png"));
    const uitest::GuiRun run = uitest::runGui({project, QStringLiteral("--dialog"), QStringLiteral("taxonomy"), QStringLiteral("--screenshot"), out});
    ASSERT_EQ(run.exitCode, 0) << run.errors.toStdString();
    const QImage shot(out);
    ASSERT_FALSE(shot.isNull()) << "no PNG at " << out.toStdString();
    EXPECT_GE(shot.width(), 820);
    EXPECT_GE(shot.height(), 560);

    const QString none = dir.filePath(QStringLiteral("none.png"));
    const uitest::GuiRun bogus = uitest::runGui({project, QStringLiteral("--dialog"), QStringLiteral("bogus"), QStringLiteral("--screenshot"), none});
    EXPECT_EQ(bogus.exitCode, 1);
    EXPECT_TRUE(bogus.errors.contains(QStringLiteral("unknown --dialog"))) << bogus.errors.toStdString();
    const uitest::GuiRun noProject = uitest::runGui({QStringLiteral("--dialog"), QStringLiteral("taxonomy"), QStringLiteral("--screenshot"), none});
    EXPECT_EQ(noProject.exitCode, 1);
    EXPECT_TRUE(noProject.errors.contains(QStringLiteral("--dialog goes with a project"))) << noProject.errors.toStdString();
    EXPECT_FALSE(QFile::exists(none));
}

TEST(GuiScreenshot, HelpAndVersionWorkWithoutADisplay) {
    for (const char* option : {"--help", "--version"}) {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}) environment.remove(QString::fromLatin1(name));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(ACTIONLENS_GUI_PATH), {QString::fromLatin1(option)});
        ASSERT_TRUE(process.waitForFinished(60000)) << option;
        EXPECT_EQ(process.exitStatus(), QProcess::NormalExit) << option;
        EXPECT_EQ(process.exitCode(), 0) << option << ": " << process.readAllStandardError().toStdString();
        const QString out = QString::fromLocal8Bit(process.readAllStandardOutput());
        EXPECT_TRUE(out.contains(QLatin1String(std::string(option) == "--help" ? "--screenshot" : "actionlens")))
            << option << ": " << out.toStdString();
    }
}
