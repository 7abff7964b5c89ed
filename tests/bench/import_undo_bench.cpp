// import_undo_bench: what undoing an import costs (ui/ImportCommand over core/annotation's
// ProjectSnapshot), side by side with the import itself, in one run on a fresh temporary folder.
//
//   import_undo_bench [--penn DIR] [--limit K] [--base B] [--keep]
//
// The project first gets the first B Penn Action label files (--base, default 0: an empty
// project); then the measured import reads the next files (all the rest, or K of them). Like the
// GUI's worker it copies the project before the import (VACUUM INTO), imports in one
// transaction, copies it after; then undoes (restores the before copy) and redoes (restores the
// after copy). Reported: each step's seconds and its ratio to the import's, the copies' sizes
// next to the project file's. Every restore is checked (counts, then integrity_check on
// reopening); a difference fails the run (exit 1). Asserts no time.

#include "tests/bench/bench_failure.h"
#include "core/annotation/project_snapshot.h"
#include "core/annotation/project_store.h"
#include "core/formats/format_registry.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#ifndef ACTIONLENS_PENN_TRAIN_DIR
#define ACTIONLENS_PENN_TRAIN_DIR ""
#endif

using namespace actionlens;
using actionlens::bench::die;
using actionlens::bench::need;
using namespace actionlens::annotation;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }
double mib(std::int64_t bytes) { return double(bytes) / (1024.0 * 1024.0); }

std::int64_t fileBytes(const std::string& path) {
    std::int64_t total = 0;
    for (const char* suffix : {"", "-wal"}) total += QFileInfo(QString::fromStdString(path + suffix)).size();
    return total;
}

bool sameCounts(const ProjectCounts& a, const ProjectCounts& b) {
    return a.videos == b.videos && a.subjects == b.subjects && a.segments == b.segments && a.skeletonFrames == b.skeletonFrames;
}

// Copies files[first, last) into a folder of their own: one import's source.
std::string subset(const std::vector<fs::path>& files, size_t first, size_t last, const std::string& folder) {
    fs::create_directories(folder);
    for (size_t i = first; i < last; ++i) fs::copy_file(files[i], fs::path(folder) / files[i].filename());
    return folder;
}

}  // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    std::string penn = ACTIONLENS_PENN_TRAIN_DIR;
    size_t limit = 0, base = 0;
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) die(arg + " needs a value");
            return argv[++i];
        };
        if (arg == "--penn") penn = value();
        else if (arg == "--limit") limit = std::stoul(value());
        else if (arg == "--base") base = std::stoul(value());
        else if (arg == "--keep") keep = true;
        else die("unknown option " + arg + " (see the comment at the top of import_undo_bench.cpp)");
    }
    if (penn.empty() || !fs::is_directory(penn)) die("no Penn Action folder '" + penn + "' (pass --penn DIR)");
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(penn))
        if (entry.path().extension() == ".mat") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    if (base >= files.size()) die("--base " + std::to_string(base) + " leaves none of the " + std::to_string(files.size()) + " files");
    const size_t last = limit > 0 ? std::min(files.size(), base + limit) : files.size();

    QTemporaryDir dir;
    dir.setAutoRemove(!keep);
    const std::string root = dir.path().toStdString();
    const std::string project = root + "/penn.alproj";
    auto store = need(ProjectStore::create(project), "create " + project);
    if (base > 0) need(formats::importProject("penn-action", subset(files, 0, base, root + "/base"), *store), "base import");
    const std::string source = last - base == files.size() ? penn : subset(files, base, last, root + "/import");

    const ProjectCounts before = need(store->counts(), "counts");
    auto t = Clock::now();
    const ProjectSnapshot beforeCopy = need(ProjectSnapshot::take(*store, root + "/before.alproj"), "copy before");
    const double beforeSeconds = secondsSince(t);
    t = Clock::now();
    need(formats::importProject("penn-action", source, *store), "import");
    const double importSeconds = secondsSince(t);
    const ProjectCounts after = need(store->counts(), "counts");
    t = Clock::now();
    const ProjectSnapshot afterCopy = need(ProjectSnapshot::take(*store, root + "/after.alproj"), "copy after");
    const double afterSeconds = secondsSince(t);
    const std::int64_t projectBytes = fileBytes(project);

    t = Clock::now();
    need(beforeCopy.restoreInto(*store), "undo");
    const double undoSeconds = secondsSince(t);
    if (!sameCounts(need(store->counts(), "counts"), before)) die("undo: the counts differ from those before the import");
    t = Clock::now();
    need(afterCopy.restoreInto(*store), "redo");
    const double redoSeconds = secondsSince(t);
    if (!sameCounts(need(store->counts(), "counts"), after)) die("redo: the counts differ from those after the import");
    const std::int64_t projectBytesAfterRedo = fileBytes(project);
    store.reset();
    need(ProjectStore::open(project), "reopen after redo (integrity_check)");

    std::printf("import_undo_bench: %zu Penn Action files into a project holding %zu (%lld videos -> %lld, %lld skeleton frames -> %lld)\n",
                last - base, base, (long long)before.videos, (long long)after.videos, (long long)before.skeletonFrames,
                (long long)after.skeletonFrames);
    std::printf("  %-44s %9s %9s\n", "step", "seconds", "x import");
    auto row = [&](const char* what, double seconds) { std::printf("  %-44s %9.3f %9.2f\n", what, seconds, seconds / importSeconds); };
    row("import (one transaction)", importSeconds);
    row("copy before the import (VACUUM INTO)", beforeSeconds);
    row("copy after the import (VACUUM INTO)", afterSeconds);
    row("undo: restore the before copy", undoSeconds);
    row("redo: restore the after copy", redoSeconds);
    std::printf("  %-44s %9.1f MiB\n", "project file + WAL after the import", mib(projectBytes));
    std::printf("  %-44s %9.1f MiB\n", "copy before", mib(beforeCopy.sizeBytes()));
    std::printf("  %-44s %9.1f MiB (%.2f x project)\n", "copy after", mib(afterCopy.sizeBytes()),
                double(afterCopy.sizeBytes()) / double(std::max<std::int64_t>(1, projectBytes)));
    std::printf("  %-44s %9.1f MiB\n", "project file + WAL after undo and redo", mib(projectBytesAfterRedo));
    if (keep) std::printf("  kept: %s\n", root.c_str());
    return 0;
}
