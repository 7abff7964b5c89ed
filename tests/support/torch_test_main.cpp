// Test main for the LibTorch suites (core/model, core/train, core/explain): deterministic,
// single-threaded LibTorch. The tensors here are tiny, and on a loaded machine a second OpenMP
// thread spin-waits at every operation: with other builds running, the overfit test took 50 s
// on two threads and 2 s on one.

#include "tests/support/crash_report.h"

#include <gtest/gtest.h>
#include <torch/torch.h>

int main(int argc, char** argv) {
    actionlens::test::installCrashReport();
    ::testing::InitGoogleTest(&argc, argv);
    torch::set_num_threads(1);
    torch::manual_seed(7);
    const int result = RUN_ALL_TESTS();
    actionlens::test::reportTestsFinished(result);
    return result;
}
