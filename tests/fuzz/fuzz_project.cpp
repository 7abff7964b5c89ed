#include "tests/fuzz/fuzz_project.h"

#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy_json.h"
#include "core/formats/format_registry.h"
#include "tests/fuzz/fuzz_files.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>

namespace actionlens::fuzz {

namespace fs = std::filesystem;

Status addVideosAndTaxonomy(annotation::ProjectStore& store, const std::string& folder) {
    auto taxonomy = annotation::builtinTaxonomy("penn_action");
    if (!taxonomy) return taxonomy.takeError();
    annotation::TaskDefinition handedness;
    handedness.name = "handedness";
    handedness.scope = annotation::TaskScope::Subject;
    handedness.values = {annotation::TaskValue{"left", "", "", ""}, annotation::TaskValue{"right", "", "", ""}};
    taxonomy->tasks.push_back(handedness);
    if (auto set = store.setTaxonomy(taxonomy.value()); !set) return set.takeError();
    const std::string clip = (fs::path(folder) / "clip_a.mp4").string();
    if (auto v = store.insertVideo(annotation::Video{0, clip, 1, 30.0, 300, 640, 480, "", "clip_a", {"train"}}); !v)
        return v.takeError();
    if (auto v = store.insertVideo(annotation::Video{0, "", 0, 30.0, 120, 1920, 1080, "", "0002", {}}); !v)
        return v.takeError();
    if (auto v = store.insertVideo(annotation::Video{0, "", 0, 25.0, 200, 320, 240, "", "S001C001P001R001A005", {}}); !v)
        return v.takeError();
    return Status::success();
}

Status addSeedAnnotations(annotation::ProjectStore& store) {
    auto smith = store.insertSubject(annotation::Subject{0, "Smith", {{"handedness", "left"}}});
    if (!smith) return smith.takeError();
    auto lee = store.insertSubject(annotation::Subject{0, "lee", {}});
    if (!lee) return lee.takeError();
    auto add = [&](std::int64_t video, std::int64_t subject, std::int64_t first, std::int64_t last,
                   const std::string& action, const std::string& viewpoint) -> Status {
        annotation::Segment s;
        s.videoId = video;
        s.subjectId = subject;
        s.firstFrame = first;
        s.lastFrame = last;
        s.labels = {{"action", action}, {"viewpoint", viewpoint}};
        s.annotator = "ann";
        if (auto id = store.insertSegment(s); !id) return id.takeError();
        return Status::success();
    };
    if (Status s = add(1, smith.value(), 0, 59, "baseball_pitch", "front"); !s) return s;
    if (Status s = add(1, smith.value(), 60, 119, "bench_press", "front"); !s) return s;
    if (Status s = add(1, lee.value(), 30, 89, "golf_swing", "front"); !s) return s;
    if (Status s = add(2, lee.value(), 10, 49, "jump_rope", "front"); !s) return s;
    const annotation::SkeletonLayout* coco = store.skeletonLayout("COCO-17");
    if (!coco) return makeError("no COCO-17 layout");
    std::vector<annotation::SkeletonFrame> frames;
    for (std::int64_t frame = 0; frame < 4; ++frame) {
        annotation::SkeletonFrame f;
        f.videoId = 1;
        f.subjectId = smith.value();
        f.frame = frame;
        f.layoutId = coco->id;
        f.source = annotation::PoseSource::Imported;
        for (size_t j = 0; j < coco->joints.size(); ++j)
            f.joints.push_back(annotation::Joint{100.0f + 10.0f * j + frame, 50.0f + 12.0f * j, 0.9f, j % 5 != 4});
        f.box = annotation::SubjectBox{90.0f, 40.0f, 200.0f, 220.0f};
        frames.push_back(f);
    }
    return store.insertSkeletonFrames(frames);
}

annotation::ProjectStore& project() {
    static std::unique_ptr<annotation::ProjectStore> store = [] {
        // Qt's SQL driver is a plugin; it wants an application object.
        static int argc = 1;
        static char name[] = "actionlens-fuzz";
        static char* argv[] = {name, nullptr};
        if (!QCoreApplication::instance()) new QCoreApplication(argc, argv);
        const std::string folder = scratchFolder() + "/project";
        resetFolder(folder);
        auto created = annotation::ProjectStore::create(folder + "/fuzz.alproj");
        if (!created) {
            std::fprintf(stderr, "fuzz: cannot create a project: %s\n", created.error().c_str());
            std::abort();
        }
        if (Status s = addVideosAndTaxonomy(*created.value(), folder); !s) {
            std::fprintf(stderr, "fuzz: cannot fill the project: %s\n", s.error().c_str());
            std::abort();
        }
        return std::move(created).value();
    }();
    return *store;
}

void importAndRollBack(const std::string& format, const std::string& source) {
    annotation::ProjectStore& store = project();
    (void)store.transaction([&]() -> Status {
        (void)formats::importProject(format, source, store);
        return makeError("rolled back");
    });
}

}  // namespace actionlens::fuzz
