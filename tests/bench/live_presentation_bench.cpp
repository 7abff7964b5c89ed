// live_presentation_bench: the presentation view's camera pipeline (core/live: a camera, pose
// estimation, the newest model's answers over each person's last frames) on a project's demo
// video played as a camera (lavfi movie=, looping), against the video's own frame rate:
//
//   live_presentation_bench [PROJECT.alproj] [--video N] [--seconds 6] [--repeats 3]
//
// Four configurations, each run --repeats times for --seconds after a warm-up second (median
// reported): the landmark model Lite and Full, each with poses only and with the model's
// answers. The video is paced at its own frame rate, as a camera would give it (unpaced, the
// decoder would take a core of its own away from the pipeline): frames/s is what a viewer sees,
// the rest is dropped; the pose and model milliseconds per processed frame say where the time
// goes. Beside them, as the baseline, the pose estimation of `actionlens-cli pose` over the same
// file (every frame, in order, nothing dropped: estimatePosesInVideo). Without a project: a lavfi test pattern, poses only (a smoke run). Prints the figures,
// the ratios to the source's rate and the load average; asserts no time.

#include "core/annotation/project_store.h"
#include "core/live/live_pipeline.h"
#include "core/media/camera_source.h"
#include "core/pose/pose_model_files.h"
#include "core/pose/pose_video_job.h"
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
    double poseMs = 0;       // median per processed frame
    double modelMs = 0;
    double fps = 0;          // frames through the pipeline per second
    double cameraFps = 0;    // frames the camera gave per second
    double dropped = 0;      // share of the camera's frames dropped
    double people = 0;       // mean people per processed frame
};

double median(std::vector<double> v) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

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
    std::vector<double> poseMs, modelMs;
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
        if (warmFrames >= 0) {
            people += std::int64_t(f.people.size());
            poseMs.push_back(1000.0 * f.poseSeconds);
            if (!f.answers.empty()) modelMs.push_back(1000.0 * f.modelSeconds);  // the model ran
        }
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
    f.poseMs = median(poseMs);
    f.modelMs = median(modelMs);
    f.people = frames > warmFrames ? double(people) / double(frames - warmFrames) : 0.0;
    return f;
}

// The CLI's loop over the file for `seconds` after a warm-up second: frames/s, people per frame.
std::pair<double, double> offlinePose(const std::string& path, pose::LandmarkModel landmarks, double seconds) {
    pose::PoseEstimatorOptions poseOptions;
    poseOptions.model = landmarks;
    auto estimator = bench::need(pose::PoseEstimator::create(poseOptions), "the pose estimator");
    const auto start = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point warmAt;
    std::int64_t warmFrames = -1, done = 0;
    pose::PoseVideoCallbacks callbacks;
    callbacks.progress = [&](std::int64_t d, std::int64_t) {
        done = d;
        if (warmFrames < 0 && std::chrono::steady_clock::now() - start >= std::chrono::seconds(1)) {
            warmFrames = d;
            warmAt = std::chrono::steady_clock::now();
        }
    };
    callbacks.shouldCancel = [&] { return warmFrames >= 0 && std::chrono::duration<double>(std::chrono::steady_clock::now() - warmAt).count() >= seconds; };
    auto result = pose::estimatePosesInVideo(estimator, path, 25.0, callbacks);  // cancelled: an error, as planned
    const double measured = std::chrono::duration<double>(std::chrono::steady_clock::now() - warmAt).count();
    if (warmFrames < 0) die("offline pose: " + (result ? std::string("the video is shorter than the warm-up") : result.error()));
    return {double(done - warmFrames) / measured, 0.0};
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
    std::string videoPath;
    annotation::SkeletonLayout layout = annotation::builtinSkeletonLayouts().front();
    std::optional<ui::ProjectPredictor> predictor;
    if (!o.project.empty()) {
        auto store = bench::need(annotation::ProjectStore::openReadOnly(o.project), "opening " + o.project);
        const std::vector<annotation::Video> videos = bench::need(store->videos(), "the project's videos");
        if (o.video < 0 || o.video >= int(videos.size())) die("the project has no video " + std::to_string(o.video));
        const annotation::Video& video = videos[size_t(o.video)];
        device = media::movieCameraDevice(video.path, true);
        videoPath = video.path;
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
    std::printf("%-22s %9s %9s %9s %8s %8s %8s %8s\n", "configuration", "frames/s", "x source", "camera/s", "dropped", "pose ms", "model ms", "people");
    struct Config {
        const char* name;
        pose::LandmarkModel landmarks;
        bool withModel;
        bool paced;
    };
    std::vector<Config> configs = {{"pose Lite", pose::LandmarkModel::Lite, false, true},
                                   {"pose Lite + model", pose::LandmarkModel::Lite, true, true},
                                   {"pose Full", pose::LandmarkModel::Full, false, true},
                                   {"pose Full + model", pose::LandmarkModel::Full, true, true}};
    for (const Config& c : configs) {
        if (c.withModel && !predictor) continue;
        std::vector<double> fps, camera, dropped, people, poseMs, modelMs;
        for (int r = 0; r < o.repeats; ++r) {
            const Figures f = runOnce(device, c.paced, c.landmarks, layout, c.withModel ? &*predictor : nullptr, o.seconds);
            fps.push_back(f.fps);
            camera.push_back(f.cameraFps);
            dropped.push_back(f.dropped);
            people.push_back(f.people);
            poseMs.push_back(f.poseMs);
            modelMs.push_back(f.modelMs);
        }
        std::printf("%-22s %9.1f %9.2f %9.1f %7.0f%% %8.1f %8.1f %8.2f\n", c.name, median(fps), median(fps) / sourceFps, median(camera),
                    100.0 * median(dropped), median(poseMs), median(modelMs), median(people));
        std::fflush(stdout);
    }
    if (!o.project.empty()) {
        for (pose::LandmarkModel m : {pose::LandmarkModel::Lite, pose::LandmarkModel::Full}) {
            std::vector<double> fps;
            for (int r = 0; r < o.repeats; ++r) fps.push_back(offlinePose(videoPath, m, o.seconds).first);
            std::printf("%-22s %9.1f %9.2f   (baseline: actionlens-cli pose's loop over the file, every frame)\n",
                        m == pose::LandmarkModel::Lite ? "offline pose Lite" : "offline pose Full", median(fps), median(fps) / sourceFps);
        }
    }
    std::printf("load average after: %s\n", loadAverage().c_str());
    std::printf("(pose ms, model ms: per processed frame; people: poses per processed frame)\n");
    return 0;
}
