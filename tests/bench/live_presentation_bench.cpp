// live_presentation_bench: the presentation view's camera pipeline (core/live: a camera, pose
// estimation, the newest model's answers over each person's last frames) on a project's demo
// video played as a camera (lavfi movie=, looping), against the video's own frame rate:
//
//   live_presentation_bench [PROJECT.alproj] [--video N] [--seconds 6] [--repeats 3]
//
// Four configurations, each run --repeats times for --seconds (median reported): the landmark
// model Lite and Full, each with poses only and with the model's answers; unpaced (the camera
// hands out frames as fast as asked, so frames/s is what the pipeline can do; a real camera at
// the video's rate drops the rest) and, for Lite with the model, paced as a camera (what a
// viewer sees). Without a project: a lavfi test pattern, poses only, Lite (a smoke run). Prints
// the figures, the ratios to the source's rate and the load average; asserts no time.

#include "core/annotation/project_store.h"
#include "core/live/live_pipeline.h"
#include "core/media/camera_source.h"
#include "core/pose/pose_model_files.h"
#include "tests/bench/bench_failure.h"
#include "ui/learning/project_predictor.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

using namespace actionlens;
using actionlens::bench::die;

namespace {

struct Options {
    std::string project;
    int video = 0;
    double seconds = 6.0;
    int repeats = 3;
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
        else if (a == "--repeats") o.repeats = std::max(1, std::atoi(next().c_str()));
        else if (a.rfind("--", 0) == 0) die("unknown option " + a);
        else o.project = a;
    }
    return o;
}

struct Figures {
    double fps = 0;          // frames through the pipeline per second
    double cameraFps = 0;    // frames the camera gave per second
    double dropped = 0;      // share of the camera's frames dropped
    double people = 0;       // mean people per processed frame
};

Figures runOnce(const std::string& device, bool paced, pose::LandmarkModel landmarks, const annotation::SkeletonLayout& layout,
                ui::ProjectPredictor* predictor, double seconds) {
    media::CameraOptions cameraOptions;
    cameraOptions.paceGenerated = paced;
    auto camera = bench::need(media::CameraSource::open(device, cameraOptions), "opening " + device);
    pose::PoseEstimatorOptions poseOptions;
    poseOptions.model = landmarks;
    auto estimator = bench::need(pose::PoseEstimator::create(poseOptions), "the pose estimator");
    std::optional<live::LiveActionWindows> windows;
    if (predictor) windows.emplace(*predictor->model, predictor->info.snapshot);
    live::LivePipelineOptions options;
    options.layout = layout;
    options.windows = windows ? &*windows : nullptr;
    std::int64_t people = 0;
    double elapsed = 0;
    live::LiveCallbacks callbacks;
    std::int64_t frames = 0;
    // The first second warms the networks up and is not counted.
    std::int64_t warmFrames = -1, warmRead = 0;
    const auto start = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point warmAt;
    callbacks.frame = [&](live::LiveFrame f) {
        const auto now = std::chrono::steady_clock::now();
        elapsed = std::chrono::duration<double>(now - start).count();
        if (warmFrames < 0 && elapsed >= 1.0) {
            warmFrames = f.processed;
            warmRead = f.counts.read;
            warmAt = now;
        }
        if (warmFrames >= 0) people += std::int64_t(f.people.size());
        frames = f.processed + 1;
    };
    callbacks.shouldCancel = [&] { return elapsed >= seconds + 1.0; };
    const live::LiveOutcome outcome = live::runLivePipeline(*camera, estimator, options, callbacks);
    if (!outcome.cancelled) die("the camera stopped: " + outcome.stopped);
    if (warmFrames < 0) die("no frame within the warm-up second");
    const double measured = std::chrono::duration<double>(std::chrono::steady_clock::now() - warmAt).count();
    Figures f;
    f.fps = double(frames - warmFrames) / measured;
    f.cameraFps = double(outcome.counts.read - warmRead) / measured;
    f.dropped = outcome.counts.read > warmRead ? 1.0 - double(frames - warmFrames) / double(outcome.counts.read - warmRead) : 0.0;
    f.people = frames > warmFrames ? double(people) / double(frames - warmFrames) : 0.0;
    return f;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

std::string loadAverage() {
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}

}  // namespace

