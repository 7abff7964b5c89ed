// Test main for core/train: single-threaded LibTorch (tiny tensors; on a loaded two-core machine
// a second OpenMP thread only spin-waits), deterministic seeds.

#include <gtest/gtest.h>
#include <torch/torch.h>

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    torch::set_num_threads(1);
    torch::manual_seed(7);
    return RUN_ALL_TESTS();
}
