// TaxonomyDraft: edits of a taxonomy and the label rewrites they imply (renames carried over,
// deletions relabelled or cleared), hotkey conflicts, import by name.

#include "core/annotation/group_only_label.h"
#include "core/annotation/taxonomy_draft.h"
#include "tests/core/annotation/annotation_fixtures.h"

using namespace actionlens;
using namespace actionlens::annotation;
using namespace actionlens::annotation::fixtures;

namespace {

// Penn Action: task 0 "action" (groups 0 swing / throw, 1 gym exercise, 2 music / rhythmic),
// task 1 "viewpoint".
size_t valueIndex(const TaxonomyDraft& draft, size_t task, const std::string& name) {
    return valueIndexIn(draft.taxonomy(), task, name);
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

}  // namespace

TEST(TaxonomyDraft, AnUntouchedDraftRewritesNothing) {
    TaxonomyDraft draft(pennTaxonomy());
    EXPECT_FALSE(draft.changed());
    EXPECT_TRUE(draft.labelRewrites().empty());
    EXPECT_EQ(draft.actionTaskIndex(), 0);
}

TEST(TaxonomyDraft, RenamesCarryLabelsOverAndRenamingBackUndoesThat) {
    TaxonomyDraft draft(pennTaxonomy());
    const size_t squat = valueIndex(draft, 0, "squat");
    ASSERT_TRUE(draft.renameValue(0, squat, "deep squat").ok());
    ASSERT_TRUE(draft.renameTask(1, "camera").ok());
    const std::vector<LabelRewrite> rewrites = draft.labelRewrites();
    EXPECT_NE(std::find(rewrites.begin(), rewrites.end(), LabelRewrite{"action", "squat", "action", "deep squat"}), rewrites.end());
    // Renaming the task rewrites every one of its values.
    for (const char* view : {"front", "back", "left", "right"})
        EXPECT_NE(std::find(rewrites.begin(), rewrites.end(), LabelRewrite{"viewpoint", view, "camera", view}), rewrites.end()) << view;
    EXPECT_EQ(rewrites.size(), 5u);
    EXPECT_EQ(draft.labelSources(0, squat), (Pairs{{"action", "squat"}}));
    ASSERT_TRUE(draft.renameValue(0, squat, "squat").ok());
    ASSERT_TRUE(draft.renameTask(1, "viewpoint").ok());
    EXPECT_TRUE(draft.labelRewrites().empty());
    EXPECT_FALSE(draft.changed());
}

TEST(TaxonomyDraft, TwoClassesSwappingNamesSwapTheirLabels) {
    TaxonomyDraft draft(pennTaxonomy());
    const size_t a = valueIndex(draft, 0, "squat"), b = valueIndex(draft, 0, "pushup");
    ASSERT_TRUE(draft.renameValue(0, a, "tmp").ok());
    ASSERT_TRUE(draft.renameValue(0, b, "squat").ok());
    ASSERT_TRUE(draft.renameValue(0, a, "pushup").ok());
    const auto rewrites = draft.labelRewrites();
    ASSERT_EQ(rewrites.size(), 2u);
    EXPECT_NE(std::find(rewrites.begin(), rewrites.end(), LabelRewrite{"action", "squat", "action", "pushup"}), rewrites.end());
    EXPECT_NE(std::find(rewrites.begin(), rewrites.end(), LabelRewrite{"action", "pushup", "action", "squat"}), rewrites.end());
}

TEST(TaxonomyDraft, RemovedValuesPassTheirLabelsOnFollowingLaterRenamesOrClearThem) {
    TaxonomyDraft draft(pennTaxonomy());
    ASSERT_TRUE(draft.removeValue(0, valueIndex(draft, 0, "situp"), valueIndex(draft, 0, "pushup")).ok());
    // The target is renamed afterwards: the relabelled labels follow it.
    ASSERT_TRUE(draft.renameValue(0, valueIndex(draft, 0, "pushup"), "floor exercise").ok());
    ASSERT_TRUE(draft.removeValue(1, valueIndex(draft, 1, "left"), std::nullopt).ok());
    const auto rewrites = draft.labelRewrites();
    EXPECT_NE(std::find(rewrites.begin(), rewrites.end(), LabelRewrite{"action", "situp", "action", "floor exercise"}), rewrites.end());
    EXPECT_NE(std::find(rewrites.begin(), rewrites.end(), LabelRewrite{"action", "pushup", "action", "floor exercise"}), rewrites.end());
    EXPECT_NE(std::find(rewrites.begin(), rewrites.end(), LabelRewrite{"viewpoint", "left", "", ""}), rewrites.end());
    EXPECT_EQ(draft.labelSources(0, valueIndex(draft, 0, "floor exercise")), (Pairs{{"action", "pushup"}, {"action", "situp"}}));
    EXPECT_EQ(draft.lostLabels(), (Pairs{{"viewpoint", "left"}}));
    EXPECT_EQ(draft.taxonomy().findTask("action")->findValue("situp"), nullptr);
    EXPECT_TRUE(validateTaxonomy(draft.taxonomy()).ok());
}

TEST(TaxonomyDraft, RemovingTheRelabelTargetToo) {
    TaxonomyDraft draft(pennTaxonomy());
    ASSERT_TRUE(draft.removeValue(0, valueIndex(draft, 0, "situp"), valueIndex(draft, 0, "pushup")).ok());
    ASSERT_TRUE(draft.removeValue(0, valueIndex(draft, 0, "pushup"), valueIndex(draft, 0, "squat")).ok());
    const auto rewrites = draft.labelRewrites();
    EXPECT_NE(std::find(rewrites.begin(), rewrites.end(), LabelRewrite{"action", "situp", "action", "squat"}), rewrites.end());
    EXPECT_NE(std::find(rewrites.begin(), rewrites.end(), LabelRewrite{"action", "pushup", "action", "squat"}), rewrites.end());
    ASSERT_TRUE(draft.removeValue(0, valueIndex(draft, 0, "squat"), std::nullopt).ok());
    const auto lost = draft.lostLabels();
    EXPECT_EQ(lost, (Pairs{{"action", "pushup"}, {"action", "situp"}, {"action", "squat"}}));
}

TEST(TaxonomyDraft, RefusesBadNamesAndColoursWithAMessage) {
    TaxonomyDraft draft(pennTaxonomy());
    Status s = draft.renameValue(0, valueIndex(draft, 0, "squat"), "pushup");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error(), "'action' already has a class called 'pushup'");
    EXPECT_FALSE(draft.renameValue(0, 0, "").ok());
    EXPECT_EQ(draft.renameTask(1, "action").error(), "there is already a task called 'action'");
    EXPECT_EQ(draft.renameTask(1, "@group").error(), "task names starting with '@' are reserved");
    EXPECT_EQ(draft.setValueColour(0, 0, "red").error(), "'red' is not a colour like #1f77b4");
    EXPECT_TRUE(draft.setValueColour(0, 0, "#A0b1C2").ok());
    EXPECT_EQ(draft.removeTask(0).error(), "the action task cannot be removed: every taxonomy has one");
    EXPECT_EQ(draft.setTaskScope(0, TaskScope::Subject).error(), "the action task is always labelled per segment");
    EXPECT_FALSE(draft.changed() == false);
}