int main(int argc, char** argv) {
    const Options o = parse(argc, argv);
    if (const Status installed = pose::checkPoseModelsInstalled(pose::poseModelDirectory(), pose::LandmarkModel::Full); !installed.ok()) {
        std::printf("live_presentation_bench: skipped: %s\n", installed.error().c_str());
        return 0;
    }
    std::string device = "lavfi:testsrc=size=640x480:rate=25";
    double sourceFps = 25.0;
    std::string source = "testsrc 640x480 @ 25";
    annotation::SkeletonLayout layout = annotation::builtinSkeletonLayouts().front();
    std::optional<ui::ProjectPredictor> predictor;
    if (!o.project.empty()) {
        auto store = bench::need(annotation::ProjectStore::openReadOnly(o.project), "opening " + o.project);
        const std::vector<annotation::Video> videos = bench::need(store->videos(), "the project's videos");
        if (o.video < 0 || o.video >= int(videos.size())) die("the project has no video " + std::to_string(o.video));
        const annotation::Video& video = videos[size_t(o.video)];
        device = media::movieCameraDevice(video.path, true);
        sourceFps = video.fps;
        char text[256];
        std::snprintf(text, sizeof(text), "%s %dx%d @ %.3g", video.name.c_str(), video.width, video.height, video.fps);
        source = text;
        auto runs = bench::need(store->runs(), "the project's runs");
        for (auto it = runs.rbegin(); it != runs.rend() && !predictor; ++it) {
            if (it->kind != annotation::RunKind::Training || it->checkpointPath.empty()) continue;
            auto opened = ui::openProjectPredictor(it->checkpointPath, o.project, "cpu");
            if (opened) predictor = std::move(opened).value();
        }
        if (!predictor) die("the project has no trained model (actionlens-cli train -p PROJECT)");
        layout = *predictor->layout;
    }
    std::printf("live_presentation_bench: source %s (%s), %d x %.3g s per figure, median\n", source.c_str(), device.c_str(), o.repeats, o.seconds);
    std::printf("load average before: %s\n", loadAverage().c_str());
    std::printf("%-34s %9s %9s %9s %8s %8s\n", "configuration", "frames/s", "x source", "camera/s", "dropped", "people");
    struct Config {
        const char* name;
        pose::LandmarkModel landmarks;
        bool withModel;
        bool paced;
    };
    std::vector<Config> configs = {{"pose Lite, unpaced", pose::LandmarkModel::Lite, false, false},
                                   {"pose Lite + model, unpaced", pose::LandmarkModel::Lite, true, false},
                                   {"pose Full, unpaced", pose::LandmarkModel::Full, false, false},
                                   {"pose Full + model, unpaced", pose::LandmarkModel::Full, true, false},
                                   {"pose Lite + model, paced as camera", pose::LandmarkModel::Lite, true, true}};
    for (const Config& c : configs) {
        if (c.withModel && !predictor) continue;
        std::vector<double> fps, camera, dropped, people;
        for (int r = 0; r < o.repeats; ++r) {
            const Figures f = runOnce(device, c.paced, c.landmarks, layout, c.withModel ? &*predictor : nullptr, o.seconds);
            fps.push_back(f.fps);
            camera.push_back(f.cameraFps);
            dropped.push_back(f.dropped);
            people.push_back(f.people);
        }
        std::printf("%-34s %9.1f %9.2f %9.1f %7.0f%% %8.2f\n", c.name, median(fps), median(fps) / sourceFps,
                    c.paced ? median(camera) : sourceFps, 100.0 * (c.paced ? median(dropped) : std::max(0.0, 1.0 - median(fps) / sourceFps)),
                    median(people));
        std::fflush(stdout);
    }
    std::printf("load average after: %s\n", loadAverage().c_str());
    std::printf("(unpaced: dropped = the share a camera at the source's rate would lose)\n");
    return 0;
}
