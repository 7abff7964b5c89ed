// One rank of the distributed-training tests: joins the group from the environment (as torchrun
// sets it), trains the shared tiny config and writes its final weights and validation scores, so
// that the test can compare the ranks with each other and with one process.
//
//   distributed_train_worker --out PREFIX [--epochs N] [--accumulate K] [--checkpoint FILE]
//                            [--resume] [--stop-after EPOCHS] [--die-rank R --die-step S [--die-epoch E]
//                            [--die-on-first-attempt]]
//                            [--timeout SECONDS] [--no-group]
// A restarted attempt (torchrun's TORCHELASTIC_RESTART_COUNT > 0) continues the checkpoint's run
// when it holds an unfinished one, as `actionlens-cli train --distributed` does.
// Writes PREFIX.rank<r>.pt (MultiTaskModel::save) and PREFIX.rank<r>.txt (epochs done, then the
// last epoch's validation accuracies, one per line). Exit 1 with the error on stderr.

#include "core/train/checkpoint.h"
#include "core/train/process_group.h"
#include "core/train/trainer.h"
#include "distributed_fixtures.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>

#include <unistd.h>

using namespace actionlens;

int main(int argc, char** argv) {
    std::string out, checkpoint;
    int epochs = 1, accumulate = 1, dieRank = -1, dieStep = -1, dieEpoch = 1, stopAfter = 0;
    double timeout = 60.0;
    bool resume = false, noGroup = false, dieOnFirstAttemptOnly = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string { return i + 1 < argc ? argv[++i] : ""; };
        if (a == "--out") out = next();
        else if (a == "--epochs") epochs = std::atoi(next().c_str());
        else if (a == "--accumulate") accumulate = std::atoi(next().c_str());
        else if (a == "--checkpoint") checkpoint = next();
        else if (a == "--resume") resume = true;
        else if (a == "--stop-after") stopAfter = std::atoi(next().c_str());
        else if (a == "--die-rank") dieRank = std::atoi(next().c_str());
        else if (a == "--die-step") dieStep = std::atoi(next().c_str());
        else if (a == "--die-epoch") dieEpoch = std::atoi(next().c_str());
        else if (a == "--die-on-first-attempt") dieOnFirstAttemptOnly = true;
        else if (a == "--timeout") timeout = std::atof(next().c_str());
        else if (a == "--no-group") noGroup = true;
        else {
            std::fprintf(stderr, "unknown argument %s\n", a.c_str());
            return 2;
        }
    }
    std::unique_ptr<train::ProcessGroup> group;
    int rank = 0, restartCount = 0;
    if (!noGroup) {
        Result<train::DistributedEnvironment> env = train::distributedEnvironmentFromVariables();
        if (!env) {
            std::fprintf(stderr, "error: %s\n", env.error().c_str());
            return 1;
        }
        train::ProcessGroupOptions options;
        options.device = "cpu";
        options.timeoutSeconds = timeout;
        Result<std::unique_ptr<train::ProcessGroup>> joined = train::ProcessGroup::join(env.value(), options);
        if (!joined) {
            std::fprintf(stderr, "error: %s\n", joined.error().c_str());
            return 1;
        }
        group = std::move(joined).value();
        rank = group->rank();
        restartCount = env->restartCount;
        if (!resume && train::resumesAfterRestart(checkpoint, restartCount)) resume = true;
    }
    const train::LabelledDataset data = train::testing::motionDataset();
    train::TrainConfig config = train::testing::distributedTestConfig();
    config.epochs = epochs;
    config.accumulateBatches = accumulate;
    train::TrainingRequest request{&data,     train::testing::distributedTrainItems(), train::testing::distributedValidationItems(),
                                   config,    checkpoint, resume ? checkpoint : std::string(), stopAfter, nullptr,
                                   group.get()};
    train::TrainingCallbacks callbacks;
    callbacks.progress = [&](const train::TrainingProgress& p) {
        if (rank == dieRank && p.step == dieStep && p.epoch == dieEpoch && (!dieOnFirstAttemptOnly || restartCount == 0)) {
            std::fprintf(stderr, "rank %d: dying at step %d as asked\n", rank, p.step);
            std::fflush(stderr);
            _exit(7);
        }
    };
    Result<train::TrainingOutcome> outcome = train::trainModel(request, callbacks);
    if (!outcome) {
        std::fprintf(stderr, "error: %s\n", outcome.error().c_str());
        return 1;
    }
    const std::string prefix = out + ".rank" + std::to_string(rank);
    if (Status s = outcome->model->save(prefix + ".pt"); !s) {
        std::fprintf(stderr, "error: %s\n", s.error().c_str());
        return 1;
    }
    std::ofstream text(prefix + ".txt");
    text.precision(17);
    text << outcome->epochsDone << "\n";
    if (!outcome->history.empty())
        for (double a : outcome->history.back().validationAccuracy) text << a << "\n";
    return 0;
}
