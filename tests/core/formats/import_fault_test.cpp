// Storage faults under an import and its undo: each write and sync an import into a project
// makes fails in turn (tests/core/annotation/store_fault_sweep.h; SQLITE_FULL from then on and
// SQLITE_IOERR once, through tests/support/sqlite_fault_vfs.h). The import reports it and the
// project holds exactly what it held before, or (acknowledged) everything imported: nothing
// half-imported. Undo of an import is a snapshot restore (ui/commands/import_command.h), swept
// the same way. The edits' own sweeps: tests/core/annotation/project_store_fault_test.cpp.

#include "core/annotation/project_snapshot.h"
#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy_json.h"
#include "core/formats/format_registry.h"
#include "tests/core/annotation/store_fault_sweep.h"

#include <gtest/gtest.h>

#include <cstdio>

using namespace actionlens;
using namespace actionlens::annotation;
using actionlens::testing::FaultedCall;
using actionlens::testing::FaultSweepCounts;
using actionlens::testing::FaultSweepFolder;
using actionlens::testing::sweepStorageFaults;

namespace {

Taxonomy taxonomyWithHand() {
    Taxonomy t = builtinTaxonomy("penn_action").value();
    t.tasks.push_back(TaskDefinition{"hand", TaskKind::Attribute, TaskScope::Subject, {}, {{"left", "", "", ""}, {"right", "", "", ""}}});
    return t;
}

// A project with `videos` skeleton-only videos, two subjects, segments and 17-joint poses.
void fillProject(ProjectStore& store, int videos, int framesPerVideo) {
    ASSERT_TRUE(store.setTaxonomy(taxonomyWithHand()).ok());
    ASSERT_TRUE(store.insertSubject(Subject{0, "alice", {{"hand", "left"}}}).ok());
    ASSERT_TRUE(store.insertSubject(Subject{0, "bob", {{"hand", "right"}}}).ok());
    const std::int64_t coco = store.skeletonLayout("COCO-17")->id;
    for (int v = 0; v < videos; ++v) {
        Video video{0, "", 0, 30.0, framesPerVideo, 640, 480, "", "seq" + std::to_string(v), {"train"}};
        const std::int64_t videoId = store.insertVideo(video).value();
        for (int s = 0; s < 4; ++s) {
            Segment segment;
            segment.videoId = videoId;
            segment.subjectId = 1 + s % 2;
            segment.firstFrame = s * 5;
            segment.lastFrame = s * 5 + 4;
            segment.labels = {{"action", s % 2 ? "situp" : "squat"}, {"viewpoint", "front"}};
            segment.annotator = "ann";
            segment.createdMs = segment.modifiedMs = 1000 + s;
            ASSERT_TRUE(store.insertSegment(segment).ok());
        }
        std::vector<SkeletonFrame> frames;
        for (int f = 0; f < framesPerVideo; ++f) {
            std::vector<Joint> joints;
            for (int j = 0; j < 17; ++j) joints.push_back(Joint{float(f + j), float(v), 0.5f, true});
            frames.push_back(SkeletonFrame{videoId, 1, f, coco, PoseSource::Imported, joints});
        }
        ASSERT_TRUE(store.insertSkeletonFrames(frames).ok());
    }
}

struct ImportFault : ::testing::Test {
    void SetUp() override {
        ASSERT_TRUE(actionlens::testing::SqliteFaultVfs::install());
        ASSERT_TRUE(folder.isValid());
        {
            auto source = ProjectStore::create(folder.file("source.alproj"));
            ASSERT_TRUE(source.ok()) << source.error();
            fillProject(*source.value(), 3, 60);
            const Status exported = formats::exportProject("native", *source.value(), folder.file("import.json"), {});
            ASSERT_TRUE(exported.ok()) << exported.error();
        }
        {
            auto empty = ProjectStore::create(folder.file("empty.alproj"));
            ASSERT_TRUE(empty.ok()) << empty.error();
        }
        {
            auto existing = ProjectStore::create(folder.file("existing.alproj"));
            ASSERT_TRUE(existing.ok()) << existing.error();
            fillProject(*existing.value(), 1, 30);
        }
    }
    void sweep(const std::string& what, const std::string& templateName, const actionlens::testing::PrepareCall& prepare) {
        const FaultSweepCounts counts = sweepStorageFaults(what, folder.file(templateName), folder.file("work.alproj"), prepare);
        std::printf("[ fault sweep ] %s: %d writes + %d syncs; %d faulted runs, %d reported, %d acknowledged\n", what.c_str(),
                    counts.writes, counts.syncs, counts.runs, counts.failed, counts.acknowledged);
    }
    Status importInto(ProjectStore& store) const { return formats::importProject("native", folder.file("import.json"), store, {}); }
    // Import as FormatTransferWorker makes it: a snapshot before; returns the undo, a restore.
    FaultedCall importThenUndo(ProjectStore& store) const {
        const std::string copy = folder.file("before-" + std::to_string(++snapshots) + ".snapshot");
        auto before = ProjectSnapshot::take(store, copy);
        EXPECT_TRUE(before.ok()) << before.error();
        EXPECT_TRUE(importInto(store).ok());
        const ProjectSnapshot snapshot = ProjectSnapshot::inFile(copy);
        return [snapshot](ProjectStore& s) { return snapshot.restoreInto(s); };
    }
    FaultSweepFolder folder;
    mutable int snapshots = 0;
};

}  // namespace

TEST_F(ImportFault, ImportIntoAnEmptyProject) {
    sweep("import (native JSON) into an empty project", "empty.alproj",
          [this](ProjectStore&) -> FaultedCall { return [this](ProjectStore& s) { return importInto(s); }; });
}

TEST_F(ImportFault, ImportIntoAProjectWithContent) {
    sweep("import (native JSON) appended to a project", "existing.alproj",
          [this](ProjectStore&) -> FaultedCall { return [this](ProjectStore& s) { return importInto(s); }; });
}

TEST_F(ImportFault, UndoOfAnImport) {
    sweep("import undone (snapshot restored)", "existing.alproj", [this](ProjectStore& store) { return importThenUndo(store); });
}
