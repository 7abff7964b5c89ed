// train_bench: training and inference throughput of the C++ multi-task trainer against a plain
// PyTorch script of the same skeleton model (train_bench.py, Debian's python3-torch), with the
// same batch, clip size and thread count, measured one after the other in one run so that the
// machine's load affects both alike:
//
//   train_bench [--clips 512] [--epochs 2] [--batch 32] [--frames 32] [--threads 1]
//               [--device cpu|cuda] [--mixed-precision off|bf16] [--python /usr/bin/python3] [--no-python]
//               [--trunk skeleton|video|fusion] [--video-frames 16] [--video-size 112] [--profile]
//
//  1. C++ trainer: trainModel() over random Penn-13 clips (three tasks: 15, 3 and 4 classes),
//     with its loader thread resampling, normalising and augmenting every clip; clips/s of the
//     training loop (the last epoch when there are several: the first warms up).
//  2. C++ inference: MultiTaskModel::forward on batches of 64 clips, probabilities copied out.
//  3. The Python script: the same network, AdamW, clipping and loss on random tensors prepared
//     beforehand (no data work at all), same number of steps.
// With --trunk video or fusion the C++ side trains the (2+1)D video trunk (or both) on random RGB
// clips served through the decoded-clip cache (decoded in the first epoch, cached after), and
// the Python comparison, which has the skeleton network only, is skipped.
// --profile: where the C++ trainer's step time goes (waiting for the loader, upload, forward,
// loss, loss read-back, backward, optimiser; the loader thread's preparation beside them), in ms
// per step over the last epoch, as a table (step_profile.h). On the CPU the timed run is the
// measured one (the clock costs nothing); on CUDA every phase must synchronise the device, so
// the profile comes from a second run after the measured one.
// Prints the figures, the ratios C++ / Python, and the peak resident memory of each process.
// Asserts no time; fails only if a run fails.

#include "core/model/compute_device.h"
#include "core/model/multi_task_model.h"
#include "core/model/skeleton_graph.h"
#include "core/train/decoded_clip_cache.h"
#include "core/train/file_replacement.h"
#include "core/train/json_text.h"
#include "core/train/trainer.h"

#include <torch/torch.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <unistd.h>

using namespace actionlens;

