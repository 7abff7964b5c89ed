// verifyZipChecksums on LibTorch archives: a whole one passes; a changed byte in a tensor's
// data and a cut file are each refused with what is wrong.

#include "core/train/zip_checksums.h"

#include <torch/serialize.h>
#include <torch/torch.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include <unistd.h>

using namespace actionlens;
using namespace actionlens::train;

namespace {

std::string pathFor(const std::string& name) {
    return (std::filesystem::temp_directory_path() / ("actionlens_zip_" + std::to_string(::getpid()) + "_" + name)).string();
}

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void writeAll(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

// An archive holding one tensor of recognisable floats; returns its bytes.
std::string makeArchive(const std::string& path) {
    torch::serialize::OutputArchive archive;
    archive.write("weights", torch::full({64}, 1234.5f), /*is_buffer=*/true);
    archive.save_to(path);
    return readAll(path);
}

}  // namespace

TEST(ZipChecksums, AWholeArchivePassesAndEveryDamageIsNamed) {
    const std::string path = pathFor("m.alm");
    const std::string bytes = makeArchive(path);
    EXPECT_TRUE(verifyZipChecksums(path).ok()) << verifyZipChecksums(path).error();

    // A byte of the tensor's data (the float 1234.5 is 0x449A5000, little-endian 00 50 9A 44).
    const size_t data = bytes.find(std::string("\x00\x50\x9a\x44", 4));
    ASSERT_NE(data, std::string::npos);
    std::string changed = bytes;
    changed[data + 2] = static_cast<char>(changed[data + 2] ^ 0x01);
    writeAll(path, changed);
    const Status flipped = verifyZipChecksums(path);
    ASSERT_FALSE(flipped.ok());
    EXPECT_NE(flipped.error().find("fails its checksum"), std::string::npos) << flipped.error();

    // Cut short: the table of contents at the end is gone.
    writeAll(path, bytes.substr(0, bytes.size() * 2 / 3));
    const Status cut = verifyZipChecksums(path);
    ASSERT_FALSE(cut.ok());
    EXPECT_NE(cut.error().find("table of contents"), std::string::npos) << cut.error();

    // Not a file at all.
    std::filesystem::remove(path);
    EXPECT_FALSE(verifyZipChecksums(path).ok());
}

// PyTorch's own torch.save writes the same archive layout (the fuzz seed, tests/fuzz/seeds): it
// passes, and the inputs the model-file fuzzer kept (tests/fuzz/regressions/fuzz_model_file, if
// any) are refused with a message, not a crash.
TEST(ZipChecksums, AFileOfPyTorchPassesAndKeptFuzzInputsAreRefused) {
    const std::filesystem::path fuzz = std::filesystem::path(ACTIONLENS_SOURCE_DIR) / "tests" / "fuzz";
    const std::string seed = (fuzz / "seeds" / "fuzz_model_file" / "two_tensors.pt").string();
    const Status whole = verifyZipChecksums(seed);
    EXPECT_TRUE(whole.ok()) << whole.error();
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(fuzz / "regressions" / "fuzz_model_file", ec)) {
        SCOPED_TRACE(entry.path().string());
        const Status kept = verifyZipChecksums(entry.path().string());
        EXPECT_FALSE(kept.ok());
        if (!kept.ok()) EXPECT_FALSE(kept.error().empty());
    }
}
