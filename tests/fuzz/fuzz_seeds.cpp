// fuzz_seeds OUTPUT: writes a seed corpus per fuzz target under OUTPUT/<target>/ from what
// ActionLens itself writes: every exporter of a small annotated project (subjects, segments,
// skeletons on two videos), the taxonomy writer, a dataset file and a frame index. Valid inputs
// to start from, so the fuzzers reach past the first checks.
#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy_json.h"
#include "core/formats/format_registry.h"
#include "core/media/frame_index.h"
#include "core/train/dataset_file.h"
#include "tests/fuzz/fuzz_files.h"
#include "tests/fuzz/fuzz_project.h"

#include <QCoreApplication>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace actionlens;
namespace fs = std::filesystem;

namespace {

std::string readAll(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

int written = 0;
void seed(const fs::path& output, const std::string& target, const std::string& name, const std::string& bytes) {
    fs::create_directories(output / target);
    if (fuzz::writeFile((output / target / name).string(), bytes)) ++written;
}

void exportSeeds(annotation::ProjectStore& store, const fs::path& output, const fs::path& work) {
    struct Export {
        const char* format;
        const char* target;
        const char* file;
    };
    for (const Export& e : {Export{"native", "fuzz_native_json", "export.json"}, Export{"coco", "fuzz_coco", "export.json"},
                            Export{"segments-csv", "fuzz_segments_csv", "export.csv"}, Export{"elan", "fuzz_elan", "export.eaf"},
                            Export{"cvat-video", "fuzz_cvat_video", "export.xml"}, Export{"boris", "fuzz_boris", "export.boris"},
                            Export{"activitynet", "fuzz_activitynet", "export.json"}, Export{"ava", "fuzz_ava", "ava_train.csv"}}) {
        const fs::path folder = work / e.target;
        fuzz::resetFolder(folder.string());
        const fs::path file = folder / e.file;
        if (Status s = formats::exportProject(e.format, store, file.string()); !s) {
            std::fprintf(stderr, "fuzz_seeds: %s export failed: %s\n", e.format, s.error().c_str());
            continue;
        }
        if (std::string(e.format) == "ava") {
            seed(output, e.target, "export", readAll(file) + fuzz::kPartSeparator + readAll(folder / "actions.pbtxt"));
        } else if (fs::is_directory(file)) {
            for (const auto& entry : fs::directory_iterator(file)) seed(output, e.target, entry.path().filename().string(), readAll(entry.path()));
        } else {
            seed(output, e.target, "export", readAll(file));
        }
    }
}

void taxonomySeeds(annotation::ProjectStore& store, const fs::path& output) {
    for (const std::string& name : annotation::builtinTaxonomyNames())
        if (auto taxonomy = annotation::builtinTaxonomy(name)) seed(output, "fuzz_taxonomy_json", name + ".json", annotation::taxonomyToJson(taxonomy.value()));
    seed(output, "fuzz_taxonomy_json", "project.json", annotation::taxonomyToJson(store.taxonomy()));
}

void datasetSeed(const fs::path& output, const fs::path& work) {
    train::LabelledDataset data;
    data.taxonomyName = "fuzz";
    data.tasks = {{"action", {"wave_left", "wave_right", "walk"}, {1, 0, 2}}, {"group", {"arms", "body"}, {}}};
    data.hierarchy = model::TaskHierarchy{"action", "group", {0, 0, 1}, 2};
    data.layoutName = "five joints";
    data.layout = model::SkeletonLayout{5, {{0, 1}, {1, 2}, {1, 3}, {1, 4}}, 1};
    data.mirrorPairs = {{3, 4}};
    for (int n = 0; n < 3; ++n) {
        train::LabelledClip clip;
        clip.skeleton = model::SkeletonClip{2 + n, 5, std::vector<float>(size_t(3) * (2 + n) * 5, 0.25f * n)};
        clip.labels = {n, n == 2 ? 1 : 0};
        clip.segmentId = n + 1;
        clip.videoId = 1;
        clip.videoName = "clip_a";
        clip.subjectId = 1;
        clip.firstFrame = 10 * n;
        clip.splits = {"train"};
        data.clips.push_back(clip);
    }
    const fs::path file = work / "seed.alds";
    if (Status s = train::writeDatasetFile(data, file.string()); !s) {
        std::fprintf(stderr, "fuzz_seeds: dataset file: %s\n", s.error().c_str());
        return;
    }
    seed(output, "fuzz_dataset_file", "tiny.alds", readAll(file));
}

void frameIndexSeeds(const fs::path& output) {
    // Constant rate with a keyframe every 4 frames, and B-frame reordering (pts != dts order).
    std::vector<media::FrameIndexEntry> constant, reordered;
    for (int i = 0; i < 12; ++i) constant.push_back({i * 512, i * 512, 48 + i * 1000, i % 4 == 0});
    const int order[] = {0, 3, 1, 2, 6, 4, 5};
    for (int i = 0; i < 7; ++i) reordered.push_back({order[i] * 1001, i * 1001 - 2002, -1, i == 0 || i == 4});
    seed(output, "fuzz_frame_index_cache", "constant.alidx", media::FrameIndex(constant, media::TimeBase{1, 12800}).serialize());
    seed(output, "fuzz_frame_index_cache", "reordered.alidx",
         media::FrameIndex(reordered, media::TimeBase{1, 30000}, media::FrameIdentity::PacketDecodeTimestamp).serialize());
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seeds OUTPUT\n");
        return 2;
    }
    QCoreApplication app(argc, argv);
    const fs::path output = fs::absolute(argv[1]);
    const fs::path work = fs::path(fuzz::scratchFolder()) / "seeds";
    fuzz::resetFolder(work.string());
    auto created = annotation::ProjectStore::create((work / "seed.alproj").string());
    if (!created) {
        std::fprintf(stderr, "fuzz_seeds: %s\n", created.error().c_str());
        return 1;
    }
    annotation::ProjectStore& store = *created.value();
    if (Status s = fuzz::addVideosAndTaxonomy(store, work.string()); !s) {
        std::fprintf(stderr, "fuzz_seeds: %s\n", s.error().c_str());
        return 1;
    }
    if (Status s = fuzz::addSeedAnnotations(store); !s) {
        std::fprintf(stderr, "fuzz_seeds: %s\n", s.error().c_str());
        return 1;
    }
    exportSeeds(store, output, work);
    taxonomySeeds(store, output);
    datasetSeed(output, work);
    frameIndexSeeds(output);
    std::printf("fuzz_seeds: %d seeds under %s\n", written, output.string().c_str());
    return 0;
}
