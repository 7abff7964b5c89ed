// ProjectStore::changeTaxonomy: labels rewritten with the taxonomy in one transaction,
// refusals that change nothing, and revert/replay that restore the file exactly.

#include "core/annotation/group_only_label.h"
#include "core/annotation/taxonomy_draft.h"
#include "tests/core/annotation/annotation_fixtures.h"

using namespace actionlens;
using namespace actionlens::annotation;
using namespace actionlens::annotation::fixtures;

namespace {

struct Snapshot {
    Taxonomy taxonomy;
    std::vector<Segment> segments;
    std::vector<Subject> subjects;
    bool operator==(const Snapshot& o) const {
        return taxonomy == o.taxonomy && segments == o.segments && subjects == o.subjects;
    }
};

Snapshot snapshot(ProjectStore& store) {
    // Read back from the file, not from the store's cache.
    return {store.taxonomy(), store.segmentsOfVideo(1).value(), store.subjects().value()};
}

size_t valueIndex(const TaxonomyDraft& draft, size_t task, const std::string& name) {
    return valueIndexIn(draft.taxonomy(), task, name);
}

struct TaxonomyChangeFixture : ::testing::Test {
    void SetUp() override {
        store = makeProject(folder);
        ASSERT_TRUE(store);
        Taxonomy t = pennTaxonomy();
        t.tasks[0].groups[1].allowsGroupOnly = true;
        TaskDefinition hand{"hand", TaskKind::Attribute, TaskScope::Subject, {}, {{"left", "", "", ""}, {"right", "", "", ""}}};
        t.tasks.push_back(hand);
        ASSERT_TRUE(store->setTaxonomy(t).ok());
        ASSERT_TRUE(store->updateSubject(Subject{1, "alice", {{"hand", "left"}}}).ok());
        ids.push_back(store->insertSegment(sampleSegment(0, 9, "squat")).value());
        ids.push_back(store->insertSegment(sampleSegment(10, 19, "squat")).value());
        ids.push_back(store->insertSegment(sampleSegment(20, 29, "situp")).value());
        ids.push_back(store->insertSegment(sampleSegment(30, 39, "bowl")).value());
        Segment groupOnly = sampleSegment(40, 49);
        groupOnly.labels = {{kGroupOnlyLabelKey, "gym exercise"}, {"viewpoint", "left"}};
        ids.push_back(store->insertSegment(groupOnly).value());
    }
    std::string label(size_t i, const std::string& task) {
        auto s = store->segment(ids[i]);
        return s->labels.count(task) ? s->labels.at(task) : std::string("(none)");
    }
    ProjectFolder folder;
    std::unique_ptr<ProjectStore> store;
    std::vector<std::int64_t> ids;
};

}  // namespace

TEST_F(TaxonomyChangeFixture, RenamesReachEveryLabelAndRevertAndReplayAreExact) {
    const Snapshot before = snapshot(*store);
    TaxonomyDraft draft(store->taxonomy());
    ASSERT_TRUE(draft.renameValue(0, valueIndex(draft, 0, "squat"), "deep squat").ok());
    ASSERT_TRUE(draft.renameTask(1, "camera").ok());
    ASSERT_TRUE(draft.renameValue(2, 0, "sinistral").ok());
    ASSERT_TRUE(draft.renameGroup(1, "gym").ok());
    auto change = store->changeTaxonomy(draft.taxonomy(), draft.labelRewrites());
    ASSERT_TRUE(change.ok()) << change.error();
    EXPECT_EQ(label(0, "action"), "deep squat");
    EXPECT_EQ(label(1, "action"), "deep squat");
    EXPECT_EQ(label(2, "action"), "situp");
    EXPECT_EQ(label(0, "camera"), "front");
    EXPECT_EQ(label(0, "viewpoint"), "(none)");
    EXPECT_EQ(label(4, kGroupOnlyLabelKey), "gym");
    EXPECT_EQ(store->subjects()->front().attributes.at("hand"), "sinistral");
    EXPECT_EQ(store->segment(ids[0])->modifiedMs, before.segments[0].modifiedMs) << "renames leave modified times alone";
    const Snapshot after = snapshot(*store);

    // The taxonomy and labels come back from the file, not only from the store's memory.
    store.reset();
    store = std::move(ProjectStore::open(folder.file("p.alproj"))).value();
    EXPECT_EQ(snapshot(*store), after);

    ASSERT_TRUE(store->revertTaxonomyChange(*change).ok());
    EXPECT_EQ(snapshot(*store), before);
    ASSERT_TRUE(store->replayTaxonomyChange(*change).ok());
    EXPECT_EQ(snapshot(*store), after);
}

