// gui_training_bench: what training from the window costs, on the real Penn Action training split.
//
//   gui_training_bench [--limit N] [--epochs E] [--threads T] [--rounds R] [--no-playback]
//
// The Penn Action sequences (../shared/data/penn_action/train, all 1,258 unless --limit) are
// imported into a temporary project; then, in R interleaved rounds, the same config trains
//  1. as `actionlens-cli train` does: clips read, train::trainModel on this thread;
//  2. as Model > Train does: a TrainingSession job with the Training dock following it live
//     (offscreen), while a PlayerController plays a 25 fps video at 1x in a VideoView.
// Throughput is the clips per second of each epoch's training (the engine's own figure, reading
// excluded), averaged over the epochs; the ratio 2 / 1 is what the window costs. The longest
// GUI event-loop stall during 2 is the longest gap between ticks of a 1 ms timer. Runs with
// QT_QPA_PLATFORM=offscreen (set here when unset). Asserts no time.

#include "core/annotation/project_store.h"
#include "core/clips/project_dataset.h"
#include "core/formats/format_registry.h"
#include "core/train/trainer.h"
#include "core/train/training_items.h"
#include "tests/bench/bench_failure.h"
#include "tests/support/test_videos.h"
#include "ui/document/project_document.h"
#include "ui/learning/training_dashboard.h"
#include "ui/learning/training_session.h"
#include "ui/player/player_controller.h"
#include "ui/player/video_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <numeric>
#include <string>
#include <vector>

using namespace actionlens;
using actionlens::bench::die;
using actionlens::bench::need;

namespace {

struct Options {
    int limit = 0;  // 0: every sequence
    int epochs = 3;
    int threads = 1;
    int rounds = 2;
    bool playback = true;
};

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> int {
            if (i + 1 >= argc) die(a + " needs a value");
            return std::atoi(argv[++i]);
        };
        if (a == "--limit") o.limit = next();
        else if (a == "--epochs") o.epochs = next();
        else if (a == "--threads") o.threads = next();
        else if (a == "--rounds") o.rounds = next();
        else if (a == "--no-playback") o.playback = false;
        else die("unknown option " + a + " (see the comment at the top of gui_training_bench.cpp)");
    }
    if (o.epochs < 1 || o.rounds < 1 || o.threads < 0) die("--epochs and --rounds must be >= 1, --threads >= 0");
    return o;
}

double meanClipsPerSecond(const std::vector<double>& perEpoch) {
    return perEpoch.empty() ? 0.0 : std::accumulate(perEpoch.begin(), perEpoch.end(), 0.0) / double(perEpoch.size());
}

// 1. The command line's way.
double trainLikeTheCli(const std::string& project, const train::TrainConfig& config) {
    auto store = need(annotation::ProjectStore::openReadOnly(project), "open the project");
    auto read = need(clips::readLabelledDataset(*store), "read the clips");
    store.reset();
    const train::TrainingItems items = need(train::chooseTrainingItems(read.dataset, "train", config), "choose the clips");
    std::vector<double> rates;
    train::TrainingCallbacks callbacks;
    callbacks.epochEnd = [&](const train::EpochReport& r) { rates.push_back(r.clipsPerSecond); };
    train::TrainingRequest request;
    request.dataset = &read.dataset;
    request.trainItems = items.train;
    request.validationItems = items.validation;
    request.config = config;
    need(train::trainModel(request, callbacks), "train");
    return meanClipsPerSecond(rates);
}

struct WindowRun {
    double clipsPerSecond = 0;
    double longestStallMs = 0;
    int framesShown = 0;
};

