// view_bench: what the player's view sustains with skeleton overlays, against decoding alone.
//
//   view_bench [--size 1920x1080] [--frames 150] [--skeletons 5] [--no-boxes] [--rounds 3] [--play-seconds 4]
//
// 1. Throughput, interleaved rounds on one H.264 file the benchmark makes: decoding alone
//    (VideoFileSource::readFrame in order, RGB24) vs decoding + showing each frame in a 1280x720
//    VideoView with N COCO-17 skeletons (boxes and names too) painted over it, with frames
//    decoded as RGB24 and as BGRX32 (what the player asks for: Qt paints it fastest). The ratio
//    is the share of the decode rate the view keeps.
// 2. Playback through PlayerController at 1x (timestamp-paced, decoder thread) with the same
//    overlays: frames shown per second of video, and the longest GUI-thread stall, measured as
//    the longest gap between ticks of a 1 ms timer on the GUI thread.
// Runs with QT_QPA_PLATFORM=offscreen (set here when unset). Asserts no time.

#include "core/annotation/skeleton_layout.h"
#include "core/media/frame_source.h"
#include "core/media/frame_stamp.h"
#include "core/media/video_encoder.h"
#include "tests/bench/bench_failure.h"
#include "ui/player/player_controller.h"
#include "ui/player/skeleton_overlay.h"
#include "ui/player/video_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QWindow>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

using namespace actionlens;
using actionlens::bench::die;

namespace {

struct Options {
    int width = 1920;
    int height = 1080;
    int frames = 150;
    int skeletons = 5;
    int rounds = 3;
    double playSeconds = 4.0;
    bool boxes = true;
};

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) die(a + " needs a value");
            return argv[++i];
        };
        if (a == "--size") {
            if (std::sscanf(next().c_str(), "%dx%d", &o.width, &o.height) != 2 || o.width < 64 || o.height < 64 || o.width % 2 || o.height % 2)
                die("--size wants WxH, even, at least 64x64");
        } else if (a == "--frames") {
            o.frames = std::max(10, std::atoi(next().c_str()));
        } else if (a == "--skeletons") {
            o.skeletons = std::max(0, std::atoi(next().c_str()));
        } else if (a == "--rounds") {
            o.rounds = std::max(1, std::atoi(next().c_str()));
        } else if (a == "--no-boxes") {
            o.boxes = false;
        } else if (a == "--play-seconds") {
            o.playSeconds = std::max(0.5, std::atof(next().c_str()));
        } else {
            die("unknown option " + a);
        }
    }
    return o;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// N skeletons spread over the picture, moving a little each frame.
std::vector<ui::OverlaySkeleton> skeletonsFor(int frame, const Options& o) {
    const annotation::SkeletonLayout& layout = annotation::builtinSkeletonLayouts().front();  // COCO-17
    std::vector<ui::OverlaySkeleton> result;
    std::mt19937 random(1234);
    for (int s = 0; s < o.skeletons; ++s) {
        ui::OverlaySkeleton skeleton;
        skeleton.layout = layout;
        skeleton.subjectName = QStringLiteral("person %1").arg(s + 1);
        skeleton.subjectColour = QColor::fromHsv((s * 67) % 360, 200, 230);
        skeleton.frame.subjectId = s + 1;
        skeleton.frame.frame = frame;
        const double cx = o.width * (s + 0.5) / std::max(1, o.skeletons);
        const double cy = o.height * 0.5;
        const double scale = o.height * 0.35;
        std::uniform_real_distribution<float> jitter(-0.5f, 0.5f);
        for (size_t j = 0; j < layout.joints.size(); ++j) {
            const double t = frame * 0.1 + double(j);
            skeleton.frame.joints.push_back(annotation::Joint{float(cx + scale * 0.3 * std::sin(t) + jitter(random)),
                                                              float(cy + scale * (double(j) / layout.joints.size() - 0.5)),
                                                              0.5f + 0.5f * float(j % 2), true});
        }
        result.push_back(std::move(skeleton));
    }
    return result;
}

std::unique_ptr<media::FrameSource> openSource(const std::string& path, const std::string& cacheDir,
                                               media::PixelLayout layout = media::PixelLayout::Rgb24) {
    media::OpenOptions options;
    options.indexCacheDirectory = cacheDir;
    options.pixelLayout = layout;
    auto source = media::openFrameSource(path, options);
    if (!source.ok()) die(source.error());
    return std::move(source).value();
}

}  // namespace

