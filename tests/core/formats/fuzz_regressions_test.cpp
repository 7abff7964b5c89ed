// The inputs the fuzzers found (tests/fuzz/regressions/<target>/, kept by packaging/run-fuzzers.sh)
// replayed through their importers, laid out as files exactly as the fuzz target did
// (tests/fuzz/fuzz_import_inputs.cpp), into a project like the fuzzing one: each must be refused
// with a message, and must not crash (under the debug preset's sanitizers, nor overflow anything).
#include "core/annotation/project_store.h"
#include "core/formats/format_registry.h"
#include "tests/core/formats/formats_fixtures.h"
#include "tests/fuzz/fuzz_import_inputs.h"
#include "tests/fuzz/fuzz_project.h"
#include "tests/fuzz/kept_inputs.h"

#include <gtest/gtest.h>

#include <filesystem>

using namespace actionlens;
namespace fs = std::filesystem;

TEST(FormatsFuzzRegressions, EveryKeptInputIsRefusedWithAMessage) {
    int replayed = 0;
    for (const fuzz::ImportInput& input : fuzz::importInputs()) {
        for (const fs::path& kept : fuzz::keptInputs(input.target)) {
            SCOPED_TRACE(input.target + "/" + kept.filename().string());
            fixtures::TempDir dir;
            auto store = fixtures::newProject(dir);
            ASSERT_TRUE(store);
            ASSERT_TRUE(fuzz::addVideosAndTaxonomy(*store, dir.file("")).ok());
            const auto before = store->counts().value();
            const size_t layoutsBefore = store->skeletonLayouts().size();
            const std::string source = fuzz::placeImportInput(input, dir.file("input"), fuzz::bytesOf(kept));
            const Status imported = formats::importProject(input.format, source, *store);
            EXPECT_FALSE(imported.ok());
            if (!imported.ok()) EXPECT_FALSE(imported.error().empty());
            fixtures::expectProjectUnchanged(*store, before, layoutsBefore);
            ++replayed;
        }
    }
    RecordProperty("replayed", replayed);
}
