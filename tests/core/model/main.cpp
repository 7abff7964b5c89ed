// Test main for core/model: deterministic, small-thread LibTorch so the suite is reproducible
// and does not fight the other builds for the machine's cores.

#include <gtest/gtest.h>
#include <torch/torch.h>

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    torch::set_num_threads(2);
    torch::manual_seed(7);
    return RUN_ALL_TESTS();
}
