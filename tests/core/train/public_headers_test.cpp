// The rule that lets the GUI and the CLI (Qt, with its keywords) use core/train: LibTorch stays
// in .cpp files and core/train/internal/.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

TEST(TrainPublicHeaders, DoNotIncludeTorchOrInternalHeaders) {
    namespace fs = std::filesystem;
    int headers = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(ACTIONLENS_SOURCE_DIR) / "core" / "train")) {
        if (entry.path().extension() != ".h") continue;
        ++headers;
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        EXPECT_EQ(text.str().find("<torch/"), std::string::npos) << entry.path();
        EXPECT_EQ(text.str().find("/internal/"), std::string::npos) << entry.path();
    }
    EXPECT_GE(headers, 10);
}

}  // namespace
