#include "core/model/compute_device.h"

#include <gtest/gtest.h>

namespace actionlens::model {
namespace {

TEST(ComputeDevice, AutoPicksCudaExactlyWhenLibTorchHasIt) {
    const Result<std::string> device = resolveComputeDevice("auto");
    ASSERT_TRUE(device.ok()) << device.error();
    EXPECT_EQ(device.value(), cudaDeviceAvailable() ? "cuda" : "cpu");
    EXPECT_EQ(cudaDeviceCount() > 0, cudaDeviceAvailable());
}

TEST(ComputeDevice, CpuIsAlwaysThere) {
    const Result<std::string> device = resolveComputeDevice("cpu");
    ASSERT_TRUE(device.ok()) << device.error();
    EXPECT_EQ(device.value(), "cpu");
}

TEST(ComputeDevice, UnknownNamesAreRefusedByName) {
    for (const char* name : {"gpu7", "", "tpu", "cuda:x"}) {
        const Result<std::string> device = resolveComputeDevice(name);
        ASSERT_FALSE(device.ok()) << name;
        EXPECT_NE(device.error().find(std::string("'") + name + "'"), std::string::npos) << device.error();
    }
}

TEST(ComputeDevice, CudaIsGrantedOnlyWhereItExists) {
    const Result<std::string> cuda = resolveComputeDevice("cuda");
    const Result<std::string> first = resolveComputeDevice("cuda:0");
    if (cudaDeviceAvailable()) {
        ASSERT_TRUE(cuda.ok()) << cuda.error();
        EXPECT_EQ(cuda.value(), "cuda");
        ASSERT_TRUE(first.ok()) << first.error();
        EXPECT_EQ(first.value(), "cuda:0");
    } else {
        ASSERT_FALSE(cuda.ok());
        EXPECT_NE(cuda.error().find("no CUDA device"), std::string::npos) << cuda.error();
        EXPECT_FALSE(first.ok());
    }
    // A GPU number past the last one is refused, naming how many there are.
    const std::string beyond = "cuda:" + std::to_string(cudaDeviceCount());
    const Result<std::string> missing = resolveComputeDevice(beyond);
    ASSERT_FALSE(missing.ok());
    EXPECT_NE(missing.error().find(beyond), std::string::npos) << missing.error();
}

}  // namespace
}  // namespace actionlens::model
