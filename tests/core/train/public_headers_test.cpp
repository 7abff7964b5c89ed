// The rule that lets the GUI and the CLI (Qt, with its keywords) use core/train: LibTorch stays
// in .cpp files and core/train/internal/.

#include "tests/support/source_headers.h"

#include <gtest/gtest.h>

namespace {

TEST(TrainPublicHeaders, DoNotIncludeTorchOrInternalHeaders) {
    const auto headers = actionlens::fixtures::headersIn("core/train");
    for (const auto& [path, text] : headers) {
        EXPECT_EQ(text.find("<torch/"), std::string::npos) << path;
        EXPECT_EQ(text.find("/internal/"), std::string::npos) << path;
    }
    EXPECT_GE(headers.size(), 10u);
}

}  // namespace
