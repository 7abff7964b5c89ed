// Test main for core/explain: single-threaded LibTorch (tiny tensors; on a loaded two-core machine
// a second OpenMP thread only spin-waits), deterministic seeds.

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
