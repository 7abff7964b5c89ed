// The bad-input sweep (issue 17): every importer, and the taxonomy JSON reader, gets malformed
// variants of a valid file of its format (tests/support/input_mutations: cut short, bytes changed,
// lines lost or doubled, numbers out of range, names emptied or huge, nothing or noise). Each
// variant must be refused with a message and leave the project exactly as it was, or (where the
// damage left a valid file) be read. Valid files: what the exporters write from a small annotated
// project, the fuzzers' hand-made seeds, a real Penn Action label file.
//
// ACTIONLENS_SWEEP_PER_KIND=N makes N variants per kind (default 8); ACTIONLENS_SWEEP_TABLE=FILE
// writes the README's table of the run there.
#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy_json.h"
#include "core/formats/format_registry.h"
#include "core/formats/hmdb51_splits.h"
#include "core/formats/kinetics_csv.h"
#include "core/formats/ucf101_lists.h"
#include "tests/core/formats/formats_fixtures.h"
#include "tests/fuzz/fuzz_files.h"
#include "tests/fuzz/fuzz_import_inputs.h"
#include "tests/fuzz/fuzz_project.h"
#include "tests/fuzz/kept_inputs.h"
#include "tests/support/input_mutations.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

using namespace actionlens;
namespace fs = std::filesystem;

namespace {

int variantsPerKind() {
    const char* value = std::getenv("ACTIONLENS_SWEEP_PER_KIND");
    const int n = value ? std::atoi(value) : 0;
    return n > 0 ? n : 8;
}

// What a refused import must leave as it was.
std::string fingerprint(annotation::ProjectStore& store) {
    const auto counts = store.counts().value();
    std::ostringstream out;
    out << counts.videos << ' ' << counts.subjects << ' ' << counts.segments << ' ' << counts.skeletonFrames << ' '
        << store.skeletonLayouts().size() << '\n'
        << annotation::taxonomyToJson(store.taxonomy()) << '\n';
    for (const annotation::Video& v : store.videos().value()) out << v.name << '|' << v.path << ';';
    return out.str();
}

// The bytes of one file the exporter wrote (a folder of them: the first video's).
std::string exportedBytes(const fs::path& written) {
    if (!fs::is_directory(written)) return fuzz::bytesOf(written);
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(written)) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files.empty() ? std::string() : fuzz::bytesOf(files.front());
}

struct SweepRow {
    std::string input;
    int variants = 0;
    int refused = 0;
    int read = 0;
    std::map<std::string, int> perKind;
    std::map<std::string, int> refusedPerKind;
    std::string example;  // a refusal's message
};

// Valid inputs of every import target, laid out as fuzz_import_inputs.cpp reads them.
std::map<std::string, std::string> validInputs(const fixtures::TempDir& dir) {
    std::map<std::string, std::string> valid;
    fs::create_directories(dir.file("seed"));
    auto seedProject = annotation::ProjectStore::create(dir.file("seed/seed.alproj"));
    EXPECT_TRUE(seedProject.ok()) << (seedProject.ok() ? "" : seedProject.error());
    if (!seedProject.ok()) return valid;
    annotation::ProjectStore& seed = *seedProject.value();
    EXPECT_TRUE(fuzz::addVideosAndTaxonomy(seed, dir.file("seed")).ok());
    EXPECT_TRUE(fuzz::addSeedAnnotations(seed).ok());
    const std::pair<const char*, const char*> exported[] = {
        {"native", "fuzz_native_json"}, {"coco", "fuzz_coco"},   {"segments-csv", "fuzz_segments_csv"}, {"elan", "fuzz_elan"},
        {"cvat-video", "fuzz_cvat_video"}, {"boris", "fuzz_boris"}, {"activitynet", "fuzz_activitynet"}, {"ava", "fuzz_ava"}};
    for (const auto& [format, target] : exported) {
        const fs::path folder = dir.file(std::string("exports/") + target);
        fs::create_directories(folder);
        const fs::path file = folder / (std::string(format) == "ava" ? "ava_train.csv" : "export");
        const Status s = formats::exportProject(format, seed, file.string());
        EXPECT_TRUE(s.ok()) << format << ": " << (s.ok() ? "" : s.error());
        std::string bytes = exportedBytes(file);
        if (std::string(format) == "ava") bytes += fuzz::kPartSeparator + fuzz::bytesOf(folder / "actions.pbtxt");
        valid[target] = bytes;
    }
    const fs::path seeds = fs::path(ACTIONLENS_FUZZ_REGRESSIONS).parent_path() / "seeds";
    for (const char* target : {"fuzz_openpose", "fuzz_ucf101", "fuzz_hmdb51", "fuzz_kinetics", "fuzz_ntu_rgbd"}) {
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(seeds / target)) files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        EXPECT_FALSE(files.empty()) << target;
        if (!files.empty()) valid[target] = fuzz::bytesOf(files.front());
    }
    // The NTU sample alone: with its actions.txt the classes must be in the taxonomy already,
    // without it a new project gets NTU's own.
    std::string& ntu = valid["fuzz_ntu_rgbd"];
    ntu = ntu.substr(0, ntu.find(fuzz::kPartSeparator));
    valid["fuzz_penn_action"] = fuzz::bytesOf(fs::path(ACTIONLENS_SHARED_DIR) / "data/penn_action/train/0002.mat");
    return valid;
}