namespace {

struct Options {
    int clips = 512;
    int epochs = 2;
    int batch = 32;
    int frames = 32;
    int threads = 1;
    std::string device = "cpu";
    std::string mixedPrecision = "off";
    std::string python = "/usr/bin/python3";  // Debian's, where python3-torch lives (not a pyenv shim)
    bool runPython = true;
    model::TrunkKind trunk = model::TrunkKind::Skeleton;
    int videoFrames = 16;
    int videoSize = 112;
    bool profile = false;
};

// Random RGB clips, the same for the same request: stands in for a video decoder.
class RandomFrames final : public train::RgbClipDecoder {
public:
    Result<train::RgbClip> decode(const train::RgbClipRequest& r) override {
        std::mt19937 rng(std::uint32_t(std::hash<std::string>()(r.videoPath)));
        train::RgbClip clip{r.frames, r.height, r.width, std::vector<std::uint8_t>(size_t(r.frames) * r.height * r.width * 3)};
        for (std::uint8_t& v : clip.pixels) v = std::uint8_t(rng());
        return clip;
    }
};

int usage() {
    std::fprintf(stderr,
                 "usage: train_bench [--clips N] [--epochs N] [--batch N] [--frames N] [--threads N] "
                 "[--device cpu|cuda] [--mixed-precision off|bf16] [--python PROGRAM] [--no-python] "
                 "[--trunk skeleton|video|fusion] [--video-frames N] [--video-size N] [--profile]\n");
    return 2;
}

// Penn Action's 13 joints and bones (the order of core/annotation's Penn-13 layout).
model::SkeletonLayout penn13() {
    return model::SkeletonLayout{13,
                                 {{0, 1}, {0, 2}, {1, 2}, {1, 3}, {3, 5}, {2, 4}, {4, 6}, {1, 7}, {2, 8}, {7, 8}, {7, 9},
                                  {9, 11}, {8, 10}, {10, 12}},
                                 1};
}

train::LabelledDataset randomDataset(int clips, int frames) {
    train::LabelledDataset data;
    data.taxonomyName = "benchmark";
    std::vector<std::string> actions, groups{"g0", "g1", "g2"}, views{"front", "back", "left", "right"};
    for (int a = 0; a < 15; ++a) actions.push_back("a" + std::to_string(a));
    data.tasks = {{"action", actions, {}}, {"group", groups, {}}, {"viewpoint", views, {}}};
    data.layoutName = "Penn-13";
    data.layout = penn13();
    data.mirrorPairs = {{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}, {11, 12}};
    std::mt19937 rng(1);
    std::uniform_real_distribution<float> pixel(50.0f, 400.0f);
    for (int n = 0; n < clips; ++n) {
        train::LabelledClip clip;
        clip.skeleton = model::SkeletonClip{frames, 13, std::vector<float>(size_t(3) * frames * 13)};
        for (int t = 0; t < frames; ++t)
            for (int j = 0; j < 13; ++j) {
                clip.skeleton.at(0, t, j) = pixel(rng);
                clip.skeleton.at(1, t, j) = pixel(rng);
                clip.skeleton.at(2, t, j) = 1.0f;
            }
        clip.labels = {int(rng() % 15), int(rng() % 3), int(rng() % 4)};
        clip.videoId = n + 1;
        clip.videoPath = "random-" + std::to_string(n);
        clip.splits = {"train"};
        data.clips.push_back(std::move(clip));
    }
    return data;
}

double peakRssMiB() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
    return 0.0;
}

