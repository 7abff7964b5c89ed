// Storage faults under every kind of project edit and its undo: each write and sync that the
// edit makes fails in turn (SQLITE_FULL, SQLITE_IOERR; once, from then on) through a test VFS
// (tests/support/sqlite_fault_vfs.h). The edit reports it, the project reopens with
// integrity_check ok and holds exactly the state before (failed) or after (acknowledged). The
// calls are the ones the undo commands of ui/commands make. Imports: tests/core/formats.

#include "tests/core/annotation/annotation_fixtures.h"
#include "tests/core/annotation/store_fault_sweep.h"

#include "core/annotation/taxonomy_draft.h"

using namespace actionlens;
using namespace actionlens::annotation;
using namespace actionlens::annotation::fixtures;
using actionlens::testing::FaultedCall;
using actionlens::testing::FaultSweepCounts;
using actionlens::testing::sweepStorageFaults;

namespace {

SkeletonFrame poseAt(std::int64_t layoutId, std::int64_t frame, float shift) {
    std::vector<Joint> joints;
    for (int j = 0; j < 17; ++j) joints.push_back(Joint{float(frame) + shift, float(j), 0.8f, true});
    return SkeletonFrame{1, 1, frame, layoutId, PoseSource::Imported, joints};
}

std::vector<SkeletonFrame> posesIn(std::int64_t layoutId, std::int64_t first, std::int64_t last, float shift) {
    std::vector<SkeletonFrame> frames;
    for (std::int64_t f = first; f <= last; ++f) frames.push_back(poseAt(layoutId, f, shift));
    return frames;
}

struct ProjectStoreFault : ::testing::Test {
    void SetUp() override {
        ASSERT_TRUE(actionlens::testing::SqliteFaultVfs::install());
        ASSERT_TRUE(folder.isValid());
        auto store = makeProject(folder, "template.alproj");
        ASSERT_TRUE(store);
        Taxonomy t = pennTaxonomy();
        t.tasks.push_back(TaskDefinition{"hand", TaskKind::Attribute, TaskScope::Subject, {}, {{"left", "", "", ""}, {"right", "", "", ""}}});
        ASSERT_TRUE(store->setTaxonomy(t).ok());
        ASSERT_TRUE(store->updateSubject(Subject{1, "alice", {{"hand", "left"}}}).ok());
        ASSERT_TRUE(store->insertSubject(Subject{0, "bob", {{"hand", "right"}}}).ok());
        for (int i = 0; i < 6; ++i) ASSERT_TRUE(store->insertSegment(sampleSegment(i * 20, i * 20 + 9, i % 2 ? "situp" : "squat")).ok());
        layout = store->skeletonLayout("COCO-17")->id;
        ASSERT_TRUE(store->insertSkeletonFrames(posesIn(layout, 0, 99, 0.0f)).ok());
    }
    FaultSweepCounts sweep(const std::string& what, const actionlens::testing::PrepareCall& prepare) {
        const FaultSweepCounts counts = sweepStorageFaults(what, folder.file("template.alproj"), folder.file("work.alproj"), prepare);
        // The counts go to the README's hardening section.
        std::printf("[ fault sweep ] %s: %d writes + %d syncs; %d faulted runs, %d reported, %d acknowledged\n", what.c_str(),
                    counts.writes, counts.syncs, counts.runs, counts.failed, counts.acknowledged);
        return counts;
    }
    actionlens::testing::FaultSweepFolder folder;
    std::int64_t layout = 0;
};

template <typename T>
Status statusOf(const Result<T>& r) {
    return r ? Status::success() : Status(r.takeError());
}

// The segment edit as SegmentChangeCommand writes it: the old segments out, the new ones in.
Status replaceSegments(ProjectStore& store, const std::vector<Segment>& remove, const std::vector<Segment>& insert) {
    return store.transaction([&]() -> Status {
        for (const Segment& s : remove)
            if (auto removed = store.removeSegment(s.id); !removed) return removed.takeError();
        for (const Segment& s : insert)
            if (auto id = store.insertSegment(s); !id) return id.takeError();
        return Status::success();
    });
}

// The skeleton edit as SkeletonChangeCommand writes it: ranges out, frames in.
Status replaceSkeletons(ProjectStore& store, std::int64_t first, std::int64_t last, const std::vector<SkeletonFrame>& insert) {
    return store.transaction([&]() -> Status {
        if (auto removed = store.removeSkeletonFrames(1, first, last, 1); !removed) return removed.takeError();
        return insert.empty() ? Status::success() : store.insertSkeletonFrames(insert);
    });
}

Segment edited(Segment s) {
    s.firstFrame += 2;
    s.labels["action"] = "bowl";
    s.review = ReviewStatus::Accepted;
    return s;
}

}  // namespace