// 2. The window's way, with the dashboard live and a video playing.
WindowRun trainLikeTheWindow(const QString& project, const train::TrainConfig& config, const QString& video) {
    ui::ProjectDocument document;
    if (QString error = document.open(project); !error.isEmpty()) die(error.toStdString());
    ui::TrainingSession session(document);
    ui::TrainingDashboard dashboard;
    dashboard.resize(1400, 500);
    dashboard.show();
    ui::VideoView view;
    view.resize(800, 450);
    view.show();
    ui::PlayerController player;
    WindowRun out;
    if (!video.isEmpty()) {
        if (QString error = player.open(video); !error.isEmpty()) die(error.toStdString());
        QObject::connect(&player, &ui::PlayerController::frameShown, &view, [&](int, media::FramePtr picture) {
            view.setFrame(std::move(picture));
            ++out.framesShown;
        });
        player.setLoop(std::make_pair(0, player.frameCount() - 1));
    }
    std::vector<double> rates;
    QObject::connect(&session, &ui::TrainingSession::epochDone, [&](const ui::EpochPoint& p) { rates.push_back(p.clipsPerSecond); });
    QEventLoop loop;
    QString failure;
    QObject::connect(&session, &ui::TrainingSession::finished, &loop, [&](annotation::RunStatus status, const QString& message) {
        if (status != annotation::RunStatus::Finished) failure = message;
        loop.quit();
    });
    ui::TrainingSettings settings;
    settings.config = config;
    settings.split = QStringLiteral("train");
    QElapsedTimer sinceTick;
    qint64 longestGapNs = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        longestGapNs = std::max(longestGapNs, sinceTick.nsecsElapsed());
        sinceTick.restart();
    });
    if (QString refused = session.start(settings); !refused.isEmpty()) die(refused.toStdString());
    dashboard.follow(&session);
    // Measured once the clips are read (the window's part starts with the curves).
    QObject::connect(&session, &ui::TrainingSession::started, [&] {
        sinceTick.start();
        ticker.start();
        if (!video.isEmpty()) player.play();
    });
    loop.exec();
    ticker.stop();
    player.pause();
    if (!failure.isEmpty()) die("the window's run: " + failure.toStdString());
    out.clipsPerSecond = meanClipsPerSecond(rates);
    out.longestStallMs = longestGapNs * 1e-6;
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (!std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 1);
    setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
    QApplication app(argc, argv);
    const Options o = parse(argc, argv);
    QTemporaryDir dir;
    if (!dir.isValid()) die("no temporary folder");
    const std::string project = dir.filePath(QStringLiteral("penn.alproj")).toStdString();
    {
        auto store = need(annotation::ProjectStore::create(project), "create the project");
        std::string source = ACTIONLENS_PENN_TRAIN_DIR;
        if (o.limit > 0) {  // the first N label files, in name order
            std::vector<std::filesystem::path> files;
            for (const auto& entry : std::filesystem::directory_iterator(source))
                if (entry.path().extension() == ".mat") files.push_back(entry.path());
            std::sort(files.begin(), files.end());
            source = dir.filePath(QStringLiteral("labels")).toStdString();
            std::filesystem::create_directories(source);
            for (size_t i = 0; i < files.size() && int(i) < o.limit; ++i)
                std::filesystem::copy_file(files[i], std::filesystem::path(source) / files[i].filename());
        }
        need(formats::importProject("penn-action", source, *store), "import Penn Action");
        const annotation::ProjectCounts counts = need(store->counts(), "count");
        std::printf("Penn Action training split: %lld sequences imported\n", static_cast<long long>(counts.videos));
    }
    QString video;
    if (o.playback) {
        fixtures::StampedVideoSpec spec;
        spec.frames = 250;
        video = QString::fromStdString(fixtures::makeStampedVideo(dir.filePath(QStringLiteral("play.mp4")).toStdString(), spec));
    }
    train::TrainConfig config;
    config.epochs = o.epochs;
    config.threads = o.threads;
    config.device = "cpu";
    config.earlyStoppingPatience = 0;
    std::vector<double> cli, window, stalls;
    int shown = 0;
    for (int round = 0; round < o.rounds; ++round) {
        cli.push_back(trainLikeTheCli(project, config));
        const WindowRun w = trainLikeTheWindow(QString::fromStdString(project), config, video);
        window.push_back(w.clipsPerSecond);
        stalls.push_back(w.longestStallMs);
        shown += w.framesShown;
        std::printf("round %d: command line %.1f clips/s, window %.1f clips/s (%.3f), longest GUI stall %.1f ms%s\n", round + 1,
                    cli.back(), window.back(), window.back() / std::max(1e-9, cli.back()), w.longestStallMs,
                    o.playback ? qPrintable(QStringLiteral(", %1 video frames shown").arg(w.framesShown)) : "");
    }
    const double c = meanClipsPerSecond(cli), w = meanClipsPerSecond(window);
    std::printf("mean over %d rounds (%d epochs, %d LibTorch threads): command line %.1f clips/s, window %.1f clips/s, "
                "ratio %.3f; longest GUI stall %.1f ms\n",
                o.rounds, o.epochs, o.threads, c, w, w / std::max(1e-9, c), *std::max_element(stalls.begin(), stalls.end()));
    return 0;
}
