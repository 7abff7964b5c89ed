// explain_overlay_bench: scrubbing a segment in the player's view with an explanation laid over
// it, against the same scrubbing without it (the skeleton overlay alone), side by side:
//
//   explain_overlay_bench [--size 1280x720] [--frames 120] [--rounds 3] [--map-size 112]
//
// The view (1280x720, offscreen) shows the segment's frames in scrubbing order (back and forth,
// skipping about) from a decoded, cached set, so only painting is measured: what an explanation
// costs once it is computed (the window computes it in the background and caches it; scrubbing
// never waits on the model). The explanation is a fused model's: a skeleton map lighting the
// joints and bones, and a video map of 16 x map-size x map-size over the subject's crop.
// Frames shown per second and the ratio with / without; medians of interleaved rounds. Asserts
// no time.

#include "core/annotation/skeleton_layout.h"
#include "core/media/frame_stamp.h"
#include "tests/bench/bench_failure.h"
#include "ui/explain/explanation_overlay.h"
#include "ui/player/skeleton_overlay.h"
#include "ui/player/video_view.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QWindow>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using namespace actionlens;
using actionlens::bench::die;

namespace {

struct Options {
    int width = 1280;
    int height = 720;
    int frames = 120;
    int rounds = 3;
    int mapSize = 112;
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
            if (std::sscanf(next().c_str(), "%dx%d", &o.width, &o.height) != 2 || o.width < 64 || o.height < 64) die("--size wants WxH");
        } else if (a == "--frames") o.frames = std::max(10, std::atoi(next().c_str()));
        else if (a == "--rounds") o.rounds = std::max(1, std::atoi(next().c_str()));
        else if (a == "--map-size") o.mapSize = std::max(4, std::atoi(next().c_str()));
        else die("unknown option " + a);
    }
    return o;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    if (!std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 1);
    QApplication app(argc, argv);
    const Options o = parse(argc, argv);
    const annotation::SkeletonLayout layout = annotation::builtinSkeletonLayouts().front();  // COCO-17
    const int joints = int(layout.joints.size());

    // The segment's frames, drawn once (a decoded, cached stretch).
    std::vector<media::FramePtr> frames;
    for (int i = 0; i < o.frames; ++i) {
        auto f = std::make_shared<media::VideoFrame>();
        f->index = i;
        f->width = o.width;
        f->height = o.height;
        f->stride = media::alignedStride(o.width, media::PixelLayout::Bgrx32);
        f->layout = media::PixelLayout::Bgrx32;
        f->rgb.resize(size_t(f->stride) * o.height);
        for (int y = 0; y < o.height; ++y)
            for (int x = 0; x < o.width; ++x) {
                std::uint8_t* p = f->row(y) + size_t(x) * 4;
                p[0] = std::uint8_t((x + i) % 256), p[1] = std::uint8_t(y % 256), p[2] = 90, p[3] = 255;
            }
        frames.push_back(f);
    }
    // One subject's skeleton moving over the frames, and its explanation.
    auto result = std::make_shared<ui::ExplanationResult>();
    result->clip.firstFrame = 0;
    result->clip.segmentFrames = o.frames;
    result->clip.regionX = o.width / 3;
    result->clip.regionY = o.height / 8;
    result->clip.regionWidth = result->clip.regionHeight = o.height * 3 / 4;
    result->skeleton = model::SkeletonClip{o.frames, joints, std::vector<float>(size_t(3) * o.frames * joints)};
    for (int t = 0; t < o.frames; ++t)
        for (int j = 0; j < joints; ++j) {
            result->skeleton.at(0, t, j) = float(result->clip.regionX + result->clip.regionWidth * (0.3 + 0.4 * std::sin(0.1 * t + j)));
            result->skeleton.at(1, t, j) = float(result->clip.regionY + result->clip.regionHeight * (double(j) + 0.5) / joints);
            result->skeleton.at(2, t, j) = 1.0f;
        }
    result->edges = layout.edges;
    explain::HeadExplanation head;
    std::mt19937 random(5);
    std::uniform_real_distribution<float> unit(0.0f, 1.0f);
    explain::StreamExplanation skeleton;
    skeleton.map = explain::ExplanationMap(32, 1, joints);
    for (float& v : skeleton.map.values) v = unit(random);
    explain::StreamExplanation video;
    video.stream = explain::Stream::Video;
    video.map = explain::ExplanationMap(16, o.mapSize, o.mapSize);
    for (int t = 0; t < 16; ++t)
        for (int y = 0; y < o.mapSize; ++y)
            for (int x = 0; x < o.mapSize; ++x)
                video.map.at(t, y, x) = float(0.5 + 0.5 * std::sin(0.08 * x + 0.05 * y + 0.3 * t));
    head.streams = {skeleton, video};
    result->heads.push_back(head);

    ui::VideoView view;
    view.resize(1280, 720);
    view.show();
    {
        QElapsedTimer waiting;
        waiting.start();
        while (!(view.windowHandle() && view.windowHandle()->isExposed()) && waiting.elapsed() < 5000) app.processEvents();
    }
    ui::SkeletonOverlay skeletons;
    view.addOverlay(&skeletons);
    ui::ExplanationOverlay explanation;
    explanation.setResult(result);
    explanation.setFrameSize(o.width, o.height);
    view.addOverlay(&explanation);
    int painted = 0;
    QObject::connect(&view, &ui::VideoView::framePainted, [&](int) { ++painted; });

    // Scrubbing order: back and forth over the segment, with jumps.
    std::vector<int> order;
    for (int i = 0; i < o.frames; ++i) order.push_back(i);
    for (int i = o.frames - 1; i >= 0; i -= 3) order.push_back(i);
    std::shuffle(order.begin() + o.frames / 2, order.end(), random);

    auto scrub = [&](bool withExplanation) {
        explanation.setVisible(withExplanation);
        QElapsedTimer t;
        t.start();
        for (int frame : order) {
            ui::OverlaySkeleton s;
            s.layout = layout;
            s.frame.subjectId = 1;
            s.frame.frame = frame;
            for (int j = 0; j < joints; ++j)
                s.frame.joints.push_back(annotation::Joint{result->skeleton.at(0, frame, j), result->skeleton.at(1, frame, j), 0.9f, true});
            skeletons.setSkeletons({s});
            explanation.setFrame(frame);
            view.setFrame(frames[size_t(frame)]);
            view.repaint();
        }
        return double(order.size()) / (t.nsecsElapsed() * 1e-9);
    };
    std::vector<double> without, with;
    for (int round = 0; round < o.rounds; ++round) {
        without.push_back(scrub(false));
        with.push_back(scrub(true));
    }
    if (painted < int(order.size()) * 2 * o.rounds) die("the view painted " + std::to_string(painted) + " frames, fewer than it was shown");
    const double off = median(without), on = median(with);
    std::printf("scrubbing %zu frames of a %dx%d segment in a 1280x720 view, median of %d rounds\n", order.size(), o.width, o.height, o.rounds);
    std::printf("skeleton overlay only                          %8.1f frames/s   1.00\n", off);
    std::printf("with the explanation (joints + %dx%d video map) %8.1f frames/s   %.2f\n", o.mapSize, o.mapSize, on, on / off);
    return 0;
}