TEST_F(ProjectStoreFault, SegmentEdits) {
    sweep("segment add", [](ProjectStore&) -> FaultedCall {
        return [](ProjectStore& s) { return statusOf(s.insertSegment(sampleSegment(200, 230, "bowl"))); };
    });
    sweep("segment add, undone", [](ProjectStore& store) -> FaultedCall {
        const std::int64_t id = store.insertSegment(sampleSegment(200, 230, "bowl")).value();
        return [id](ProjectStore& s) { return statusOf(s.removeSegment(id)); };
    });
    sweep("segment edit", [](ProjectStore& store) -> FaultedCall {
        const Segment old = store.segment(2).value();
        return [old](ProjectStore& s) { return replaceSegments(s, {old}, {edited(old)}); };
    });
    sweep("segment edit, undone", [](ProjectStore& store) -> FaultedCall {
        const Segment old = store.segment(2).value();
        EXPECT_TRUE(replaceSegments(store, {old}, {edited(old)}).ok());
        return [old](ProjectStore& s) { return replaceSegments(s, {edited(old)}, {old}); };
    });
    sweep("segment update in place", [](ProjectStore& store) -> FaultedCall {
        const Segment old = store.segment(3).value();
        return [old](ProjectStore& s) { return statusOf(s.updateSegment(edited(old))); };
    });
    sweep("segment delete", [](ProjectStore&) -> FaultedCall {
        return [](ProjectStore& s) { return statusOf(s.removeSegment(4)); };
    });
    sweep("segment delete, undone", [](ProjectStore& store) -> FaultedCall {
        const Segment removed = store.removeSegment(4).value();
        return [removed](ProjectStore& s) { return statusOf(s.insertSegment(removed)); };
    });
}

TEST_F(ProjectStoreFault, SubjectEdits) {
    sweep("subject add", [](ProjectStore&) -> FaultedCall {
        return [](ProjectStore& s) { return statusOf(s.insertSubject(Subject{0, "carol", {{"hand", "left"}}})); };
    });
    sweep("subject add, undone", [](ProjectStore& store) -> FaultedCall {
        const std::int64_t id = store.insertSubject(Subject{0, "carol", {{"hand", "left"}}}).value();
        return [id](ProjectStore& s) { return statusOf(s.removeSubject(id)); };
    });
    sweep("subject edit", [](ProjectStore&) -> FaultedCall {
        return [](ProjectStore& s) { return statusOf(s.updateSubject(Subject{2, "robert", {{"hand", "left"}}})); };
    });
    sweep("subject edit, undone", [](ProjectStore& store) -> FaultedCall {
        const Subject old = store.updateSubject(Subject{2, "robert", {{"hand", "left"}}}).value();
        return [old](ProjectStore& s) { return statusOf(s.updateSubject(old)); };
    });
}