TEST(TaxonomyDraft, HotkeyConflictsAreRefusedNamingTheOwner) {
    TaxonomyDraft draft(pennTaxonomy());
    draft.setReservedKeys({{"j", "Playback: Shuttle backward"}});
    const size_t squat = valueIndex(draft, 0, "squat");
    // "z" belongs to viewpoint 'front'; upper case is the same key.
    Status s = draft.setHotkey(0, squat, "Z");
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error(), "'z' is already the hotkey of 'front' (viewpoint); clear it there first");
    EXPECT_EQ(draft.setHotkey(0, squat, "J").error(), "'j' is the program's own key for Playback: Shuttle backward; choose another");
    EXPECT_FALSE(draft.setHotkey(0, squat, "ab").ok());
    EXPECT_FALSE(draft.setHotkey(0, squat, " ").ok());
    EXPECT_EQ(draft.taxonomy().tasks[0].values[squat].hotkey, "w") << "a refused key leaves the old one";
    ASSERT_TRUE(draft.setHotkey(1, valueIndex(draft, 1, "front"), "").ok());
    ASSERT_TRUE(draft.setHotkey(0, squat, "Z").ok());
    EXPECT_EQ(draft.taxonomy().tasks[0].values[squat].hotkey, "z");
    EXPECT_TRUE(draft.setHotkey(0, squat, "\xc3\xa4").ok()) << "one non-ASCII key (a umlaut)";
    EXPECT_TRUE(validateTaxonomy(draft.taxonomy()).ok());
    EXPECT_TRUE(draft.labelRewrites().empty()) << "hotkeys move no labels";
}

