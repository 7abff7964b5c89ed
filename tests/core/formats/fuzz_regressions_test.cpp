// The inputs the fuzzers found (tests/fuzz/regressions/<target>/, kept by packaging/run-fuzzers.sh)
// replayed through their importers, laid out as files exactly as the fuzz target did
// (tests/fuzz/fuzz_import_inputs.cpp), into a project like the fuzzing one: each must be refused
// with a message, and must not crash (under the debug preset's sanitizers, nor overflow anything).
#include "core/annotation/project_store.h"
#include "core/formats/format_registry.h"
#include "tests/core/formats/formats_fixtures.h"
#include "tests/fuzz/fuzz_import_inputs.h"
#include "tests/fuzz/fuzz_project.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace actionlens;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> keptInputs(const std::string& target) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(fs::path(ACTIONLENS_FUZZ_REGRESSIONS) / target, ec))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::string bytesOf(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace

TEST(FormatsFuzzRegressions, EveryKeptInputIsRefusedWithAMessage) {
    int replayed = 0;
    for (const fuzz::ImportInput& input : fuzz::importInputs()) {
        for (const fs::path& kept : keptInputs(input.target)) {
            SCOPED_TRACE(input.target + "/" + kept.filename().string());
            fixtures::TempDir dir;
            auto store = fixtures::newProject(dir);
            ASSERT_TRUE(store);
            ASSERT_TRUE(fuzz::addVideosAndTaxonomy(*store, dir.file("")).ok());
            const auto before = store->counts().value();
            const size_t layoutsBefore = store->skeletonLayouts().size();
            const std::string source = fuzz::placeImportInput(input, dir.file("input"), bytesOf(kept));
            const Status imported = formats::importProject(input.format, source, *store);
            EXPECT_FALSE(imported.ok());
            if (!imported.ok()) EXPECT_FALSE(imported.error().empty());
            fixtures::expectProjectUnchanged(*store, before, layoutsBefore);
            ++replayed;
        }
    }
    RecordProperty("replayed", replayed);
}
