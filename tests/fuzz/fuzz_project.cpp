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