TEST(TaxonomyDraft, ClassesMoveBetweenGroupsAndGroupsRenameWithTheirClasses) {
    TaxonomyDraft draft(pennTaxonomy());
    const size_t squat = valueIndex(draft, 0, "squat");
    ASSERT_TRUE(draft.setValueGroup(0, squat, "music / rhythmic").ok());
    EXPECT_EQ(draft.setValueGroup(0, squat, "nope").error(), "'nope' is not a class group of the taxonomy");
    ASSERT_TRUE(draft.renameGroup(2, "rhythmic").ok());
    EXPECT_EQ(draft.taxonomy().tasks[0].values[squat].group, "rhythmic");
    EXPECT_TRUE(validateTaxonomy(draft.taxonomy()).ok());
    EXPECT_TRUE(draft.labelRewrites().empty()) << "the groups allow no group-only labels, so no label moves";
}

TEST(TaxonomyDraft, GroupOnlyLabelsFollowRenamesAndAreClearedWhenNoLongerAllowed) {
    Taxonomy penn = pennTaxonomy();
    penn.tasks[0].groups[1].allowsGroupOnly = true;  // gym exercise
    penn.tasks[0].groups[2].allowsGroupOnly = true;  // music / rhythmic
    {
        TaxonomyDraft draft(penn);
        ASSERT_TRUE(draft.renameGroup(1, "gym").ok());
        EXPECT_EQ(draft.labelRewrites(), (std::vector<LabelRewrite>{{kGroupOnlyLabelKey, "gym exercise", kGroupOnlyLabelKey, "gym"}}));
        EXPECT_EQ(draft.groupOnlySources(1), std::vector<std::string>{"gym exercise"});
        ASSERT_TRUE(draft.setGroupOnlyAllowed(1, false).ok());
        EXPECT_EQ(draft.labelRewrites(), (std::vector<LabelRewrite>{{kGroupOnlyLabelKey, "gym exercise", "", ""}}));
        ASSERT_TRUE(draft.setGroupOnlyAllowed(1, true).ok());
        EXPECT_EQ(draft.labelRewrites().size(), 1u);
    }
    {
        TaxonomyDraft draft(penn);
        Status busy = draft.removeGroup(1, std::nullopt);
        ASSERT_FALSE(busy.ok());
        EXPECT_EQ(busy.error(), "class group 'gym exercise' still has 6 classes: move or delete them first");
        for (const char* c : {"bench_press", "clean_and_jerk", "pullup", "pushup", "situp", "squat"})
            ASSERT_TRUE(draft.setValueGroup(0, valueIndex(draft, 0, c), "swing / throw").ok());
        EXPECT_FALSE(draft.removeGroup(1, 0).ok()) << "swing / throw allows no group-only labels";
        ASSERT_TRUE(draft.removeGroup(1, 2).ok());  // indices as they are before the removal
        EXPECT_EQ(draft.labelRewrites(),
                  (std::vector<LabelRewrite>{{kGroupOnlyLabelKey, "gym exercise", kGroupOnlyLabelKey, "music / rhythmic"}}));
        EXPECT_TRUE(validateTaxonomy(draft.taxonomy()).ok());
    }
}

TEST(TaxonomyDraft, NewTasksGroupsAndValues) {
    TaxonomyDraft draft(pennTaxonomy());
    auto task = draft.addAttributeTask("handedness", TaskScope::Subject);
    ASSERT_TRUE(task.ok()) << task.error();
    EXPECT_FALSE(validateTaxonomy(draft.taxonomy()).ok()) << "a task without values";
    ASSERT_TRUE(draft.addValue(*task, "left").ok());
    ASSERT_TRUE(draft.addValue(*task, "right").ok());
    EXPECT_FALSE(draft.addValue(*task, "right").ok());
    EXPECT_FALSE(draft.addValue(*task, "up", "gym exercise").ok()) << "attribute values have no group";
    auto group = draft.addGroup("ball game");
    ASSERT_TRUE(group.ok());
    EXPECT_EQ(draft.addValue(0, "dribble", "").error(), "class 'dribble' needs a class group; '' is not one");
    ASSERT_TRUE(draft.addValue(0, "dribble", "ball game").ok());
    EXPECT_TRUE(validateTaxonomy(draft.taxonomy()).ok());
    EXPECT_TRUE(draft.labelRewrites().empty());
    EXPECT_TRUE(draft.changed());
    // Removing the new task again clears nothing that existed.
    ASSERT_TRUE(draft.removeTask(*task).ok());
    EXPECT_TRUE(draft.labelRewrites().empty());
    // Removing an original task clears all of its labels.
    ASSERT_TRUE(draft.removeTask(1).ok());
    EXPECT_EQ(draft.lostLabels().size(), 4u);
}