// The datasets whose import also needs their video files: their lists are swept through the
// listing reader (the video files are probed, not parsed, by the import).
Status readListing(const std::string& format, const std::string& source) {
    Result<formats::DatasetListing> listing = makeError("not a listed dataset");
    if (format == "ucf101") listing = formats::readUcf101Lists(source);
    if (format == "hmdb51") listing = formats::readHmdb51Splits(source);
    if (format == "kinetics") listing = formats::readKineticsCsv({source});
    if (!listing) return listing.takeError();
    return Status::success();
}

bool isListedDataset(const std::string& format) { return format == "ucf101" || format == "hmdb51" || format == "kinetics"; }

}  // namespace

TEST(BadInputSweep, EveryMalformedVariantIsRefusedWithAMessageAndNothingWritten) {
    fixtures::TempDir dir;
    const std::map<std::string, std::string> valid = validInputs(dir);
    // The project every variant is imported into, put back from a copy after each import that
    // read: the fuzzing project (videos, the Penn Action taxonomy) for annotation formats, an
    // empty one for datasets that bring their own classes (they refuse a taxonomy without them).
    const std::string filled = dir.file("pristine_filled.alproj"), empty = dir.file("pristine_empty.alproj");
    {
        auto made = annotation::ProjectStore::create(filled);
        ASSERT_TRUE(made.ok());
        ASSERT_TRUE(fuzz::addVideosAndTaxonomy(*made.value(), dir.file("")).ok());
        ASSERT_TRUE(annotation::ProjectStore::create(empty).ok());
    }
    const std::string path = dir.file("target.alproj");
    std::unique_ptr<annotation::ProjectStore> store;
    std::string pristine = filled;
    auto reset = [&] {
        store.reset();
        for (const char* suffix : {"", "-wal", "-shm", ".lock"}) fs::remove(path + suffix);
        fs::copy_file(pristine, path);
        store = annotation::ProjectStore::open(path).value();
    };
    const int perKind = variantsPerKind();
    std::vector<SweepRow> rows;
    std::uint32_t seed = 17;
    for (const fuzz::ImportInput& input : fuzz::importInputs()) {
        SCOPED_TRACE(input.format);
        ASSERT_TRUE(valid.count(input.target)) << input.target;
        const std::string folder = dir.file("input");
        if (isListedDataset(input.format)) {
            SweepRow row;
            row.input = input.format + " lists";
            ASSERT_TRUE(readListing(input.format, fuzz::placeImportInput(input, folder, valid.at(input.target))).ok());
            for (const testsupport::MutatedInput& variant : testsupport::mutations(valid.at(input.target), perKind, seed++)) {
                ++row.variants;
                ++row.perKind[variant.kind];
                const Status read = readListing(input.format, fuzz::placeImportInput(input, folder, variant.bytes));
                if (read.ok()) {
                    ++row.read;
                    continue;
                }
                ++row.refused;
                ++row.refusedPerKind[variant.kind];
                EXPECT_FALSE(read.error().empty()) << variant.kind;
                if (row.example.empty() && variant.kind == "truncated" && variant.bytes.size() > valid.at(input.target).size() / 3)
                    row.example = read.error();
            }
            rows.push_back(row);
            continue;
        }
        // The valid file itself reads: the variants start from something the importer accepts.
        Status whole = makeError("not tried");
        for (const std::string* project : {&filled, &empty}) {
            pristine = *project;
            reset();
            whole = formats::importProject(input.format, fuzz::placeImportInput(input, folder, valid.at(input.target)), *store);
            if (whole.ok()) break;
        }
        ASSERT_TRUE(whole.ok()) << whole.error();
        reset();
        SweepRow row;
        row.input = input.format;
        const std::string before = fingerprint(*store);
        for (const testsupport::MutatedInput& variant : testsupport::mutations(valid.at(input.target), perKind, seed++)) {
            ++row.variants;
            ++row.perKind[variant.kind];
            const Status imported = formats::importProject(input.format, fuzz::placeImportInput(input, folder, variant.bytes), *store);
            if (imported.ok()) {
                ++row.read;
                reset();
                continue;
            }
            ++row.refused;
            ++row.refusedPerKind[variant.kind];
            EXPECT_FALSE(imported.error().empty()) << variant.kind;
            EXPECT_EQ(fingerprint(*store), before) << variant.kind << ": " << imported.error();
            if (row.example.empty() && variant.kind == "truncated" && variant.bytes.size() > valid.at(input.target).size() / 3)
                row.example = imported.error();
        }
        rows.push_back(row);
    }
    {
        SweepRow row;
        row.input = "taxonomy JSON";
        const std::string taxonomy = annotation::taxonomyToJson(store->taxonomy());
        for (const testsupport::MutatedInput& variant : testsupport::mutations(taxonomy, perKind, seed++)) {
            ++row.variants;
            ++row.perKind[variant.kind];
            auto parsed = annotation::taxonomyFromJson(variant.bytes);
            if (parsed.ok()) {
                ++row.read;
                continue;
            }
            ++row.refused;
            ++row.refusedPerKind[variant.kind];
            EXPECT_FALSE(parsed.error().empty()) << variant.kind;
            if (row.example.empty() && variant.kind == "truncated" && variant.bytes.size() > taxonomy.size() / 3)
                row.example = parsed.error();
        }
        rows.push_back(row);
    }
    int variants = 0;
    for (SweepRow& row : rows) {
        variants += row.variants;
        // Much damage leaves a valid file (a letter of a name changed, a line less); nothing at all,
        // blanks or noise never do.
        EXPECT_EQ(row.refusedPerKind["empty or noise"], row.perKind["empty or noise"]) << row.input;
        EXPECT_GT(row.refused, 0) << row.input;
    }
    RecordProperty("variants", variants);
    if (const char* table = std::getenv("ACTIONLENS_SWEEP_TABLE")) {
        std::ofstream out(table);
        out << "| input | variants | refused with a message, project unchanged | still valid, read | a refusal (cut short) |\n"
               "|---|---|---|---|---|\n";
        for (const SweepRow& row : rows) {
            std::string example = row.example.size() > 110 ? row.example.substr(0, 107) + "..." : row.example;
            for (char& c : example)
                if (c == '|' || c == '\n') c = ' ';
            out << "| " << row.input << " | " << row.variants << " | " << row.refused << " | " << row.read << " | " << example
                << " |\n";
        }
        out << "\nVariants per kind (each input): ";
        for (const auto& [kind, count] : rows.front().perKind) out << kind << " " << count << "; ";
        out << "\n";
    }
}
