// The presentation view's camera: C brings the start screen, a camera (a lavfi test pattern
// here) takes the view with live frames, a camera that ends brings the start screen back with
// the reason and can be picked again, a device string that is no camera is refused with what to
// type, V goes back to the project's videos; and `actionlens --present --camera` end to end.

#include "core/live/live_pipeline.h"
#include "gui_process.h"
#include "pose_test_support.h"
#include "ui/player/player_controller.h"
#include "ui/player/video_view.h"
#include "ui/present/confidence_panel.h"
#include "ui/present/live_camera.h"
#include "ui/present/presentation_start_screen.h"
#include "ui/present/presentation_view.h"
#include "ui/window/main_window.h"
#include "ui_project_fixture.h"
#include "ui_test_wait.h"

#include <QApplication>
#include <QFileInfo>
#include <QImage>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

TEST(PresentationCamera, ACameraThatEndsBringsTheStartScreenBackWithTheReason) {
    ACTIONLENS_REQUIRE_LITE_POSE_MODEL();
    QTemporaryDir dir;
    MainWindow window;
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_EQ(window.openProject(uitest::copyOfProject(dir)), QString());
    ASSERT_TRUE(uitest::waitUntil([&] { return window.player().isOpen() && window.view().frame(); }));
    PresentationView* view = window.openPresentation(false);
    ASSERT_NE(view, nullptr);
    EXPECT_EQ(view->source(), PresentationView::Source::Videos);

    // C: the start screen, the current video offered as a camera.
    QTest::keyClick(view, Qt::Key_C);
    EXPECT_TRUE(view->isShowingStartScreen());
    EXPECT_FALSE(window.player().isPlaying());

    // A device string that is no camera: the start screen says what to type.
    view->startScreen().setDevice(QStringLiteral("webcam"));
    // The keys go to the active window's focus (offscreen, the main window may take it back).
    QApplication::setActiveWindow(view);
    QTest::keyClick(view->startScreen().deviceEdit(), Qt::Key_Return);
    ASSERT_TRUE(uitest::waitUntil([&] { return view->startScreen().message().contains(QStringLiteral("/dev/videoN")); }, 20000))
        << view->startScreen().message().toStdString();
    EXPECT_TRUE(view->isShowingStartScreen());

    // A test pattern of one second: frames on the view, then the start screen with the reason.
    EXPECT_EQ(view->startCamera(QStringLiteral("lavfi:testsrc=size=320x240:rate=25:duration=1")), QString());
    EXPECT_FALSE(view->isShowingStartScreen());
    ASSERT_TRUE(uitest::waitUntil([&] { return view->camera().framesShown() > 0 && view->view().frame(); }, 60000));
    EXPECT_EQ(view->view().frame()->width, 320);
    EXPECT_EQ(view->source(), PresentationView::Source::Camera);
    ASSERT_TRUE(uitest::waitUntil([&] { return view->isShowingStartScreen(); }, 60000));
    EXPECT_TRUE(view->startScreen().message().contains(QStringLiteral("The camera stopped"))) << view->startScreen().message().toStdString();
    EXPECT_TRUE(view->startScreen().message().contains(QStringLiteral("ended"))) << view->startScreen().message().toStdString();
    EXPECT_TRUE(uitest::waitUntil([&] { return !view->camera().isRunning(); }, 20000));

    // Picked again: an endless pattern runs until the project's videos are chosen (V).
    EXPECT_EQ(view->startCamera(QStringLiteral("lavfi:testsrc=size=160x120:rate=25")), QString());
    const qint64 before = view->camera().framesShown();
    ASSERT_TRUE(uitest::waitUntil([&] { return view->camera().framesShown() > before + 3; }, 60000));
    ASSERT_TRUE(view->camera().latest());
    EXPECT_GE(view->camera().latest()->counts.read, view->camera().latest()->processed + 1);
    QTest::keyClick(view, Qt::Key_V);
    EXPECT_EQ(view->source(), PresentationView::Source::Videos);
    EXPECT_FALSE(view->isShowingStartScreen());
    ASSERT_TRUE(uitest::waitUntil([&] { return !view->camera().isRunning(); }, 20000));
    ASSERT_TRUE(view->view().frame());
    EXPECT_EQ(view->view().frame()->width, window.view().frame()->width) << "the project's video is back on the view";
    window.player().seek(3);
    ASSERT_TRUE(uitest::waitUntil([&] { return view->view().frame() && view->view().frame()->index == 3; }));

    // Leaving while a camera runs stops it.
    EXPECT_EQ(view->startCamera(QStringLiteral("lavfi:testsrc=size=160x120:rate=25")), QString());
    ASSERT_TRUE(uitest::waitUntil([&] { return view->camera().framesShown() > 0; }, 60000));
    QTest::keyClick(view, Qt::Key_Escape);
    ASSERT_TRUE(uitest::waitUntil([&] { return window.presentation() == nullptr; }));
}

TEST(PresentationCamera, CommandLineScreenshotAndABadDevice) {
    ACTIONLENS_REQUIRE_LITE_POSE_MODEL();
    QTemporaryDir dir;
    const QString project = uitest::copyOfProject(dir);
    const QString shot = dir.filePath(QStringLiteral("camera.png"));
    const uitest::GuiRun run = uitest::runGui(
        {project, QStringLiteral("--present"), QStringLiteral("--camera"), QStringLiteral("lavfi:testsrc=size=320x240:rate=25"),
         QStringLiteral("--screenshot"), shot});
    EXPECT_EQ(run.exitCode, 0) << run.errors.toStdString();
    const QImage image(shot);
    EXPECT_EQ(image.size(), QSize(1600, 900));

    const uitest::GuiRun bad = uitest::runGui({project, QStringLiteral("--present"), QStringLiteral("--camera"), QStringLiteral("webcam"),
                                               QStringLiteral("--screenshot"), shot});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_TRUE(bad.errors.contains(QStringLiteral("/dev/videoN"))) << bad.errors.toStdString();
    const uitest::GuiRun alone = uitest::runGui({project, QStringLiteral("--camera"), QStringLiteral("/dev/video0")});
    EXPECT_EQ(alone.exitCode, 1);
    EXPECT_TRUE(alone.errors.contains(QStringLiteral("--camera goes with --present"))) << alone.errors.toStdString();
}