std::string runCommand(const std::string& command) {
    std::string out;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[4096];
        while (std::fgets(buffer, sizeof buffer, pipe)) out += buffer;
        if (::pclose(pipe) != 0) out = "";
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        const char* v = nullptr;
        if (a == "--no-python") o.runPython = false;
        else if (a == "--profile") o.profile = true;
        else if ((a == "--clips" || a == "--epochs" || a == "--batch" || a == "--frames" || a == "--threads") && (v = next())) {
            const int n = std::atoi(v);
            if (n < 1) return usage();
            (a == "--clips" ? o.clips : a == "--epochs" ? o.epochs : a == "--batch" ? o.batch : a == "--frames" ? o.frames : o.threads) = n;
        } else if (a == "--device" && (v = next())) o.device = v;
        else if (a == "--mixed-precision" && (v = next())) o.mixedPrecision = v;
        else if (a == "--python" && (v = next())) o.python = v;
        else if (a == "--trunk" && (v = next())) {
            if (!model::trunkKindFromName(v, &o.trunk)) return usage();
        } else if ((a == "--video-frames" || a == "--video-size") && (v = next())) {
            const int n = std::atoi(v);
            if (n < 1) return usage();
            (a == "--video-frames" ? o.videoFrames : o.videoSize) = n;
        }
        else return usage();
    }
    torch::set_num_threads(o.threads);

    const train::LabelledDataset data = randomDataset(o.clips, o.frames);
    train::TrainConfig config;
    config.frames = o.frames;
    config.batchSize = o.batch;
    config.epochs = o.epochs;
    config.threads = o.threads;
    config.device = o.device;
    config.mixedPrecision = o.mixedPrecision;
    config.validationFraction = 0.0;
    config.useHierarchy = false;  // the Python script's loss is the plain sum of cross-entropies
    config.warmupEpochs = 0;
    config.earlyStoppingPatience = 0;
    config.trunkKind = o.trunk;
    config.video.frames = o.videoFrames;
    config.video.size = o.videoSize;
    RandomFrames randomFrames;
    train::DecodedClipCache frames(randomFrames, std::int64_t(4) << 30);
    std::vector<int> items;
    for (int i = 0; i < o.clips; ++i) items.push_back(i);
    train::StepProfile profile;
    auto train = [&](train::StepProfile* timed) {
        train::TrainingRequest request{&data, items, {}, config, "", "", 0, &frames};
        request.profile = timed;
        train::TrainingCallbacks callbacks;
        // The profile covers the last epoch, as the clips/s do: the first ones warm up.
        if (timed)
            callbacks.epochEnd = [&](const train::EpochReport& r) {
                if (r.epoch < config.epochs) *timed = train::StepProfile{};
            };
        return train::trainModel(request, callbacks);
    };
    const Result<std::string> device = model::resolveComputeDevice(o.device);
    const bool profileOnItsOwn = o.profile && device && device.value() != "cpu";
    Result<train::TrainingOutcome> trained = train(o.profile && !profileOnItsOwn ? &profile : nullptr);
    if (trained && profileOnItsOwn) {
        if (Result<train::TrainingOutcome> timed = train(&profile); !timed) trained = timed.takeError();
    }
    if (!trained) {
        std::fprintf(stderr, "train_bench: %s\n", trained.error().c_str());
        return 1;
    }
    const double cppTrain = trained->history.back().clipsPerSecond;

    model::MultiTaskModel& net = *trained->model;
    if (Status s = net.moveTo(trained->device); !s) {  // the trainer hands the model out on the CPU
        std::fprintf(stderr, "train_bench: %s\n", s.error().c_str());
        return 1;
    }
    const int inferenceBatch = 64, rounds = std::max(2, o.clips / inferenceBatch);
    model::SkeletonBatch batch{inferenceBatch, o.frames, 13, std::vector<float>(size_t(inferenceBatch) * 3 * o.frames * 13)};
    std::mt19937 rng(2);
    std::normal_distribution<float> normal;
    for (float& x : batch.values) x = normal(rng);
    model::VideoBatch video;
    if (model::readsVideo(o.trunk)) {
        video = model::VideoBatch{inferenceBatch, o.videoFrames, o.videoSize, o.videoSize,
                                  std::vector<float>(size_t(inferenceBatch) * 3 * o.videoFrames * o.videoSize * o.videoSize)};
        for (float& x : video.values) x = normal(rng);
    }
    const model::ModelInput input{&batch, &video};
    if (!net.forward(input).ok()) return 1;
    const auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < rounds; ++r)
        if (Result<model::MultiTaskPrediction> p = net.forward(input); !p) {
            std::fprintf(stderr, "train_bench: %s\n", p.error().c_str());
            return 1;
        }
    const double cppInference = rounds * inferenceBatch /
                                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double cppRss = peakRssMiB();

    std::printf("train_bench: %d clips x %d frames x 13 joints, batch %d, %d thread(s), device %s, mixed precision %s, %lld parameters\n",
                o.clips, o.frames, o.batch, o.threads, trained->device.c_str(), o.mixedPrecision.c_str(), (long long)net.parameterCount());
    std::printf("C++ trainer (loader thread, augmentation): %.1f clips/s\n", cppTrain);
    std::printf("C++ inference (batch %d):                  %.1f clips/s\n", inferenceBatch, cppInference);
    std::printf("C++ peak RSS:                              %.1f MiB\n", cppRss);
    if (o.profile)
        std::printf("C++ training step profile (last epoch%s):\n%s", profileOnItsOwn ? ", a second run" : "",
                    train::stepProfileTable(profile).c_str());
    if (model::readsVideo(o.trunk)) {
        std::printf("trunk %s, RGB clips %d x %d x %d: %lld decoded, %lld read from the cache\n",
                    model::trunkKindName(o.trunk), o.videoFrames, o.videoSize, o.videoSize,
                    (long long)frames.statistics().decodes, (long long)frames.statistics().hits);
        return 0;  // the Python script has the skeleton network only
    }
    if (!o.runPython) return 0;

    Result<model::SkeletonGraph> graph = model::SkeletonGraph::build(penn13());
    nlohmann::ordered_json spec = nlohmann::ordered_json::object();
    spec["joints"] = 13;
    spec["input_channels"] = 3;
    // The trunk's derived inputs (the training default reads bone and motion features): the
    // script computes them in its network too, so that both sides train the same network.
    spec["bone_features"] = config.trunk.boneFeatures;
    spec["motion_features"] = config.trunk.motionFeatures;
    nlohmann::ordered_json parents = nlohmann::ordered_json::array();
    for (int p : graph->boneParents()) parents.push_back(p);
    spec["bone_parents"] = parents;
    nlohmann::ordered_json partitions = nlohmann::ordered_json::array();
    for (float p : graph->partitions()) partitions.push_back(double(p));
    spec["partitions"] = partitions;
    spec["trunk_channels"] = config.trunk.channels;
    spec["trunk_strides"] = config.trunk.temporalStrides;
    spec["temporal_kernel"] = config.trunk.temporalKernel;
    spec["dropout"] = config.trunk.dropout;
    spec["attention_hidden"] = config.attentionHidden;
    spec["classes"] = nlohmann::ordered_json::array({15, 3, 4});
    spec["learning_rate"] = config.learningRate;
    spec["weight_decay"] = config.weightDecay;
    spec["gradient_clip_norm"] = config.gradientClipNorm;
    spec["batch_size"] = o.batch;
    spec["frames"] = o.frames;
    spec["steps"] = std::max(1, o.clips / o.batch);
    spec["threads"] = o.threads;
    spec["device"] = trained->device;
    spec["mixed_precision"] = o.mixedPrecision;
    spec["inference_batch"] = inferenceBatch;
    spec["inference_rounds"] = rounds;
    const std::string specPath =
        (std::filesystem::temp_directory_path() / ("train_bench_spec_" + std::to_string(::getpid()) + ".json")).string();
    if (!train::writeTextFileAtomically(specPath, train::writeJson(spec, -1))) return 1;
    const std::string script = ACTIONLENS_TRAIN_BENCH_SCRIPT;
    const std::string output = runCommand(o.python + " '" + script + "' '" + specPath + "' 2>/dev/null");
    std::filesystem::remove(specPath);
    Result<nlohmann::ordered_json> python = train::parseJson(output);
    // The script's figures; NaN where it left one out.
    auto figure = [&](const char* key) {
        const nlohmann::ordered_json* v = python ? train::findMember(python.value(), key) : nullptr;
        return v && v->is_number() ? v->get<double>() : std::nan("");
    };
    if (!python || !train::findMember(python.value(), "train_clips_per_second")) {
        std::printf("Python (%s + torch): not available; install python3-torch for the comparison\n", o.python.c_str());
        return 0;
    }
    const double pyTrain = figure("train_clips_per_second");
    const double pyInference = figure("inference_clips_per_second");
    const nlohmann::ordered_json* torchVersion = train::findMember(python.value(), "torch");
    std::printf("Python torch %s training step:            %.1f clips/s\n",
                torchVersion && torchVersion->is_string() ? torchVersion->get<std::string>().c_str() : "?", pyTrain);
    std::printf("Python inference:                          %.1f clips/s\n", pyInference);
    std::printf("Python peak RSS:                           %.1f MiB\n", figure("peak_rss_mib"));
    std::printf("Python parameters:                         %.0f (C++: %lld)\n", figure("parameters"),
                (long long)net.parameterCount());
    std::printf("ratio training C++ / Python:  %.2f\n", cppTrain / pyTrain);
    std::printf("ratio inference C++ / Python: %.2f\n", cppInference / pyInference);
    return 0;
}
