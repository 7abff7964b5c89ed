// core/runs is used by the window (Qt with its keywords): LibTorch stays in .cpp files.

#include "tests/support/source_headers.h"

#include <gtest/gtest.h>

namespace {

TEST(RunsPublicHeaders, DoNotIncludeTorchOrInternalHeaders) {
    const auto headers = actionlens::fixtures::headersIn("core/runs");
    for (const auto& [path, text] : headers) {
        EXPECT_EQ(text.find("<torch/"), std::string::npos) << path;
        EXPECT_EQ(text.find("/internal/"), std::string::npos) << path;
    }
    EXPECT_GE(headers.size(), 3u);
}

}  // namespace
