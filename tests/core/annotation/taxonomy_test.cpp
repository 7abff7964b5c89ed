#include "core/annotation/taxonomy.h"

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::annotation;

namespace {
Taxonomy small() {
    TaskDefinition action{"action", TaskKind::Action, TaskScope::Segment, {{"g", ""}}, {{"a", "g", "", "1"}}};
    TaskDefinition side{"side", TaskKind::Attribute, TaskScope::Subject, {}, {{"l", "", "", "2"}, {"r", "", "", ""}}};
    return Taxonomy{"t", {action, side}};
}
}  // namespace

TEST(Taxonomy, ValidTaxonomyPasses) { EXPECT_TRUE(validateTaxonomy(small()).ok()); }

TEST(Taxonomy, ExactlyOneActionTask) {
    Taxonomy none = small();
    none.tasks.erase(none.tasks.begin());
    EXPECT_EQ(validateTaxonomy(none).error(), "tasks: no task has kind \"action\"; exactly one must");
    Taxonomy two = small();
    two.tasks.push_back(two.tasks.front());
    two.tasks.back().name = "action2";
    two.tasks.back().values.front().hotkey.clear();
    EXPECT_EQ(validateTaxonomy(two).error(), "tasks[2].kind: only one task can be the action task");
}

TEST(Taxonomy, HotkeysAreUniqueAcrossTasks) {
    Taxonomy t = small();
    t.tasks[1].values[1].hotkey = "1";
    EXPECT_EQ(validateTaxonomy(t).error(), "tasks[1].values[1].hotkey: '1' is also the hotkey of tasks[0].classes[0]");
}

TEST(Taxonomy, ColoursAndDuplicatesAreChecked) {
    Taxonomy t = small();
    t.tasks[0].groups[0].colour = "red";
    EXPECT_EQ(validateTaxonomy(t).error(), "tasks[0].groups[0].colour: 'red' is not a colour like #1f77b4");
    t = small();
    t.tasks[1].values[1].name = "l";
    EXPECT_EQ(validateTaxonomy(t).error(), "tasks[1].values[1].name: 'l' is listed twice");
}

TEST(Taxonomy, CheckLabelKnowsScopes) {
    const Taxonomy t = small();
    EXPECT_TRUE(checkLabel(t, TaskScope::Segment, "action", "a").ok());
    EXPECT_TRUE(checkLabel(t, TaskScope::Subject, "side", "r").ok());
    EXPECT_EQ(checkLabel(t, TaskScope::Segment, "side", "r").error(), "task 'side' is labelled per subject, not per segment");
    EXPECT_EQ(checkLabel(t, TaskScope::Segment, "colour", "x").error(), "the taxonomy has no task 'colour'");
}