TEST_F(TaxonomyChangeFixture, DeletingAClassInUseRelabelsOrClearsItsSegments) {
    const Snapshot before = snapshot(*store);
    TaxonomyDraft draft(store->taxonomy());
    ASSERT_TRUE(draft.removeValue(0, valueIndex(draft, 0, "squat"), valueIndex(draft, 0, "situp")).ok());
    ASSERT_TRUE(draft.removeValue(0, valueIndex(draft, 0, "bowl"), std::nullopt).ok());
    auto change = store->changeTaxonomy(draft.taxonomy(), draft.labelRewrites());
    ASSERT_TRUE(change.ok()) << change.error();
    EXPECT_EQ(label(0, "action"), "situp");
    EXPECT_EQ(label(1, "action"), "situp");
    EXPECT_EQ(label(2, "action"), "situp");
    EXPECT_EQ(label(3, "action"), "(none)");
    EXPECT_EQ(label(3, "viewpoint"), "front") << "other labels stay";
    EXPECT_EQ(change->removedRows.size(), 3u);
    EXPECT_EQ(change->addedRows.size(), 2u);
    ASSERT_TRUE(store->revertTaxonomyChange(*change).ok());
    EXPECT_EQ(snapshot(*store), before);
}

TEST_F(TaxonomyChangeFixture, TwoClassesSwappingNames) {
    TaxonomyDraft draft(store->taxonomy());
    const size_t a = valueIndex(draft, 0, "squat"), b = valueIndex(draft, 0, "situp");
    ASSERT_TRUE(draft.renameValue(0, a, "x").ok());
    ASSERT_TRUE(draft.renameValue(0, b, "squat").ok());
    ASSERT_TRUE(draft.renameValue(0, a, "situp").ok());
    auto change = store->changeTaxonomy(draft.taxonomy(), draft.labelRewrites());
    ASSERT_TRUE(change.ok()) << change.error();
    EXPECT_EQ(label(0, "action"), "situp");
    EXPECT_EQ(label(2, "action"), "squat");
}

TEST_F(TaxonomyChangeFixture, AChangeThatWouldOrphanLabelsIsRefusedAndChangesNothing) {
    const Snapshot before = snapshot(*store);
    Taxonomy t = store->taxonomy();
    t.tasks[0].values.erase(t.tasks[0].values.begin() + 11);  // squat, with no rewrite for its labels
    ASSERT_EQ(store->taxonomy().tasks[0].values[11].name, "squat");
    auto refused = store->changeTaxonomy(t, {{"action", "bowl", "action", "golf_swing"}});
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("'squat' is not a value of task 'action'"), std::string::npos) << refused.error();
    EXPECT_NE(refused.error().find("2 segments use it"), std::string::npos) << refused.error();
    EXPECT_EQ(snapshot(*store), before) << "the bowl rewrite was rolled back too";
    // Disallowing group-only labels while one is in use, without clearing it.
    Taxonomy strict = store->taxonomy();
    strict.tasks[0].groups[1].allowsGroupOnly = false;
    EXPECT_FALSE(store->changeTaxonomy(strict, {}).ok());
    EXPECT_EQ(snapshot(*store), before);
}

TEST_F(TaxonomyChangeFixture, LabelUsageCountsSegmentsAndSubjects) {
    auto usage = store->labelUsage();
    ASSERT_TRUE(usage.ok()) << usage.error();
    auto count = [&](LabelOwner owner, const std::string& task, const std::string& value) {
        for (const LabelUsage& u : *usage)
            if (u.owner == owner && u.task == task && u.value == value) return u.count;
        return std::int64_t(0);
    };
    EXPECT_EQ(count(LabelOwner::Segment, "action", "squat"), 2);
    EXPECT_EQ(count(LabelOwner::Segment, "action", "bowl"), 1);
    EXPECT_EQ(count(LabelOwner::Segment, kGroupOnlyLabelKey, "gym exercise"), 1);
    EXPECT_EQ(count(LabelOwner::Segment, "viewpoint", "front"), 4);
    EXPECT_EQ(count(LabelOwner::Subject, "hand", "left"), 1);
}
