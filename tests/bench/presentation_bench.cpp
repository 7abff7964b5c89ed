// presentation_bench: the presentation view (View > Presentation) playing a video at its own
// frame rate, without and with the explanation map over it, and how fast the newest model reads
// the whole video for the live bars, against the video's own duration:
//
//   presentation_bench [PROJECT.alproj] [--video N] [--seconds 8] [--size 1600x900]
//
// Without a project it renders a small demo (3 videos, 320 x 240) and trains a tiny model
// first (a smoke run). The view is offscreen at --size; frames drawn per second are counted on
// the view's paints while the window's player plays at 1x for --seconds, then again with the
// Explanations dock on (the map of the segment under the playhead over the video). Prints the
// figures and ratios; asserts no time.

#include "core/annotation/project_store.h"
#include "core/synth/motion_library.h"
#include "core/synth/synth_project.h"
#include "tests/bench/bench_failure.h"
#include "ui/explain/explanation_overlay.h"
#include "ui/explain/explanation_session.h"
#include "ui/learning/training_session.h"
#include "ui/player/video_view.h"
#include "ui/present/confidence_panel.h"
#include "ui/present/live_predictions.h"
#include "ui/present/presentation_view.h"
#include "ui/window/main_window.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>

using namespace actionlens;
using actionlens::bench::die;

namespace {

struct Options {
    QString project;
    int video = 0;
    double seconds = 8.0;
    int width = 1600;
    int height = 900;
};

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) die(a + " needs a value");
            return argv[++i];
        };
        if (a == "--video") o.video = std::atoi(next().c_str());
        else if (a == "--seconds") o.seconds = std::max(0.5, std::atof(next().c_str()));
        else if (a == "--size") {
            if (std::sscanf(next().c_str(), "%dx%d", &o.width, &o.height) != 2) die("--size wants WxH");
        } else if (a.rfind("--", 0) == 0) die("unknown option " + a);
        else o.project = QString::fromStdString(a);
    }
    return o;
}

bool waitFor(const std::function<bool()>& done, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs) return false;
        QEventLoop loop;
        QTimer::singleShot(10, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

// A small rendered project with a tiny trained model, for the smoke run.
QString smokeProject(const QTemporaryDir& dir) {
    const QString path = dir.filePath(QStringLiteral("smoke.alproj"));
    synth::SynthSettings settings;
    settings.projectPath = path.toStdString();
    settings.videos = 3;
    settings.width = 320;
    settings.height = 240;
    auto motions = synth::builtInMotions(settings.fps);
    if (!motions) die(motions.error());
    if (auto made = synth::synthesiseProject(settings, motions.value()); !made) die(made.error());
    return path;
}

void trainTiny(ui::ProjectDocument& document) {
    ui::TrainingSettings s;
    s.split = QStringLiteral("all");
    s.config.frames = 16;
    s.config.trunk.channels = {8, 16};
    s.config.trunk.temporalStrides = {1, 2};
    s.config.attentionHidden = 8;
    s.config.epochs = 3;
    s.config.batchSize = 4;
    s.config.threads = 1;
    s.config.device = "cpu";
    s.config.warmupEpochs = 1;
    s.config.earlyStoppingPatience = 0;
    ui::TrainingSession session(document);
    bool done = false;
    QObject::connect(&session, &ui::TrainingSession::finished, [&] { done = true; });
    if (const QString refused = session.start(s); !refused.isEmpty()) die(refused.toStdString());
    if (!waitFor([&] { return done; }, 600000)) die("the smoke model did not train");
}

// Frames drawn per second while the player plays at 1x for `seconds`, and the frames the
// playhead advanced per second (the video's pace as played).
std::pair<double, double> playAndCount(ui::MainWindow& window, ui::PresentationView& view, double seconds, int* paintsWithMap = nullptr) {
    int paints = 0;
    auto connection = QObject::connect(&view.view(), &ui::VideoView::framePainted, [&] {
        ++paints;
        if (paintsWithMap && window.explanationOverlay() && window.explanationOverlay()->result()) ++*paintsWithMap;
    });
    window.player().seek(0);
    waitFor([&] { return window.player().currentFrame() == 0; }, 10000);
    const int start = window.player().currentFrame();
    paints = 0;
    QElapsedTimer clock;
    clock.start();
    window.player().play();
    waitFor([&] { return clock.elapsed() >= qint64(seconds * 1000); }, int(seconds * 1000) + 5000);
    window.player().pause();
    const double elapsed = double(clock.elapsed()) / 1000.0;
    QObject::disconnect(connection);
    return {paints / elapsed, (window.player().currentFrame() - start) / elapsed};
}

}  // namespace

int main(int argc, char** argv) {
    if (!std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 1);
    QApplication app(argc, argv);
    Options o = parse(argc, argv);
    QTemporaryDir smokeDir;
    ui::MainWindow window;
    window.resize(1280, 800);
    window.show();
    const bool smoke = o.project.isEmpty();
    if (smoke) o.project = smokeProject(smokeDir);
    if (const QString error = window.openProject(o.project); !error.isEmpty()) die(error.toStdString());
    if (smoke) trainTiny(window.document());
    const auto& videos = window.document().videos();
    if (o.video < 0 || o.video >= int(videos.size())) die("--video is out of range");
    const annotation::Video video = videos[size_t(o.video)];
    window.openProjectVideo(video.id, 0);
    if (!waitFor([&] { return window.player().isOpen() && window.view().frame(); }, 60000)) die("the video did not open");

    ui::PresentationView* view = window.openPresentation(false);
    if (!view) die("no presentation view (no project or no learning engine)");
    view->resize(o.width, o.height);
    if (!waitFor([&] { return !view->predictions().isRunning() && view->predictions().isReady(); }, 600000))
        die("the model did not read the video: " + view->panel().message().toStdString());
    const double duration = video.fps > 0 ? double(video.frameCount) / video.fps : 0.0;
    const double reading = view->predictions().secondsTaken();

    const auto [plain, plainPace] = playAndCount(window, *view, o.seconds);
    std::string explained = "not measured (no explanation)";
    double withMap = 0, withMapPace = 0;
    int paintsWithMap = 0;
    if (window.showExplanation(0).isEmpty()) {
        waitFor([&] { return window.explanationSession() && !window.explanationSession()->isBusy(); }, 600000);
        std::tie(withMap, withMapPace) = playAndCount(window, *view, o.seconds, &paintsWithMap);
    }
    std::printf("presentation_bench: %s, video %d (%lld frames at %.2f fps, %.1f s), view %dx%d, model on %s\n",
                o.project.toStdString().c_str(), o.video, (long long)video.frameCount, video.fps, duration, o.width, o.height,
                view->predictions().device().c_str());
    std::printf("  model reads the whole video:   %.2f s = %.1fx real time (loading the model included)\n", reading,
                reading > 0 ? duration / reading : 0.0);
    std::printf("  drawn while playing at 1x:      %.1f frames/s (playhead %.1f frames/s; video %.2f fps; ratio %.2f)\n", plain,
                plainPace, video.fps, video.fps > 0 ? plain / video.fps : 0.0);
    if (withMap > 0)
        std::printf("  with the explanation map:       %.1f frames/s (playhead %.1f frames/s; ratio to without %.2f; a map on %.0f %% of them)\n",
                    withMap, withMapPace, plain > 0 ? withMap / plain : 0.0,
                    withMap > 0 ? 100.0 * paintsWithMap / (withMap * o.seconds) : 0.0);
    else
        std::printf("  with the explanation map:       %s\n", explained.c_str());
    window.closePresentation();
    return 0;
}
