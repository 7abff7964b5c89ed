// pose_graph_bench: BlazePose's models (the detector and the lite/full/heavy landmark models)
// executed by our TFLite graph executor on CPU and on CUDA in one run: frames per second of the
// models alone (the pipeline's image warps are not part of it), the CUDA/CPU speed ratio, and
// the largest difference between the CUDA and CPU outputs on the same input (relative to the
// output's scale). CUDA runs twice: with LibTorch's default, TensorFloat-32 convolutions (about
// 1e-3 relative error per layer on GPUs that have them), and in full float32, which should agree
// with the CPU to float rounding; so a difference that TF32 explains is told apart from a defect
// of the CUDA path. Any machine also shows TF32's expected effect: the CPU run again with every
// convolution's inputs and weights rounded to TF32 (pose::setEmulatedTensorFloat32), its largest
// difference from plain float32 relative and absolute. Builds with
// LibTorch alone, so a CUDA machine without Qt or OpenCV runs it.
//
//   pose_graph_bench [--models detector,lite,full,heavy] [--threads 2] [--frames 50]
//                    [--detector-input det_input.npy] [--landmark-input crop.npy]
//
// The input is a fixed pseudo-random image unless a float32 .npy (NHWC, the model's input size)
// is given: e.g. ../shared/data/pose/det_input.npy, and a 256x256 person crop in [0, 1] for the
// landmark models. Differences on a real picture are what matter; random pixels drive these
// networks far outside what they were trained on.
//
// The models come from the folder packaging/install-pose-models.sh installs into (or
// ACTIONLENS_POSE_MODELS). Exit code 77 (skipped) when they are not installed.

#include "core/pose/pose_model_files.h"
#include "core/pose/tflite_graph.h"
#include "tests/bench/pose_graph/npy_array.h"

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
double largestAbsoluteDifference(const std::vector<pose::FloatTensor>& a, const std::vector<pose::FloatTensor>& b) {
    double worst = 0.0;
    for (size_t t = 0; t < a.size() && t < b.size(); ++t)
        for (size_t i = 0; i < a[t].values.size() && i < b[t].values.size(); ++i)
            worst = std::max(worst, double(std::fabs(a[t].values[i] - b[t].values[i])));
    return worst;
}

double largestMagnitude(const pose::FloatTensor& t) {
    double largest = 0.0;
    for (float v : t.values) largest = std::max(largest, double(std::fabs(v)));
    return largest;
}

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
    std::string detectorInput, landmarkInput;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string key = argv[i], value = argv[i + 1];
        if (key == "--models") modelList = value;
        else if (key == "--threads") threads = std::atoi(value.c_str());
        else if (key == "--frames") frames = std::atoi(value.c_str());
        else if (key == "--detector-input") detectorInput = value;
        else if (key == "--landmark-input") landmarkInput = value;
        else {
            std::fprintf(stderr, "usage: pose_graph_bench [--models detector,lite,full,heavy] [--threads N] [--frames N] "
                                 "[--detector-input F.npy] [--landmark-input F.npy]\n");
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
    std::printf("BlazePose models through the TFLite graph executor, %d frames each, CPU on %d thread(s)%s; input: %s, %s\n\n",
                frames, threads, cuda ? ", and CUDA" : " (no CUDA device here)",
                detectorInput.empty() ? "random (detector)" : detectorInput.c_str(),
                landmarkInput.empty() ? "random (landmarks)" : landmarkInput.c_str());
    std::printf("| model | CPU frames/s | TF32 emulated on CPU: relative / absolute difference | CUDA frames/s (TF32) | CUDA / CPU |"
                " CUDA float32 frames/s | CUDA float32 / CPU | relative difference TF32 | relative difference float32 |\n"
                "|---|---|---|---|---|---|---|---|---|\n");
    std::stringstream names(modelList);
    std::string name;
    int failures = 0;
    std::string outputNotes;
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
        const std::string& given = name == "detector" ? detectorInput : landmarkInput;
        if (!given.empty()) {
            Result<bench::NpyArray> picture = bench::readNpy(given);
            if (!picture || picture->type != "<f4") {
                std::fprintf(stderr, "pose_graph_bench: %s\n", picture ? ("'" + given + "' is not float32").c_str() : picture.error().c_str());
                return 2;
            }
            if (inputs.size() != 1 || size_t(picture->count()) != inputs[0].values.size()) {
                std::fprintf(stderr, "pose_graph_bench: '%s' does not fit the %s model's input\n", given.c_str(), name.c_str());
                return 2;
            }
            inputs[0].values = picture->floats();
        }
        Result<Timing> onCpu = timeGraph(path, "cpu", inputs, frames);
        if (!onCpu) {
            std::fprintf(stderr, "pose_graph_bench: %s on CPU: %s\n", name.c_str(), onCpu.error().c_str());
            return 1;
        }
        pose::setEmulatedTensorFloat32(true);
        Result<Timing> emulated = timeGraph(path, "cpu", inputs, 1);
        pose::setEmulatedTensorFloat32(false);
        if (!emulated) {
            std::fprintf(stderr, "pose_graph_bench: %s with TF32 emulated: %s\n", name.c_str(), emulated.error().c_str());
            return 1;
        }
        // Per output, so that a landmark's pixels are told from a logit's units.
        std::string perOutput;
        for (size_t t = 0; t < probe->outputs().size() && t < onCpu->outputs.size(); ++t) {
            char line[200];
            std::snprintf(line, sizeof line, "    %s %s: largest |value| %.4g, TF32 emulated moves it by up to %.3g\n", name.c_str(),
                          probe->outputs()[t].name.c_str(), largestMagnitude(onCpu->outputs[t]),
                          largestAbsoluteDifference({onCpu->outputs[t]}, {emulated->outputs[t]}));
            perOutput += line;
        }
        outputNotes += perOutput;
        char emulation[96];
        std::snprintf(emulation, sizeof emulation, "%.2g / %.3g", largestRelativeDifference(onCpu->outputs, emulated->outputs),
                      largestAbsoluteDifference(onCpu->outputs, emulated->outputs));
        if (!cuda) {
            std::printf("| %s | %.1f | %s | - | - | - | - | - | - |\n", name.c_str(), onCpu->framesPerSecond, emulation);
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
        std::printf("| %s | %.1f | %s | %.1f | %.2f | %.1f | %.2f | %.2g | %.2g |\n", name.c_str(), cpuRate, emulation, onCuda->framesPerSecond,
                    onCuda->framesPerSecond / cpuRate, onCudaFloat32->framesPerSecond, onCudaFloat32->framesPerSecond / cpuRate,
                    largestRelativeDifference(onCpu->outputs, onCuda->outputs),
                    largestRelativeDifference(onCpu->outputs, onCudaFloat32->outputs));
        std::fflush(stdout);
    }
    std::printf("\nPer output (CPU, float32 vs TF32 emulated):\n%s", outputNotes.c_str());
    return failures ? 1 : 0;
}