TEST(TaxonomyDraft, MirrorPairsAreSetSymmetricallyAndSideFreeClearsThem) {
    TaxonomyDraft draft(pennTaxonomy());
    auto task = draft.addAttributeTask("hand", TaskScope::Subject);
    ASSERT_TRUE(task.ok());
    for (const char* value : {"left", "right", "both", "unknown"}) ASSERT_TRUE(draft.addValue(*task, value).ok());
    const auto mirrorOf = [&](const std::string& value) { return draft.taxonomy().tasks[*task].mirrorOf(value); };
    EXPECT_FALSE(draft.taxonomy().tasks[*task].mirrorDeclared()) << "a new task declares nothing";

    ASSERT_TRUE(draft.setValueMirror(*task, 0, "right").ok());
    EXPECT_EQ(mirrorOf("left"), "right");
    EXPECT_EQ(mirrorOf("right"), "left") << "pairs are symmetric";
    EXPECT_TRUE(draft.taxonomy().tasks[*task].mirrorDeclared());
    EXPECT_TRUE(validateTaxonomy(draft.taxonomy()).ok()) << validateTaxonomy(draft.taxonomy()).error();

    // A new partner leaves the old one on its own.
    ASSERT_TRUE(draft.setValueMirror(*task, 2, "left").ok());
    EXPECT_EQ(mirrorOf("both"), "left");
    EXPECT_EQ(mirrorOf("left"), "both");
    EXPECT_EQ(mirrorOf("right"), "right");
    EXPECT_TRUE(validateTaxonomy(draft.taxonomy()).ok()) << validateTaxonomy(draft.taxonomy()).error();
    ASSERT_TRUE(draft.setValueMirror(*task, 2, "").ok());
    EXPECT_EQ(mirrorOf("left"), "left");
    EXPECT_FALSE(draft.taxonomy().tasks[*task].mirrorDeclared());
    EXPECT_EQ(draft.setValueMirror(*task, 0, "up").error(), "'up' is not a value of 'hand'");

    // Side-free removes the pairs; a pair makes the task sided again.
    ASSERT_TRUE(draft.setValueMirror(*task, 0, "right").ok());
    ASSERT_TRUE(draft.setTaskSideFree(*task, true).ok());
    EXPECT_EQ(mirrorOf("left"), "left");
    EXPECT_TRUE(draft.taxonomy().tasks[*task].mirrorDeclared());
    ASSERT_TRUE(draft.setValueMirror(*task, 1, "left").ok());
    EXPECT_FALSE(draft.taxonomy().tasks[*task].sideFree);
    EXPECT_TRUE(validateTaxonomy(draft.taxonomy()).ok()) << validateTaxonomy(draft.taxonomy()).error();
}

TEST(TaxonomyDraft, ImportMatchesByNameAndClearsWhatTheImportLacks) {
    TaxonomyDraft draft(pennTaxonomy());
    ASSERT_TRUE(draft.renameValue(0, valueIndex(draft, 0, "squat"), "deep squat").ok());
    Taxonomy imported = pennTaxonomy();
    imported.tasks[0].values.erase(imported.tasks[0].values.begin());  // baseball_pitch
    for (auto& v : imported.tasks[0].values)
        if (v.name == "squat") v.name = "deep squat";
    imported.tasks[0].values.push_back({"hop", "gym exercise", "", ""});
    ASSERT_TRUE(draft.replaceWith(imported).ok());
    EXPECT_EQ(draft.taxonomy(), imported);
    const auto rewrites = draft.labelRewrites();
    EXPECT_NE(std::find(rewrites.begin(), rewrites.end(), LabelRewrite{"action", "squat", "action", "deep squat"}), rewrites.end())
        << "matched with the draft's name, so the earlier rename holds";
    EXPECT_EQ(draft.lostLabels(), (Pairs{{"action", "baseball_pitch"}}));
    Taxonomy broken = imported;
    broken.tasks[0].values[0].group = "nowhere";
    EXPECT_FALSE(draft.replaceWith(broken).ok());
}
