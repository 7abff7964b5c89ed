// pose_bench: frames per second of core/pose's BlazePose pipeline against the Python reference
// (../shared/reference/blazepose on Debian's python3-torch) doing the same work on the same
// number of threads, measured side by side in one run (rounds interleaved, medians):
//
//   pose_bench [--models lite,full,heavy] [--threads 2] [--frames 10] [--rounds 2] [--device cpu]
//              [--image PNG] [--python /usr/bin/python3] [--no-python]
//
// tracking: a landmark pass per frame on the ROI from the previous frame's auxiliary points
//           (crop, model, decoding), the detector skipped — the steady state on video;
// detector: the detector then one landmark pass per frame — a frame where tracking was lost.
// The C++ side runs MediaPipe's mode (heatmap refinement included). Exit 77 (skipped) when the
// models are not installed. Asserts no time.
//
// On a shared machine run it as `OMP_WAIT_POLICY=PASSIVE pose_bench`: with the default policy
// OpenMP's idle threads spin, and two threads on two busy cores run a network 3-20x slower,
// varying from run to run (both sides alike: the Python reference inherits the environment).

#include "core/pose/pose_estimator.h"
#include "core/pose/tflite_graph.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>
#include <vector>

using namespace actionlens;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

double median(std::vector<double> v) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2.0;
}

struct Rates {
    double tracking = 0, detector = 0;
};

bool runCpp(pose::PoseEstimator& estimator, const pose::RgbImageView& image, int frames, Rates* rates) {
    auto first = estimator.estimateImage(image);  // warm-up, and the ROI to track from
    if (!first.ok() || !first->found) {
        std::fprintf(stderr, "pose_bench: no pose found in the benchmark image%s%s\n", first.ok() ? "" : ": ",
                     first.ok() ? "" : first.error().c_str());
        return false;
    }
    pose::PoseRoi roi = pose::PoseEstimator::roiFromAuxiliary(first->auxiliary);
    auto start = Clock::now();
    for (int i = 0; i < frames; ++i) {
        auto pass = estimator.landmarks(image, roi);
        if (!pass.ok()) return false;
        roi = pose::PoseEstimator::roiFromAuxiliary(pass->landmarks);
    }
    rates->tracking = frames / secondsSince(start);
    start = Clock::now();
    for (int i = 0; i < frames; ++i) {
        auto detections = estimator.detect(image);
        if (!detections.ok() || detections->empty()) return false;
        auto pass = estimator.landmarks(image, pose::PoseEstimator::roiFromDetection(detections->front(), image.width, image.height));
        if (!pass.ok()) return false;
    }
    rates->detector = frames / secondsSince(start);
    return true;
}

bool runPython(const std::string& python, const std::string& model, int threads, int frames, const std::string& image, Rates* rates) {
    const std::string command = python + " " ACTIONLENS_SOURCE_DIR "/tests/bench/pose_reference_bench.py --reference " ACTIONLENS_SHARED_DIR
                                "/reference/blazepose --models '" + pose::poseModelDirectory() + "' --image '" + image + "' --model " +
                                model + " --threads " + std::to_string(threads) + " --frames " + std::to_string(frames);
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return false;
    std::string out;
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe)) out += buffer;
    if (pclose(pipe) != 0) {
        std::fprintf(stderr, "pose_bench: the Python reference failed (%s)\n", command.c_str());
        return false;
    }
    // {"tracking_fps": X, "detector_fps": Y, ...}
    const auto number = [&](const char* key) {
        const auto at = out.find(key);
        return at == std::string::npos ? 0.0 : std::atof(out.c_str() + out.find(':', at) + 1);
    };
    rates->tracking = number("\"tracking_fps\"");
    rates->detector = number("\"detector_fps\"");
    return rates->tracking > 0 && rates->detector > 0;
}