TEST_F(ProjectStoreFault, TaxonomyChange) {
    auto draftOf = [](const Taxonomy& t) {
        TaxonomyDraft draft(t);
        EXPECT_TRUE(draft.renameValue(0, valueIndexIn(draft.taxonomy(), 0, "squat"), "deep squat").ok());
        EXPECT_TRUE(draft.removeValue(0, valueIndexIn(draft.taxonomy(), 0, "situp"), valueIndexIn(draft.taxonomy(), 0, "bowl")).ok());
        EXPECT_TRUE(draft.renameValue(2, 0, "sinistral").ok());
        return draft;
    };
    sweep("taxonomy change", [&](ProjectStore& store) -> FaultedCall {
        const TaxonomyDraft draft = draftOf(store.taxonomy());
        return [draft](ProjectStore& s) { return statusOf(s.changeTaxonomy(draft.taxonomy(), draft.labelRewrites())); };
    });
    sweep("taxonomy change, undone", [&](ProjectStore& store) -> FaultedCall {
        const TaxonomyDraft draft = draftOf(store.taxonomy());
        const AppliedTaxonomyChange applied = store.changeTaxonomy(draft.taxonomy(), draft.labelRewrites()).value();
        return [applied](ProjectStore& s) { return s.revertTaxonomyChange(applied); };
    });
    sweep("taxonomy change, redone", [&](ProjectStore& store) -> FaultedCall {
        const TaxonomyDraft draft = draftOf(store.taxonomy());
        const AppliedTaxonomyChange applied = store.changeTaxonomy(draft.taxonomy(), draft.labelRewrites()).value();
        EXPECT_TRUE(store.revertTaxonomyChange(applied).ok());
        return [applied](ProjectStore& s) { return s.replayTaxonomyChange(applied); };
    });
}

TEST_F(ProjectStoreFault, SkeletonWrites) {
    const std::int64_t coco = layout;
    sweep("skeleton frame put", [coco](ProjectStore&) -> FaultedCall {
        return [coco](ProjectStore& s) { return statusOf(s.putSkeletonFrame(poseAt(coco, 150, 0.5f))); };
    });
    sweep("skeleton frame replaced", [coco](ProjectStore&) -> FaultedCall {
        return [coco](ProjectStore& s) { return statusOf(s.putSkeletonFrame(poseAt(coco, 40, 0.5f))); };
    });
    sweep("skeleton frame replaced, undone", [coco](ProjectStore& store) -> FaultedCall {
        const SkeletonFrame old = *store.putSkeletonFrame(poseAt(coco, 40, 0.5f)).value();
        return [old](ProjectStore& s) { return statusOf(s.putSkeletonFrame(old)); };
    });
    sweep("skeleton frames interpolated (a range replaced)", [coco](ProjectStore&) -> FaultedCall {
        return [coco](ProjectStore& s) { return replaceSkeletons(s, 10, 69, posesIn(coco, 10, 69, 0.25f)); };
    });
    sweep("skeleton frames interpolated, undone", [coco](ProjectStore& store) -> FaultedCall {
        EXPECT_TRUE(replaceSkeletons(store, 10, 69, posesIn(coco, 10, 69, 0.25f)).ok());
        return [coco](ProjectStore& s) { return replaceSkeletons(s, 10, 69, posesIn(coco, 10, 69, 0.0f)); };
    });
    sweep("skeleton frames added in bulk (pose estimate)", [coco](ProjectStore&) -> FaultedCall {
        return [coco](ProjectStore& s) { return s.insertSkeletonFrames(posesIn(coco, 100, 299, 0.0f)); };
    });
    sweep("skeleton frames added in bulk, undone", [coco](ProjectStore& store) -> FaultedCall {
        EXPECT_TRUE(store.insertSkeletonFrames(posesIn(coco, 100, 299, 0.0f)).ok());
        return [](ProjectStore& s) { return statusOf(s.removeSkeletonFrames(1, 100, 299, 1)); };
    });
    sweep("skeleton frames deleted", [](ProjectStore&) -> FaultedCall {
        return [](ProjectStore& s) { return statusOf(s.removeSkeletonFrames(1, 0, 49)); };
    });
    sweep("skeleton frames deleted, undone", [](ProjectStore& store) -> FaultedCall {
        const std::vector<SkeletonFrame> removed = store.removeSkeletonFrames(1, 0, 49).value();
        return [removed](ProjectStore& s) { return s.insertSkeletonFrames(removed); };
    });
}
