// distributed_bench: one process of a data-parallel training benchmark on a dataset file (.alds,
// `actionlens-cli export-dataset`), for a machine with LibTorch alone. Launched by hand with
// torchrun's variables (distributed_bench.sh does that for 1, 2, ... processes), by torchrun, or
// alone (no variables: one process, no group). Rank 0 prints one JSON line with the last epoch's
// training throughput over all ranks (clips/s, from the trainer's own timing of the epoch's
// training steps) and the setup; asserts nothing.
//
//   distributed_bench --dataset F.alds [--clips N] [--epochs 2] [--batch 32] [--threads 1]
//                     [--device cpu|cuda] [--backend auto|gloo|nccl] [--accumulate 1]

#include "core/train/dataset_file.h"
#include "core/train/process_group.h"
#include "core/train/trainer.h"

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace actionlens;

int main(int argc, char** argv) {
    std::string datasetPath, device = "cpu", backend = "auto";
    int clips = 0, epochs = 2, batch = 32, threads = 1, accumulate = 1;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (a == "--dataset") datasetPath = next();
        else if (a == "--clips") clips = std::atoi(next().c_str());
        else if (a == "--epochs") epochs = std::atoi(next().c_str());
        else if (a == "--batch") batch = std::atoi(next().c_str());
        else if (a == "--threads") threads = std::atoi(next().c_str());
        else if (a == "--device") device = next();
        else if (a == "--backend") backend = next();
        else if (a == "--accumulate") accumulate = std::atoi(next().c_str());
        else {
            std::fprintf(stderr, "usage: distributed_bench --dataset F.alds [--clips N] [--epochs 2] [--batch 32] [--threads 1] "
                                 "[--device cpu|cuda] [--backend auto|gloo|nccl] [--accumulate 1]\n");
            return 2;
        }
    }
    Result<train::LabelledDataset> data = train::readDatasetFile(datasetPath);
    if (!data) {
        std::fprintf(stderr, "distributed_bench: %s\n", data.error().c_str());
        return 1;
    }
    std::unique_ptr<train::ProcessGroup> group;
    if (std::getenv("WORLD_SIZE")) {
        Result<train::DistributedEnvironment> env = train::distributedEnvironmentFromVariables();
        if (!env) {
            std::fprintf(stderr, "distributed_bench: %s\n", env.error().c_str());
            return 1;
        }
        train::ProcessGroupOptions options;
        options.backend = backend;
        options.device = device;
        Result<std::unique_ptr<train::ProcessGroup>> joined = train::ProcessGroup::join(env.value(), options);
        if (!joined) {
            std::fprintf(stderr, "distributed_bench: %s\n", joined.error().c_str());
            return 1;
        }
        group = std::move(joined).value();
    }
    train::TrainConfig config;
    config.epochs = epochs;
    config.batchSize = batch;
    config.threads = threads;
    config.device = device;
    config.accumulateBatches = accumulate;
    config.warmupEpochs = 0;
    std::vector<int> items;
    for (size_t i = 0; i < data->clips.size() && (clips <= 0 || int(i) < clips); ++i) items.push_back(int(i));
    train::TrainingRequest request{&data.value(), items, {}, config, "", "", 0, nullptr, group.get()};
    Result<train::TrainingOutcome> outcome = train::trainModel(request);
    if (!outcome) {
        std::fprintf(stderr, "distributed_bench: %s\n", outcome.error().c_str());
        return 1;
    }
    if (!group || group->rank() == 0)
        std::printf("{\"processes\": %d, \"backend\": \"%s\", \"device\": \"%s\", \"threads\": %d, \"clips\": %zu, "
                    "\"batch_per_process\": %d, \"epochs\": %d, \"last_epoch_clips_per_second\": %.1f, \"train_loss\": %.4f}\n",
                    group ? group->size() : 1, group ? group->backend().c_str() : "none", outcome->device.c_str(), threads,
                    items.size(), batch, epochs, outcome->history.back().clipsPerSecond, outcome->history.back().trainLoss);
    return 0;
}
