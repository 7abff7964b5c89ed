// Data-parallel training end to end, on this machine with Gloo: 2 and 3 processes on localhost,
// started by the test (the worker binary with torchrun's variables) and once through torchrun
// itself where Python's torch is installed. After training, every rank holds the same weights,
// and they equal those of one process that takes the same steps (accumulate_batches = N: each
// step averages the gradients of the same N batches, augmented and dropped out the same way;
// AdamW as always). A rank that dies ends the others with an error instead of a hang. The waits
// are bounded only so that a hang fails the test instead of the suite; no time is asserted.

#include "core/model/internal/multi_task_network.h"
#include "core/train/checkpoint.h"
#include "core/train/process_group.h"
#include "core/train/trainer.h"
#include "distributed_fixtures.h"
#include "tests/support/free_port.h"

#include <gtest/gtest.h>

#include <torch/torch.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace actionlens::train {
namespace {

namespace mi = model::internal;

class TempFolder {
public:
    TempFolder() {
        path_ = std::filesystem::temp_directory_path() / ("actionlens-ddp-test-" + std::to_string(::getpid()) + "-" +
                                                         std::to_string(counter_++));
        std::filesystem::create_directories(path_);
    }
    ~TempFolder() { std::filesystem::remove_all(path_); }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    static inline int counter_ = 0;
    std::filesystem::path path_;
};


std::string readText(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Starts `program args` with extra variables, its output into `log`.
pid_t start(const std::vector<std::string>& command, const std::vector<std::string>& variables, const std::string& log) {
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) env.push_back(*e);
    for (const std::string& v : variables) env.push_back(v);
    std::vector<char*> argv, envp;
    for (const std::string& a : command) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    for (const std::string& e : env) envp.push_back(const_cast<char*>(e.c_str()));
    envp.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        std::FILE* out = std::freopen(log.c_str(), "w", stdout);
        if (out) ::dup2(::fileno(stdout), 2);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    return pid;
}

// Waits for every process; a process still running after `boundSeconds` (a hang) is killed and
// reported as -1. Returns the exit codes.
std::vector<int> waitAll(const std::vector<pid_t>& pids, int boundSeconds) {
    std::vector<int> codes(pids.size(), -2);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(boundSeconds);
    size_t left = pids.size();
    while (left > 0) {
        for (size_t i = 0; i < pids.size(); ++i) {
            if (codes[i] != -2) continue;
            int status = 0;
            if (::waitpid(pids[i], &status, WNOHANG) == pids[i]) {
                codes[i] = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
                --left;
            }
        }
        if (left == 0) break;
        if (std::chrono::steady_clock::now() > deadline) {
            for (size_t i = 0; i < pids.size(); ++i)
                if (codes[i] == -2) {
                    ::kill(pids[i], SIGKILL);
                    ::waitpid(pids[i], nullptr, 0);
                    codes[i] = -1;
                }
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return codes;
}

std::vector<std::string> torchrunVariables(int rank, int world, int port) {
    return {"MASTER_ADDR=127.0.0.1",
            "MASTER_PORT=" + std::to_string(port),
            "RANK=" + std::to_string(rank),
            "WORLD_SIZE=" + std::to_string(world),
            "LOCAL_RANK=" + std::to_string(rank),
            "LOCAL_WORLD_SIZE=" + std::to_string(world),
            "OMP_NUM_THREADS=1"};
}

// Runs `world` workers with `args`; returns their exit codes (logs in folder's rank<r>.log).
std::vector<int> runWorkers(int world, const std::vector<std::string>& args, const TempFolder& folder, int boundSeconds = 240) {
    const int port = actionlens::testing::freeLoopbackPort();
    std::vector<pid_t> pids;
    for (int r = 0; r < world; ++r) {
        std::vector<std::string> command{ACTIONLENS_DISTRIBUTED_WORKER};
        command.insert(command.end(), args.begin(), args.end());
        pids.push_back(start(command, torchrunVariables(r, world, port), folder.file("rank" + std::to_string(r) + ".log")));
    }
    return waitAll(pids, boundSeconds);
}

std::unique_ptr<model::MultiTaskModel> loadModel(const std::string& path) {
    const LabelledDataset data = testing::motionDataset();
    Result<ModelSnapshot> snapshot = snapshotFor(data, testing::distributedTrainItems(), testing::distributedTestConfig());
    EXPECT_TRUE(snapshot.ok());
    Result<model::MultiTaskModel> created = model::MultiTaskModel::create(snapshot->model);
    EXPECT_TRUE(created.ok());
    auto m = std::make_unique<model::MultiTaskModel>(std::move(created).value());
    Status loaded = m->load(path);
    EXPECT_TRUE(loaded.ok()) << path << ": " << (loaded ? "" : loaded.error());
    return m;
}

// A bias right before a batch norm (which subtracts the mean) or before a softmax (which ignores
// a shift) has a gradient of zero in exact arithmetic; in floats it is rounding noise, which
// AdamW divides by its own size and so turns into steps of any sign. Such parameters follow the
// order of the float sums, not the training, and are left out of comparisons across processes.
bool gradientIsRoundingNoise(const std::string& name) {
    for (const char* suffix : {"tcn.bias", "residual.0.bias", "attention_score.bias"})
        if (name.size() >= std::strlen(suffix) && name.compare(name.size() - std::strlen(suffix), std::string::npos, suffix) == 0)
            return true;
    return false;
}

// Largest absolute difference of the parameters (and, with buffers, the batch-norm statistics).
double largestDifference(model::MultiTaskModel& a, model::MultiTaskModel& b, bool buffers, bool skipNoise = false) {
    double largest = 0.0;
    auto pa = mi::networkOf(a)->named_parameters();
    for (const auto& item : mi::networkOf(b)->named_parameters())
        if (!skipNoise || !gradientIsRoundingNoise(item.key()))
            largest = std::max(largest, (pa[item.key()] - item.value()).abs().max().item<double>());
    if (buffers) {
        auto ba = mi::networkOf(a)->named_buffers();
        for (const auto& item : mi::networkOf(b)->named_buffers())
            largest = std::max(largest, (ba[item.key()].to(torch::kDouble) - item.value().to(torch::kDouble)).abs().max().item<double>());
    }
    return largest;
}

// One process taking the steps `world` processes take.
std::unique_ptr<model::MultiTaskModel> singleProcessReference(int world, int epochs = 1) {
    const LabelledDataset data = testing::motionDataset();
    TrainConfig config = testing::distributedTestConfig();
    config.accumulateBatches = world;
    config.epochs = epochs;
    Result<TrainingOutcome> outcome = trainModel(
        TrainingRequest{&data, testing::distributedTrainItems(), testing::distributedValidationItems(), config, "", "", 0});
    EXPECT_TRUE(outcome.ok()) << (outcome ? "" : outcome.error());
    return outcome ? std::move(outcome->model) : nullptr;
}

void expectRanksAgreeWithOneProcess(int world) {
    TempFolder folder;
    const std::vector<int> codes = runWorkers(world, {"--out", folder.file("w")}, folder);
    for (int r = 0; r < world; ++r)
        ASSERT_EQ(codes[size_t(r)], 0) << "rank " << r << ":\n" << readText(folder.file("rank" + std::to_string(r) + ".log"));
    auto first = loadModel(folder.file("w.rank0.pt"));
    const std::string scores = readText(folder.file("w.rank0.txt"));
    EXPECT_EQ(scores.substr(0, 2), "1\n");
    for (int r = 1; r < world; ++r) {
        auto other = loadModel(folder.file("w.rank" + std::to_string(r) + ".pt"));
        // The same all-reduced sums on every rank: the same bits, batch-norm statistics included.
        EXPECT_EQ(largestDifference(*first, *other, true), 0.0) << "rank " << r;
        EXPECT_EQ(readText(folder.file("w.rank" + std::to_string(r) + ".txt")), scores) << "validation differs on rank " << r;
    }
    auto reference = singleProcessReference(world);
    ASSERT_TRUE(reference);
    // Only the order of the float sums differs (the all-reduce's against autograd's accumulation):
    // measured 1e-6 and less after 3-4 AdamW steps of 3e-3. The running batch-norm statistics are
    // not compared: ranks average theirs, one process updates its own batch by batch.
    EXPECT_LT(largestDifference(*first, *reference, false, true), 1e-5);
    // And the steps did something: far from the initial weights of the same seed.
    const LabelledDataset data = testing::motionDataset();
    Result<ModelSnapshot> snapshot = snapshotFor(data, testing::distributedTrainItems(), testing::distributedTestConfig());
    torch::manual_seed(testing::distributedTestConfig().seed);
    Result<model::MultiTaskModel> initial = model::MultiTaskModel::create(snapshot->model);
    EXPECT_GT(largestDifference(*first, initial.value(), false), 1e-3);
}

TEST(DistributedTraining, TwoRanksHoldTheWeightsOfOneProcessTakingTheSameSteps) {
    if (!processGroupBackendAvailable("gloo")) GTEST_SKIP() << "this build has no Gloo (libgloo-dev missing at build time)";
    expectRanksAgreeWithOneProcess(2);
}

TEST(DistributedTraining, ThreeRanksHoldTheWeightsOfOneProcessTakingTheSameSteps) {
    if (!processGroupBackendAvailable("gloo")) GTEST_SKIP() << "this build has no Gloo (libgloo-dev missing at build time)";
    expectRanksAgreeWithOneProcess(3);
}

TEST(DistributedTraining, AKilledRankEndsTheOthersWithAnError) {
    if (!processGroupBackendAvailable("gloo")) GTEST_SKIP() << "this build has no Gloo (libgloo-dev missing at build time)";
    TempFolder folder;
    const std::vector<int> codes =
        runWorkers(3, {"--out", folder.file("w"), "--epochs", "3", "--die-rank", "1", "--die-step", "2", "--timeout", "20"}, folder);
    EXPECT_EQ(codes[1], 7) << readText(folder.file("rank1.log"));
    for (int r : {0, 2}) {
        const std::string log = readText(folder.file("rank" + std::to_string(r) + ".log"));
        EXPECT_EQ(codes[size_t(r)], 1) << "rank " << r << (codes[size_t(r)] == -1 ? " hung" : "") << ":\n" << log;
        EXPECT_NE(log.find("distributed training stopped on rank " + std::to_string(r) + " of 3"), std::string::npos) << log;
        EXPECT_FALSE(std::filesystem::exists(folder.file("w.rank" + std::to_string(r) + ".pt")));
    }
}

TEST(DistributedTraining, ResumesWithAnotherNumberOfProcessesAndOnlyRankZeroWrites) {
    if (!processGroupBackendAvailable("gloo")) GTEST_SKIP() << "this build has no Gloo (libgloo-dev missing at build time)";
    TempFolder folder;
    const std::string checkpoint = folder.file("m.alm");
    std::vector<int> codes =
        runWorkers(2, {"--out", folder.file("a"), "--epochs", "2", "--checkpoint", checkpoint, "--stop-after", "1"}, folder);
    ASSERT_EQ(codes, (std::vector<int>{0, 0})) << readText(folder.file("rank0.log")) << readText(folder.file("rank1.log"));
    Result<CheckpointInfo> info = readCheckpointInfo(checkpoint);
    ASSERT_TRUE(info.ok()) << info.error();
    EXPECT_EQ(info->epochsDone, 1);
    EXPECT_FALSE(info->finished);
    codes = runWorkers(3, {"--out", folder.file("b"), "--epochs", "2", "--checkpoint", checkpoint, "--resume"}, folder);
    ASSERT_EQ(codes, (std::vector<int>{0, 0, 0})) << readText(folder.file("rank0.log")) << readText(folder.file("rank2.log"));
    info = readCheckpointInfo(checkpoint);
    ASSERT_TRUE(info.ok()) << info.error();
    EXPECT_EQ(info->epochsDone, 2);
    EXPECT_TRUE(info->finished);
    EXPECT_EQ(info->history.size(), 2u);
    auto first = loadModel(folder.file("b.rank0.pt"));
    for (int r = 1; r < 3; ++r)
        EXPECT_EQ(largestDifference(*first, *loadModel(folder.file("b.rank" + std::to_string(r) + ".pt")), true), 0.0);
    // The file holds what the ranks hold (its best weights: the run's only model).
    Result<std::unique_ptr<model::MultiTaskModel>> written = loadTrainedModel(checkpoint);
    ASSERT_TRUE(written.ok()) << written.error();
    EXPECT_EQ(largestDifference(*first, *written.value(), true), 0.0);
}

// Through torchrun, with its restart policy: rank 1 dies in the second epoch of the first attempt;
// torchrun restarts both ranks, which continue from the checkpoint's first epoch and end where an
// uninterrupted run of two processes ends.
TEST(DistributedTraining, UnderTorchrunARestartAfterAKilledRankResumesFromTheCheckpoint) {
    if (!processGroupBackendAvailable("gloo")) GTEST_SKIP() << "this build has no Gloo (libgloo-dev missing at build time)";
    const std::string python = "/usr/bin/python3";
    if (std::system((python + " -c 'import torch.distributed.run' >/dev/null 2>&1").c_str()) != 0)
        GTEST_SKIP() << "torchrun is not here: " << python << " lacks torch.distributed.run (Debian: python3-torch)";
    TempFolder folder;
    const std::string checkpoint = folder.file("m.alm");
    // Debian 12's torchrun needs -r/-t/--log_dir (its default output options crash on Python 3.11).
    const std::vector<std::string> command{python, "-m", "torch.distributed.run", "--nproc_per_node", "2",
                                           "--master_port", std::to_string(actionlens::testing::freeLoopbackPort()), "--max_restarts", "1",
                                           "--monitor_interval", "1", "-r", "2", "-t", "2", "--log_dir", folder.file("logs"),
                                           "--no_python", ACTIONLENS_DISTRIBUTED_WORKER, "--out", folder.file("w"),
                                           "--epochs", "2", "--checkpoint", checkpoint, "--die-rank", "1", "--die-epoch", "2",
                                           "--die-step", "1", "--die-on-first-attempt", "--timeout", "30"};
    const std::vector<int> codes = waitAll({start(command, {"OMP_NUM_THREADS=1"}, folder.file("torchrun.log"))}, 300);
    ASSERT_EQ(codes[0], 0) << readText(folder.file("torchrun.log"));
    EXPECT_NE(readText(folder.file("torchrun.log")).find("dying at step 1"), std::string::npos)
        << "the first attempt did not lose its rank: " << readText(folder.file("torchrun.log"));
    Result<CheckpointInfo> info = readCheckpointInfo(checkpoint);
    ASSERT_TRUE(info.ok()) << info.error();
    EXPECT_EQ(info->epochsDone, 2);
    EXPECT_TRUE(info->finished);
    auto first = loadModel(folder.file("w.rank0.pt"));
    auto second = loadModel(folder.file("w.rank1.pt"));
    EXPECT_EQ(largestDifference(*first, *second, true), 0.0);
    // The same two epochs without the failure, launched by hand.
    const std::vector<int> plain = runWorkers(2, {"--out", folder.file("u"), "--epochs", "2"}, folder);
    ASSERT_EQ(plain, (std::vector<int>{0, 0})) << readText(folder.file("rank0.log"));
    EXPECT_LT(largestDifference(*first, *loadModel(folder.file("u.rank0.pt")), true, true), 1e-6);
}

}  // namespace
}  // namespace actionlens::train
