// explain_bench: the time to explain one clip by each method against one forward pass of the
// same clip through the same network, measured side by side in one run (medians of --repeats):
//
//   explain_bench [--trunk skeleton|video|fusion] [--repeats 20] [--threads 1] [--device cpu|cuda]
//                 [--frames 32] [--video-frames 16] [--video-size 112] [--json FILE]
//
// The network is the default one with random weights (timing does not need a trained model):
// Penn-13 skeletons, six heads as the rendered demo has (15, 3, 4, 2, 3, 6 classes). Each
// method explains one head, and the gradient methods also all six heads at once (one forward
// pass, six backward passes). The ratio to a forward pass is the figure the README reports
// (aim: at most 3 for the gradient methods). Asserts no time; fails only if a run fails.

#include "core/explain/explainer.h"
#include "core/model/multi_task_model.h"
#include "core/train/json_text.h"
#include "core/train/train_config.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <random>
#include <string>

using namespace actionlens;

namespace {

struct Options {
    model::TrunkKind trunk = model::TrunkKind::Skeleton;
    int repeats = 20;
    int threads = 1;
    std::string device = "cpu";
    int frames = 32;
    int videoFrames = 16;
    int videoSize = 112;
    std::string json;
};

double medianMs(int repeats, const std::function<void()>& work) {
    work();  // warm-up: allocations, first-call dispatch
    std::vector<double> times;
    for (int r = 0; r < repeats; ++r) {
        const auto start = std::chrono::steady_clock::now();
        work();
        times.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

int fail(const std::string& what) {
    std::fprintf(stderr, "explain_bench: %s\n", what.c_str());
    return 1;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (a == "--trunk") {
            if (!model::trunkKindFromName(value(), &o.trunk)) return fail("--trunk is skeleton, video or fusion");
        } else if (a == "--repeats") o.repeats = std::max(1, std::atoi(value().c_str()));
        else if (a == "--threads") o.threads = std::max(1, std::atoi(value().c_str()));
        else if (a == "--device") o.device = value();
        else if (a == "--frames") o.frames = std::max(4, std::atoi(value().c_str()));
        else if (a == "--video-frames") o.videoFrames = std::max(4, std::atoi(value().c_str()));
        else if (a == "--video-size") o.videoSize = std::max(16, std::atoi(value().c_str()));
        else if (a == "--json") o.json = value();
        else return fail("unknown option " + a);
    }
    torch::set_num_threads(o.threads);
    torch::manual_seed(1);

    train::ModelSnapshot snapshot;
    model::ModelConfig& config = snapshot.model;
    config.trunkKind = o.trunk;
    config.layout = model::SkeletonLayout{13, {{0, 1}, {0, 2}, {1, 2}, {1, 3}, {3, 5}, {2, 4}, {4, 6}, {1, 7}, {2, 8}, {7, 8}, {7, 9}, {9, 11}, {8, 10}, {10, 12}}, 0};
    config.trunk = train::defaultTrainingTrunk();
    config.video.frames = o.videoFrames;
    config.video.size = o.videoSize;
    const std::vector<std::pair<std::string, int>> tasks{{"action", 15}, {"group", 3}, {"viewpoint", 4},
                                                         {"handedness", 2}, {"build", 3}, {"clothing", 6}};
    for (const auto& [name, classes] : tasks) {
        config.tasks.push_back(model::TaskSpec{name, classes});
        train::DatasetTask task;
        task.name = name;
        for (int c = 0; c < classes; ++c) task.classNames.push_back(name + std::to_string(c));
        snapshot.tasks.push_back(task);
    }
    snapshot.frames = o.frames;
    Result<model::MultiTaskModel> created = model::MultiTaskModel::create(config);
    if (!created) return fail(created.error());
    model::MultiTaskModel net = std::move(created).value();
    if (Status s = net.moveTo(o.device); !s) return fail(s.error());

    explain::ClipInput clip;
    std::mt19937 rng(3);
    std::normal_distribution<float> normal(0.0f, 0.5f);
    if (model::readsSkeleton(o.trunk)) {
        clip.skeleton = model::SkeletonBatch{1, o.frames, 13, std::vector<float>(size_t(3) * o.frames * 13)};
        for (size_t i = 0; i < size_t(2) * o.frames * 13; ++i) clip.skeleton.values[i] = normal(rng);
        for (size_t i = size_t(2) * o.frames * 13; i < clip.skeleton.values.size(); ++i) clip.skeleton.values[i] = 1.0f;
    }
    if (model::readsVideo(o.trunk)) {
        clip.video = model::VideoBatch{1, o.videoFrames, o.videoSize, o.videoSize,
                                       std::vector<float>(size_t(3) * o.videoFrames * o.videoSize * o.videoSize)};
        for (float& v : clip.video.values) v = normal(rng);
    }
    clip.segmentFrames = o.frames;

    bool failed = false;
    std::string error;
    const double forwardMs = medianMs(o.repeats, [&] {
        if (Result<model::MultiTaskPrediction> p = net.forward(clip.input()); !p) failed = true, error = p.error();
    });
    if (failed) return fail(error);
    explain::Explainer explainer(net, snapshot);
    std::vector<explain::ExplainTarget> oneHead{{0, -1}}, allHeads;
    for (size_t t = 0; t < tasks.size(); ++t) allHeads.push_back({int(t), -1});

    nlohmann::ordered_json results = nlohmann::ordered_json::array();
    std::printf("trunk %s, %s, %d thread(s), median of %d: forward pass of one clip %.2f ms\n",
                model::trunkKindName(o.trunk), o.device.c_str(), o.threads, o.repeats, forwardMs);
    std::printf("%-10s %12s %8s %14s %8s\n", "method", "1 head (ms)", "ratio", "6 heads (ms)", "ratio");
    for (explain::ExplanationMethod method : explain::allExplanationMethods()) {
        explain::ExplainOptions options;
        options.method = method;
        auto run = [&](const std::vector<explain::ExplainTarget>& targets) {
            return medianMs(o.repeats, [&] {
                if (auto e = explainer.explain(clip, targets, options); !e) failed = true, error = e.error();
            });
        };
        const double one = run(oneHead);
        const double all = run(allHeads);
        if (failed) return fail(error);
        std::printf("%-10s %12.2f %8.2f %14.2f %8.2f\n", explain::explanationMethodName(method), one, one / forwardMs, all, all / forwardMs);
        nlohmann::ordered_json r = nlohmann::ordered_json::object();
        r["method"] = explain::explanationMethodName(method);
        r["one_head_ms"] = one;
        r["one_head_ratio"] = one / forwardMs;
        r["six_heads_ms"] = all;
        r["six_heads_ratio"] = all / forwardMs;
        results.push_back(r);
    }
    if (!o.json.empty()) {
        nlohmann::ordered_json out = nlohmann::ordered_json::object();
        out["trunk"] = model::trunkKindName(o.trunk);
        out["device"] = o.device;
        out["threads"] = o.threads;
        out["repeats"] = o.repeats;
        out["forward_ms"] = forwardMs;
        out["methods"] = results;
        std::ofstream f(o.json);
        f << train::writeJson(out) << "\n";
        if (!f) return fail("cannot write " + o.json);
    }
    return 0;
}