int main(int argc, char** argv) {
    if (!std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 1);
    QApplication app(argc, argv);
    const Options o = parse(argc, argv);
    const std::string dir = (std::filesystem::temp_directory_path() / ("actionlens-view-bench-" + std::to_string(::getpid()))).string();
    std::filesystem::create_directories(dir);
    const std::string path = dir + "/bench.mp4";
    std::printf("making a %dx%d H.264 video of %d frames; %d skeletons (COCO-17) per frame\n", o.width, o.height, o.frames, o.skeletons);
    std::fflush(stdout);
    {
        media::EncoderSettings settings;
        settings.width = o.width;
        settings.height = o.height;
        settings.gopSize = 50;
        settings.preset = "ultrafast";
        auto encoder = media::VideoEncoder::open(path, settings);
        if (!encoder.ok()) die(encoder.error());
        const int stride = media::alignedRgbStride(o.width);
        std::vector<uint8_t> picture(size_t(stride) * o.height);
        for (int i = 0; i < o.frames; ++i) {
            media::drawStampedPicture(picture.data(), o.width, o.height, stride, i);
            if (Status s = encoder.value()->write(picture.data(), stride); !s.ok()) die(s.error());
        }
        if (Status s = encoder.value()->finish(); !s.ok()) die(s.error());
    }
    const std::string cacheDir = dir + "/index-cache";

    ui::VideoView view;
    view.resize(1280, 720);
    view.show();
    {
        QElapsedTimer waiting;
        waiting.start();
        while (!(view.windowHandle() && view.windowHandle()->isExposed()) && waiting.elapsed() < 5000) app.processEvents();
    }
    ui::SkeletonOverlay overlay;
    overlay.setShowBoxes(o.boxes);
    view.addOverlay(&overlay);

    int painted = 0;  // the view must really paint every frame, or the figure means nothing
    QObject::connect(&view, &ui::VideoView::framePainted, [&](int) { ++painted; });

    // 1. Throughput, the two contenders interleaved round by round.
    std::vector<double> decodeOnly, withViewRgb, withViewBgrx, paintMsRgb, paintMsBgrx;
    // Frames per second of decode + show, and the GUI thread's median time per paint.
    const auto showAll = [&](media::PixelLayout layout, std::vector<double>& paintMs) {
        std::vector<double> paints;
        auto source = openSource(path, cacheDir, layout);
        QElapsedTimer t;
        t.start();
        for (int i = 0; i < o.frames; ++i) {
            auto f = source->readFrame(i);
            if (!f.ok()) die(f.error());
            overlay.setSkeletons(skeletonsFor(i, o));
            QElapsedTimer paint;
            paint.start();
            view.setFrame(std::move(f).value());
            view.repaint();  // paints now, as the event loop would
            paints.push_back(paint.nsecsElapsed() * 1e-6);
        }
        paintMs.push_back(median(paints));
        return o.frames / (t.nsecsElapsed() * 1e-9);
    };
    for (int round = 0; round < o.rounds; ++round) {
        {
            auto source = openSource(path, cacheDir);
            QElapsedTimer t;
            t.start();
            for (int i = 0; i < o.frames; ++i)
                if (auto f = source->readFrame(i); !f.ok()) die(f.error());
            decodeOnly.push_back(o.frames / (t.nsecsElapsed() * 1e-9));
        }
        withViewRgb.push_back(showAll(media::PixelLayout::Rgb24, paintMsRgb));
        withViewBgrx.push_back(showAll(media::PixelLayout::Bgrx32, paintMsBgrx));
        if (painted < (round + 1) * 2 * o.frames) die("the view painted " + std::to_string(painted) + " frames, expected " +
                                                      std::to_string((round + 1) * 2 * o.frames));
    }
    const double decodeFps = median(decodeOnly);
    const double rgbFps = median(withViewRgb), bgrxFps = median(withViewBgrx);
    std::printf("decode only (VideoFileSource, in order)               %8.1f frames/s   1.00\n", decodeFps);
    std::printf("decode + view with %d skeletons (1280x720), RGB24      %8.1f frames/s   %.2f of decode only\n", o.skeletons,
                rgbFps, rgbFps / decodeFps);
    std::printf("decode + view with %d skeletons (1280x720), BGRX32     %8.1f frames/s   %.2f of decode only (%.2fx RGB24)\n",
                o.skeletons, bgrxFps, bgrxFps / decodeFps, bgrxFps / rgbFps);
    const double rgbPaint = median(paintMsRgb), bgrxPaint = median(paintMsBgrx);
    std::printf("GUI-thread time per frame shown (median paint): RGB24 %.1f ms, BGRX32 %.1f ms (%.2f of RGB24)\n", rgbPaint,
                bgrxPaint, bgrxPaint / rgbPaint);

    // 2. Real-time playback: frames shown and the longest GUI-thread stall.
    ui::PlayerController player;
    if (QString error = player.open(QString::fromStdString(path)); !error.isEmpty()) die(error.toStdString());
    int shown = 0;
    QObject::connect(&player, &ui::PlayerController::frameShown, &view, [&](int frame, media::FramePtr picture) {
        overlay.setSkeletons(skeletonsFor(frame, o));
        view.setFrame(std::move(picture));
        ++shown;
    });
    QElapsedTimer sinceTick;
    qint64 longestGapNs = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        longestGapNs = std::max(longestGapNs, sinceTick.nsecsElapsed());
        sinceTick.restart();
    });
    const double videoSeconds = player.secondsOf(player.frameCount() - 1);
    const double playFor = std::min(o.playSeconds, videoSeconds);
    player.seek(0);
    QElapsedTimer wall;
    wall.start();
    sinceTick.start();
    ticker.start();
    player.play();
    // A real event loop (it sleeps when idle): a processEvents() spin would take a core from
    // the decoder thread.
    QEventLoop loop;
    QTimer::singleShot(int(playFor * 1000), &loop, &QEventLoop::quit);
    QObject::connect(&player, &ui::PlayerController::playingChanged, &loop, [&](bool playing) {
        if (!playing) loop.quit();
    });
    loop.exec();
    const double elapsed = wall.nsecsElapsed() * 1e-9;
    player.pause();
    ticker.stop();
    const double videoFps = (player.frameCount() - 1) / std::max(1e-9, videoSeconds);
    std::printf("playback at 1x for %.1f s: %.1f frames/s shown of the video's %.1f (%.2f), longest GUI-thread stall %.1f ms\n",
                elapsed, shown / elapsed, videoFps, shown / elapsed / videoFps, longestGapNs * 1e-6);
    std::filesystem::remove_all(dir);
    return 0;
}
