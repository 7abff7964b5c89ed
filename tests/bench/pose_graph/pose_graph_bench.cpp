// pose_graph_bench: BlazePose's models (the detector and the lite/full/heavy landmark models)
// executed by our TFLite graph executor on CPU and on CUDA in one run: frames per second of the
// models alone (the pipeline's image warps are not part of it), the CUDA/CPU speed ratio, and
// the largest difference between the CUDA and CPU outputs on the same input (relative to the
// output's scale). CUDA runs twice: with LibTorch's default, TensorFloat-32 convolutions (about
// 1e-3 relative error per layer on GPUs that have them), and in full float32, which should agree
// with the CPU to float rounding; so a difference that TF32 explains is told apart from a defect
// of the CUDA path. Builds with
// LibTorch alone, so a CUDA machine without Qt or OpenCV runs it.
//
//   pose_graph_bench [--models detector,lite,full,heavy] [--threads 2] [--frames 50]
//
// The models come from the folder packaging/install-pose-models.sh installs into (or
// ACTIONLENS_POSE_MODELS). Exit code 77 (skipped) when they are not installed.

#include "core/pose/pose_model_files.h"
#include "core/pose/tflite_graph.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace actionlens;

namespace {

struct Timing {
    double framesPerSecond = 0.0;
    std::vector<pose::FloatTensor> outputs;
};

Result<Timing> timeGraph(const std::string& path, const std::string& device, const std::vector<pose::FloatTensor>& inputs, int frames) {
    Result<pose::TfliteGraph> graph = pose::TfliteGraph::load(path, pose::GraphOptions{device});
    if (!graph) return graph.takeError();
    Timing timing;
    for (int i = 0; i < 3; ++i) {  // warm-up: kernels chosen, memory allocated
        Result<std::vector<pose::FloatTensor>> out = graph->run(inputs);
        if (!out) return out.takeError();
        timing.outputs = std::move(out.value());
    }
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < frames; ++i) {
        // Every run copies its outputs back to the host, so each frame is complete when run returns.
        Result<std::vector<pose::FloatTensor>> out = graph->run(inputs);
        if (!out) return out.takeError();
    }
    timing.framesPerSecond = frames / std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return timing;
}

// Per output: the largest |CUDA - CPU| relative to the output's largest |CPU| value; the worst
// output's figure (outputs range from landmark pixels to logits in the thousands).
double largestRelativeDifference(const std::vector<pose::FloatTensor>& cpu, const std::vector<pose::FloatTensor>& cuda) {
    double worst = 0.0;
    for (size_t t = 0; t < cpu.size() && t < cuda.size(); ++t) {
        double difference = 0.0, scale = 0.0;
        for (size_t i = 0; i < cpu[t].values.size() && i < cuda[t].values.size(); ++i) {
            difference = std::max(difference, double(std::fabs(cpu[t].values[i] - cuda[t].values[i])));
            scale = std::max(scale, double(std::fabs(cpu[t].values[i])));
        }
        if (scale > 0.0) worst = std::max(worst, difference / scale);
    }
    return worst;
}

}  // namespace

int main(int argc, char** argv) {
    std::string modelList = "detector,lite,full,heavy";
    int threads = 2, frames = 50;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i], value = argv[i + 1];
        if (key == "--models") modelList = value;
        else if (key == "--threads") threads = std::atoi(value.c_str());
        else if (key == "--frames") frames = std::atoi(value.c_str());
        else {
            std::fprintf(stderr, "usage: pose_graph_bench [--models detector,lite,full,heavy] [--threads N] [--frames N]\n");
            return 2;
        }
    }
    const std::string folder = pose::poseModelDirectory();
    if (Status s = pose::checkPoseModelsInstalled(folder, pose::LandmarkModel::Lite); !s) {
        std::fprintf(stderr, "pose_graph_bench: skipped: %s\n", s.error().c_str());
        return 77;
    }
    pose::setInferenceThreads(threads);
    const bool cuda = pose::cudaAvailable();
    std::printf("BlazePose models through the TFLite graph executor, %d frames each, CPU on %d thread(s)%s\n\n", frames, threads,
                cuda ? ", and CUDA" : " (no CUDA device here)");
    std::printf("| model | CPU frames/s | CUDA frames/s (TF32) | CUDA / CPU | CUDA float32 frames/s | CUDA float32 / CPU |"
                " relative difference TF32 | relative difference float32 |\n|---|---|---|---|---|---|---|---|\n");
    std::stringstream names(modelList);
    std::string name;
    int failures = 0;
    while (std::getline(names, name, ',')) {
        pose::LandmarkModel landmark{};
        std::string path;
        if (name == "detector") path = pose::detectorModelPath(folder);
        else if (pose::parseLandmarkModel(name, &landmark)) path = pose::landmarkModelPath(folder, landmark);
        else {
            std::fprintf(stderr, "pose_graph_bench: unknown model '%s'\n", name.c_str());
            return 2;
        }
        Result<pose::TfliteGraph> probe = pose::TfliteGraph::load(path);
        if (!probe) {
            std::fprintf(stderr, "pose_graph_bench: %s\n", probe.error().c_str());
            return 1;
        }
        // A fixed pseudo-random image in [0, 1] (the landmark models' range; the speed of these
        // dense networks does not depend on the pixel values).
        std::mt19937 random(7);
        std::uniform_real_distribution<float> pixel(0.0f, 1.0f);
        std::vector<pose::FloatTensor> inputs;
        for (const pose::GraphTensorInfo& info : probe->inputs()) {
            pose::FloatTensor t;
            t.shape = info.shape;
            std::int64_t count = 1;
            for (std::int64_t d : info.shape) count *= d;
            t.values.resize(size_t(count));
            for (float& v : t.values) v = pixel(random);
            inputs.push_back(std::move(t));
        }
        Result<Timing> onCpu = timeGraph(path, "cpu", inputs, frames);
        if (!onCpu) {
            std::fprintf(stderr, "pose_graph_bench: %s on CPU: %s\n", name.c_str(), onCpu.error().c_str());
            return 1;
        }
        if (!cuda) {
            std::printf("| %s | %.1f | - | - | - | - | - | - |\n", name.c_str(), onCpu->framesPerSecond);
            continue;
        }
        Result<Timing> onCuda = timeGraph(path, "cuda", inputs, frames * 4);
        const bool tensorFloat32 = pose::cudaTensorFloat32();
        pose::setCudaTensorFloat32(false);
        Result<Timing> onCudaFloat32 = onCuda ? timeGraph(path, "cuda", inputs, frames * 4) : onCuda;
        pose::setCudaTensorFloat32(tensorFloat32);
        if (!onCudaFloat32) {
            std::fprintf(stderr, "pose_graph_bench: %s on CUDA: %s\n", name.c_str(), onCudaFloat32.error().c_str());
            ++failures;
            continue;
        }
        const double cpuRate = onCpu->framesPerSecond;
        std::printf("| %s | %.1f | %.1f | %.2f | %.1f | %.2f | %.2g | %.2g |\n", name.c_str(), cpuRate, onCuda->framesPerSecond,
                    onCuda->framesPerSecond / cpuRate, onCudaFloat32->framesPerSecond, onCudaFloat32->framesPerSecond / cpuRate,
                    largestRelativeDifference(onCpu->outputs, onCuda->outputs),
                    largestRelativeDifference(onCpu->outputs, onCudaFloat32->outputs));
        std::fflush(stdout);
    }
    return failures ? 1 : 0;
}
