// Joining a process group: torchrun's variables read with errors that say what is wrong and how
// runs are launched; a group of one joins, waits and sums; an unknown backend is refused.

#include "core/train/internal/collectives.h"
#include "core/train/internal/data_parallel.h"
#include "core/train/process_group.h"
#include "tests/support/free_port.h"

#include <gtest/gtest.h>

#include <torch/torch.h>

#include <cstdlib>

#include <unistd.h>

namespace actionlens::train {
namespace {

class Variables {
public:
    explicit Variables(std::vector<std::pair<std::string, std::string>> values) {
        for (const char* name : {"MASTER_ADDR", "MASTER_PORT", "RANK", "WORLD_SIZE", "LOCAL_RANK", "LOCAL_WORLD_SIZE",
                                  "TORCHELASTIC_USE_AGENT_STORE", "TORCHELASTIC_RESTART_COUNT"}) {
            const char* old = std::getenv(name);
            saved_.push_back({name, old ? std::optional<std::string>(old) : std::nullopt});
            ::unsetenv(name);
        }
        for (const auto& [name, value] : values) ::setenv(name.c_str(), value.c_str(), 1);
    }
    ~Variables() {
        for (const auto& [name, value] : saved_)
            if (value)
                ::setenv(name.c_str(), value->c_str(), 1);
            else
                ::unsetenv(name.c_str());
    }

private:
    std::vector<std::pair<std::string, std::optional<std::string>>> saved_;
};


TEST(ProcessGroup, ReadsTorchrunsVariables) {
    Variables v({{"MASTER_ADDR", "node7"}, {"MASTER_PORT", "29512"}, {"RANK", "5"}, {"WORLD_SIZE", "8"},
                 {"LOCAL_RANK", "1"}, {"LOCAL_WORLD_SIZE", "4"}, {"TORCHELASTIC_USE_AGENT_STORE", "True"},
                 {"TORCHELASTIC_RESTART_COUNT", "2"}});
    Result<DistributedEnvironment> env = distributedEnvironmentFromVariables();
    ASSERT_TRUE(env.ok()) << env.error();
    EXPECT_EQ(env->masterAddress, "node7");
    EXPECT_EQ(env->masterPort, 29512);
    EXPECT_EQ(env->rank, 5);
    EXPECT_EQ(env->worldSize, 8);
    EXPECT_EQ(env->localRank, 1);
    EXPECT_EQ(env->localWorldSize, 4);
    EXPECT_TRUE(env->agentHostsStore);
    EXPECT_EQ(env->restartCount, 2);
}

TEST(ProcessGroup, MissingOrWrongVariablesSayWhichAndHowToLaunch) {
    {
        Variables v({});
        Result<DistributedEnvironment> env = distributedEnvironmentFromVariables();
        ASSERT_FALSE(env.ok());
        EXPECT_NE(env.error().find("WORLD_SIZE is not set"), std::string::npos) << env.error();
        EXPECT_NE(env.error().find("torchrun"), std::string::npos) << env.error();
    }
    {
        Variables v({{"MASTER_ADDR", "h"}, {"MASTER_PORT", "29500"}, {"RANK", "2"}, {"WORLD_SIZE", "2"}});
        Result<DistributedEnvironment> env = distributedEnvironmentFromVariables();
        ASSERT_FALSE(env.ok());
        EXPECT_EQ(env.error(), "RANK is '2', expected a whole number from 0 to 1");
    }
    {
        Variables v({{"MASTER_ADDR", "h"}, {"MASTER_PORT", "port"}, {"RANK", "0"}, {"WORLD_SIZE", "2"}});
        Result<DistributedEnvironment> env = distributedEnvironmentFromVariables();
        ASSERT_FALSE(env.ok());
        EXPECT_EQ(env.error(), "MASTER_PORT is 'port', expected a whole number from 1 to 65535");
    }
}

TEST(ProcessGroup, RefusesAnUnknownBackendAndNcclOnTheCpu) {
    DistributedEnvironment env;
    ProcessGroupOptions options;
    options.backend = "mpi";
    Result<std::unique_ptr<ProcessGroup>> group = ProcessGroup::join(env, options);
    ASSERT_FALSE(group.ok());
    EXPECT_EQ(group.error(), "backend is 'mpi', expected auto, gloo or nccl");
    options.backend = "nccl";
    options.device = "cpu";
    group = ProcessGroup::join(env, options);
    ASSERT_FALSE(group.ok());
    EXPECT_NE(group.error().find("NCCL backend needs the CUDA device"), std::string::npos) << group.error();
}

TEST(ProcessGroup, AGroupOfOneJoinsSumsAndAveragesGradients) {
    if (!processGroupBackendAvailable("gloo")) GTEST_SKIP() << "this build has no Gloo (libgloo-dev missing at build time)";
    DistributedEnvironment env;
    env.masterPort = actionlens::testing::freeLoopbackPort();
    ProcessGroupOptions options;
    options.device = "cpu";
    options.timeoutSeconds = 30;
    Result<std::unique_ptr<ProcessGroup>> group = ProcessGroup::join(env, options);
    ASSERT_TRUE(group.ok()) << group.error();
    EXPECT_EQ(group.value()->backend(), "gloo");
    EXPECT_EQ(group.value()->size(), 1);
    EXPECT_TRUE(group.value()->barrier().ok());
    internal::DataParallel parallel(group.value().get(), /*bucketBytes=*/8);  // one parameter a bucket
    std::vector<double> sums{1.5, 2.5};
    ASSERT_TRUE(parallel.sum(sums, "test").ok());
    EXPECT_EQ(sums, (std::vector<double>{1.5, 2.5}));
    // Gradients of two batches accumulated: halved. A parameter without a gradient stays without.
    torch::Tensor a = torch::zeros({3}, torch::requires_grad()), b = torch::zeros({2}, torch::requires_grad());
    a.mutable_grad() = torch::tensor({2.0f, 4.0f, 6.0f});
    std::vector<double> control{1.0};
    ASSERT_TRUE(parallel.averageGradients({a, b}, 2, control).ok());
    EXPECT_TRUE(torch::equal(a.grad(), torch::tensor({1.0f, 2.0f, 3.0f})));
    EXPECT_FALSE(b.grad().defined());
    EXPECT_EQ(control, (std::vector<double>{1.0}));
}

}  // namespace
}  // namespace actionlens::train