int usage() {
    std::fprintf(stderr, "usage: pose_bench [--models lite,full,heavy] [--threads N] [--frames N] [--rounds N] [--device cpu|cuda] "
                         "[--image PNG] [--python PATH] [--no-python]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::string modelList = "lite,full,heavy", device = "cpu", python = "/usr/bin/python3";
    std::string imagePath = ACTIONLENS_SHARED_DIR "/data/pose/astronaut.png";
    int threads = 2, frames = 10, rounds = 2;
    bool withPython = true;
    for (int i = 1; i < argc; ++i) {
        const std::string key = argv[i];
        if (key == "--no-python") {
            withPython = false;
            continue;
        }
        if (i + 1 >= argc) return usage();
        const std::string value = argv[++i];
        if (key == "--models") modelList = value;
        else if (key == "--threads") threads = std::atoi(value.c_str());
        else if (key == "--frames") frames = std::atoi(value.c_str());
        else if (key == "--rounds") rounds = std::atoi(value.c_str());
        else if (key == "--device") device = value;
        else if (key == "--image") imagePath = value;
        else if (key == "--python") python = value;
        else return usage();
    }
    if (threads < 1 || frames < 1 || rounds < 1) return usage();
    if (device != "cpu") withPython = false;  // the reference runs on CPU only

    cv::Mat bgr = cv::imread(imagePath, cv::IMREAD_COLOR);
    if (bgr.empty()) {
        std::fprintf(stderr, "pose_bench: cannot read %s\n", imagePath.c_str());
        return 1;
    }
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    const pose::RgbImageView image{rgb.data, rgb.cols, rgb.rows, static_cast<int>(rgb.step)};
    pose::setInferenceThreads(threads);

    std::vector<std::string> models;
    std::stringstream list(modelList);
    for (std::string m; std::getline(list, m, ',');) models.push_back(m);

    const char* waitPolicy = std::getenv("OMP_WAIT_POLICY");
    std::printf("pose_bench: %s, %dx%d, %d thread(s), %s, OMP_WAIT_POLICY=%s, %d frames x %d rounds (medians)\n", imagePath.c_str(),
                image.width, image.height, threads, device.c_str(), waitPolicy ? waitPolicy : "(default)", frames, rounds);
    std::printf("%-6s | %-26s | %-26s\n", "model", "tracking fps: C++ / Python = ratio", "detector fps: C++ / Python = ratio");
    for (const std::string& name : models) {
        pose::PoseEstimatorOptions options;
        if (!pose::parseLandmarkModel(name, &options.model)) return usage();
        options.device = device;
        auto estimator = pose::PoseEstimator::create(options);
        if (!estimator.ok()) {
            std::fprintf(stderr, "pose_bench: %s\n", estimator.error().c_str());
            return estimator.error().find("not installed") != std::string::npos ? 77 : 1;
        }
        std::vector<double> cppTracking, cppDetector, pyTracking, pyDetector;
        for (int r = 0; r < rounds; ++r) {
            Rates cpp, py;
            if (!runCpp(estimator.value(), image, frames, &cpp)) return 1;
            cppTracking.push_back(cpp.tracking);
            cppDetector.push_back(cpp.detector);
            if (withPython) {
                if (!runPython(python, name, threads, frames, imagePath, &py)) return 1;
                pyTracking.push_back(py.tracking);
                pyDetector.push_back(py.detector);
            }
        }
        if (withPython) {
            std::printf("%-6s | %7.2f / %6.2f = %5.2f     | %7.2f / %6.2f = %5.2f\n", name.c_str(), median(cppTracking), median(pyTracking),
                        median(cppTracking) / median(pyTracking), median(cppDetector), median(pyDetector),
                        median(cppDetector) / median(pyDetector));
        } else {
            std::printf("%-6s | %7.2f                      | %7.2f\n", name.c_str(), median(cppTracking), median(cppDetector));
        }
        std::fflush(stdout);
    }
    return 0;
}
