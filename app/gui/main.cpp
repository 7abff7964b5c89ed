// actionlens: the desktop workstation. Wiring only: the window is in main_window.cpp, the
// widgets and the player in ui/.
//
//   actionlens [VIDEO] [--frame N] [--screenshot OUT.png]
//
// --screenshot opens VIDEO, shows frame N, waits until that frame has been painted, saves the
// window to OUT.png and exits (0, or 1 with a one-line reason): for docs and end-to-end tests.

#include "app/gui/main_window.h"
#include "build_info.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QTimer>

#include <cstdio>

using actionlens::app::MainWindow;

namespace {

constexpr int kScreenshotTimeoutMs = 60000;

int fail(const QString& message) {
    std::fprintf(stderr, "actionlens: %s\n", qPrintable(message));
    return 1;
}

// Shows `frame`, waits for the view to paint it, and saves the window.
int takeScreenshot(MainWindow& window, int frame, const QString& outPath) {
    QEventLoop loop;
    QString error;
    bool painted = false;
    QObject::connect(&window.view(), &actionlens::ui::VideoView::framePainted, &loop, [&](int paintedFrame) {
        if (paintedFrame != frame) return;
        painted = true;
        loop.quit();
    });
    QObject::connect(&window.player(), &actionlens::ui::PlayerController::frameFailed, &loop,
                     [&](int failed, const QString& message) {
                         if (failed != frame) return;
                         error = QStringLiteral("frame %1 could not be decoded: %2").arg(frame).arg(message);
                         loop.quit();
                     });
    QTimer::singleShot(kScreenshotTimeoutMs, &loop, [&] {
        error = QStringLiteral("frame %1 was not shown within %2 s").arg(frame).arg(kScreenshotTimeoutMs / 1000);
        loop.quit();
    });
    window.player().seek(frame);
    window.view().update();  // the frame may already be on screen (frame 0): paint it again
    if (!painted && error.isEmpty()) loop.exec();
    if (!painted) return fail(error);
    if (!window.grab().save(outPath)) return fail(QStringLiteral("cannot write %1").arg(outPath));
    return 0;
}

}  // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("actionlens"));
    QApplication::setApplicationVersion(QStringLiteral(ACTIONLENS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("ActionLens: annotate, learn and explain human actions in video."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("VIDEO"), QStringLiteral("Video file or image folder to open."), QStringLiteral("[VIDEO]"));
    const QCommandLineOption frameOption(QStringLiteral("frame"), QStringLiteral("Show frame N (0-based)."), QStringLiteral("N"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"), QStringLiteral("Save the window with the frame shown to OUT.png and exit."),
        QStringLiteral("OUT.png"));
    parser.addOption(frameOption);
    parser.addOption(screenshotOption);
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) return fail(QStringLiteral("expected at most one video, got %1").arg(positional.size()));
    int frame = 0;
    if (parser.isSet(frameOption)) {
        bool ok = false;
        frame = parser.value(frameOption).toInt(&ok);
        if (!ok || frame < 0) return fail(QStringLiteral("--frame wants a frame number >= 0, got '%1'").arg(parser.value(frameOption)));
    }
    const bool screenshot = parser.isSet(screenshotOption);
    if (screenshot && positional.isEmpty()) return fail(QStringLiteral("--screenshot needs a VIDEO to open"));

    MainWindow window;
    if (!positional.isEmpty()) {
        const QString error = window.openVideo(positional.first());
        if (!error.isEmpty()) return fail(error);
        const int frames = window.player().frameCount();
        if (frame >= frames) {
            return fail(QStringLiteral("frame %1 is out of range (the video has %2 frames: 0-%3)").arg(frame).arg(frames).arg(frames - 1));
        }
    }
    window.show();
    if (screenshot) return takeScreenshot(window, frame, parser.value(screenshotOption));
    if (frame > 0) window.player().seek(frame);
    return app.exec();
}
