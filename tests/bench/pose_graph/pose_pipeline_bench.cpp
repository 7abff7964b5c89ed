// pose_pipeline_bench: the whole BlazePose pipeline (letterbox, detector, NMS, ROI, crop warp,
// two landmark passes, projection) on one image, on the CPU and on CUDA in one run. Needs
// LibTorch and OpenCV's core and imgproc only (no Qt, FFmpeg or image codecs: the picture comes
// as a .npy), so a CUDA machine with a carried OpenCV builds it (packaging/gpu-bench.sh).
//
//   pose_pipeline_bench --image picture.npy [--expected landmarks.npy] [--model lite|full|heavy]
//                       [--frames 30] [--threads 2]
//
// picture.npy: uint8 (height, width, 3) RGB (where OpenCV's image codecs were found at build
// time, e.g. the full build, any image file too). landmarks.npy: float32 (33, 4), x, y, z, visibility
// in image pixels, the reference's final landmarks in its own mode (reference.json; made by
// packaging/prepare-gpu-run.sh). Per device it reports:
//   - the landmarks in the reference's mode against the expected ones: the largest x/y
//     difference of the visible points in pixels and as a fraction of the ROI's side, checked
//     against reference.json's end-to-end "matched" bound (1 %),
//   - the largest landmark difference from the CPU's (MediaPipe's mode),
//   - frames per second of still images (detector + two passes) and of tracking (one pass on
//     the previous frame's ROI).
// CUDA runs twice: LibTorch's default (TF32 convolutions) and full float32. Exit code 1 when a
// device fails or misses the bound; 77 when the models are not installed.

#include "core/pose/people_tracker.h"
#include "core/pose/pose_estimator.h"
#include "core/pose/pose_model_files.h"
#include "core/pose/tflite_graph.h"
#include "tests/bench/pose_graph/npy_array.h"

#ifdef ACTIONLENS_BENCH_IMAGE_FILES
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#endif

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace actionlens;

namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

struct DeviceRun {
    std::string name;
    pose::PoseEstimate mediaPipeMode;  // MediaPipe's behaviour (the app's)
    pose::PoseEstimate referenceMode;  // the reference's, for the comparison with the expected landmarks
    double stillFps = 0.0;
    double trackingFps = 0.0;
};

// Unsmoothed: the tracking measure repeats one picture, and the comparisons want raw landmarks.
Result<pose::PoseEstimator> createEstimator(const std::string& device, pose::LandmarkModel model, bool referenceMode) {
    pose::PoseEstimatorOptions options;
    options.model = model;
    options.device = device;
    options.referenceCompatible = referenceMode;
    options.smoothing = false;
    return pose::PoseEstimator::create(options);
}

Result<DeviceRun> runOn(const std::string& device, const std::string& label, pose::LandmarkModel model,
                        const pose::RgbImageView& image, int frames) {
    DeviceRun run;
    run.name = label;
    Result<pose::PoseEstimator> referenceEstimator = createEstimator(device, model, true);
    if (!referenceEstimator) return referenceEstimator.takeError();
    Result<pose::PoseEstimate> reference = referenceEstimator->estimateImage(image);
    if (!reference) return reference.takeError();
    run.referenceMode = reference.value();
    Result<pose::PoseEstimator> estimator = createEstimator(device, model, false);
    if (!estimator) return estimator.takeError();
    for (int i = 0; i < 2; ++i) {  // warm-up: kernels chosen, memory allocated
        Result<pose::PoseEstimate> e = estimator->estimateImage(image);
        if (!e) return e.takeError();
        run.mediaPipeMode = e.value();
    }
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < frames; ++i)
        if (Result<pose::PoseEstimate> e = estimator->estimateImage(image); !e) return e.takeError();
    run.stillFps = frames / secondsSince(start);
    pose::PeopleTracker tracker(estimator.value());
    if (Result<pose::TrackedFrame> first = tracker.next(image, 0.0); !first) return first.takeError();
    start = std::chrono::steady_clock::now();
    for (int i = 1; i <= frames; ++i)
        if (Result<pose::TrackedFrame> e = tracker.next(image, i / 25.0); !e) return e.takeError();
    run.trackingFps = frames / secondsSince(start);
    return run;
}

// Largest |dx|, |dy| over the points visible (> 0.5) in `expected` (33 x 4 floats).
double largestXyDifference(const std::vector<pose::PoseLandmark>& got, const float* expected) {
    double worst = 0.0;
    for (int i = 0; i < 33 && i < int(got.size()); ++i) {
        if (expected[i * 4 + 3] <= 0.5f) continue;
        worst = std::max({worst, std::fabs(double(got[size_t(i)].x) - expected[i * 4]), std::fabs(double(got[size_t(i)].y) - expected[i * 4 + 1])});
    }
    return worst;
}

double largestXyDifference(const std::vector<pose::PoseLandmark>& a, const std::vector<pose::PoseLandmark>& b) {
    double worst = 0.0;
    for (size_t i = 0; i < a.size() && i < b.size(); ++i)
        worst = std::max({worst, std::fabs(double(a[i].x) - b[i].x), std::fabs(double(a[i].y) - b[i].y)});
    return worst;
}

int usage() {
    std::fprintf(stderr, "usage: pose_pipeline_bench --image picture.npy [--expected landmarks.npy] [--model lite|full|heavy] "
                         "[--frames N] [--threads N]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string imagePath, expectedPath, modelName = "full";
    int frames = 30, threads = 2;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i], value = argv[i + 1];
        if (key == "--image") imagePath = value;
        else if (key == "--expected") expectedPath = value;
        else if (key == "--model") modelName = value;
        else if (key == "--frames") frames = std::max(1, std::atoi(value.c_str()));
        else if (key == "--threads") threads = std::max(1, std::atoi(value.c_str()));
        else return usage();
    }
    pose::LandmarkModel model{};
    if (imagePath.empty() || !pose::parseLandmarkModel(modelName, &model)) return usage();
    if (Status s = pose::checkPoseModelsInstalled(pose::poseModelDirectory(), model); !s) {
        std::fprintf(stderr, "pose_pipeline_bench: skipped: %s\n", s.error().c_str());
        return 77;
    }
    Result<bench::NpyArray> picture = makeError("");
#ifdef ACTIONLENS_BENCH_IMAGE_FILES
    if (imagePath.size() < 4 || imagePath.compare(imagePath.size() - 4, 4, ".npy") != 0) {
        const cv::Mat bgr = cv::imread(imagePath, cv::IMREAD_COLOR);
        if (bgr.empty()) {
            std::fprintf(stderr, "pose_pipeline_bench: cannot read the image '%s'\n", imagePath.c_str());
            return 2;
        }
        cv::Mat rgb;
        cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
        bench::NpyArray a{{rgb.rows, rgb.cols, 3}, "|u1", {}};
        for (int y = 0; y < rgb.rows; ++y) a.data.insert(a.data.end(), rgb.ptr<char>(y), rgb.ptr<char>(y) + rgb.cols * 3);
        picture = a;
    } else
#endif
        picture = bench::readNpy(imagePath);
    if (!picture || picture->type != "|u1" || picture->shape.size() != 3 || picture->shape[2] != 3) {
        std::fprintf(stderr, "pose_pipeline_bench: %s\n", picture ? "the image must be uint8 (height, width, 3)" : picture.error().c_str());
        return 2;
    }
    const int height = int(picture->shape[0]), width = int(picture->shape[1]);
    const pose::RgbImageView image{reinterpret_cast<const std::uint8_t*>(picture->data.data()), width, height, width * 3};
    std::vector<float> expected;
    if (!expectedPath.empty()) {
        Result<bench::NpyArray> e = bench::readNpy(expectedPath);
        if (!e || e->type != "<f4" || e->shape != std::vector<std::int64_t>{33, 4}) {
            std::fprintf(stderr, "pose_pipeline_bench: %s\n", e ? "the expected landmarks must be float32 (33, 4)" : e.error().c_str());
            return 2;
        }
        expected = e->floats();
    }

    pose::setInferenceThreads(threads);
    std::printf("BlazePose pipeline, model %s, %dx%d image, %d frames per measure, CPU on %d thread(s)%s\n\n", modelName.c_str(),
                width, height, frames, threads, pose::cudaAvailable() ? ", and CUDA" : " (no CUDA device here)");
    std::vector<DeviceRun> runs;
    int failures = 0;
    const auto attempt = [&](const std::string& device, const std::string& label) {
        Result<DeviceRun> run = runOn(device, label, model, image, frames);
        if (!run) {
            std::fprintf(stderr, "pose_pipeline_bench: %s: %s\n", label.c_str(), run.error().c_str());
            ++failures;
            return;
        }
        runs.push_back(run.value());
    };
    attempt("cpu", "CPU");
    if (pose::cudaAvailable()) {
        const bool tensorFloat32 = pose::cudaTensorFloat32();
        pose::setCudaTensorFloat32(true);
        attempt("cuda", "CUDA, TF32");
        pose::setCudaTensorFloat32(false);
        attempt("cuda", "CUDA, float32");
        pose::setCudaTensorFloat32(tensorFloat32);
    }
    std::printf("| device | found | reference mode vs expected: px / fraction of ROI side | landmarks vs CPU (px) | still frames/s | "
                "tracking frames/s |\n|---|---|---|---|---|---|\n");
    const DeviceRun* cpu = !runs.empty() && runs.front().name == "CPU" ? &runs.front() : nullptr;
    for (const DeviceRun& run : runs) {
        std::string versusExpected = "-";
        if (!expected.empty()) {
            const double px = largestXyDifference(run.referenceMode.landmarks, expected.data());
            const double fraction = run.referenceMode.roi.size > 0 ? px / run.referenceMode.roi.size : 1.0;
            const bool within = run.referenceMode.found && fraction <= 0.01;
            failures += within ? 0 : 1;
            char text[96];
            std::snprintf(text, sizeof text, "%.3g / %.2g %s", px, fraction, within ? "(within 1 %)" : "(OVER 1 %)");
            versusExpected = text;
        }
        const double versusCpu = cpu ? largestXyDifference(run.mediaPipeMode.landmarks, cpu->mediaPipeMode.landmarks) : 0.0;
        std::printf("| %s | %s | %s | %.3g | %.1f | %.1f |\n", run.name.c_str(), run.mediaPipeMode.found ? "yes" : "no",
                    versusExpected.c_str(), versusCpu, run.stillFps, run.trackingFps);
    }
    return failures ? 1 : 0;
}
