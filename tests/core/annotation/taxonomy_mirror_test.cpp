// What mirroring a clip does to a taxonomy's labels: side-free tasks, mirror pairs of values,
// undeclared tasks; the rules a declaration must follow; JSON, the project file and the
// taxonomy editor's draft keep it; every built-in taxonomy declares it.

#include "core/annotation/project_store.h"
#include "core/annotation/taxonomy.h"
#include "core/annotation/taxonomy_draft.h"
#include "core/annotation/taxonomy_json.h"
#include "tests/core/annotation/annotation_fixtures.h"

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::annotation;
using namespace actionlens::annotation::fixtures;

namespace {

const char* kMirrored = R"({"name": "m", "tasks": [
  {"name": "action", "kind": "action", "side_free": true, "groups": [{"name": "g"}],
   "classes": [{"name": "wave left", "group": "g", "mirror": "wave right"}, {"name": "wave right", "group": "g", "mirror": "wave left"},
               {"name": "squat", "group": "g"}]},
  {"name": "viewpoint", "kind": "attribute", "values": ["front", {"name": "left", "mirror": "right"}, {"name": "right", "mirror": "left"}]},
  {"name": "clothing", "kind": "attribute", "scope": "subject", "side_free": true, "values": ["red", "blue"]},
  {"name": "mood", "kind": "attribute", "values": ["calm", "busy"]}]})";

std::string errorOf(const std::string& json) {
    auto t = taxonomyFromJson(json);
    return t.ok() ? std::string("(parsed)") : t.error();
}

}  // namespace

TEST(TaxonomyMirror, PairsSideFreeAndUndeclaredTasks) {
    // The action task says side_free but has pairs: refused (a side-free task has no pairs).
    EXPECT_NE(errorOf(kMirrored).find("tasks[0].classes[0].mirror: the task is side-free"), std::string::npos) << errorOf(kMirrored);
    std::string fixed = kMirrored;
    fixed.replace(fixed.find(R"("side_free": true, "groups")"), std::string(R"("side_free": true, )").size(), "");
    auto taxonomy = taxonomyFromJson(fixed);
    ASSERT_TRUE(taxonomy.ok()) << taxonomy.error();
    const TaskDefinition& action = *taxonomy->findTask("action");
    EXPECT_TRUE(action.mirrorDeclared());
    EXPECT_EQ(action.mirrorOf("wave left"), "wave right");
    EXPECT_EQ(action.mirrorOf("squat"), "squat") << "without a pair: itself";
    const TaskDefinition& viewpoint = *taxonomy->findTask("viewpoint");
    EXPECT_EQ(viewpoint.mirrorOf("right"), "left");
    EXPECT_EQ(viewpoint.mirrorOf("front"), "front");
    EXPECT_TRUE(taxonomy->findTask("clothing")->mirrorDeclared());
    EXPECT_TRUE(taxonomy->findTask("clothing")->sideFree);
    EXPECT_FALSE(taxonomy->findTask("mood")->mirrorDeclared()) << "nothing said: undeclared";

    auto back = taxonomyFromJson(taxonomyToJson(taxonomy.value()));
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_EQ(back.value(), taxonomy.value());
}

TEST(TaxonomyMirror, ADeclarationMustNameAValueThatNamesItBack) {
    const std::string head = R"({"name": "m", "tasks": [{"name": "action", "kind": "action", "groups": [{"name": "g"}], "classes": [{"name": "a", "group": "g"}]},
      {"name": "side", "kind": "attribute", "values": )";
    EXPECT_NE(errorOf(head + R"([{"name": "l", "mirror": "x"}, "r"]}]})").find("tasks[1].values[0].mirror: 'x' is not a value of task 'side'"),
              std::string::npos);
    EXPECT_NE(errorOf(head + R"([{"name": "l", "mirror": "r"}, "r"]}]})").find("tasks[1].values[0].mirror: 'r' must name 'l'"),
              std::string::npos);
    EXPECT_NE(errorOf(head + R"([{"name": "l", "mirror": "l"}, "r"]}]})").find("its own mirror image"), std::string::npos);
    EXPECT_NE(errorOf(head + R"(["l"], "side_free": "yes"}]})").find("tasks[1].side_free: expected true or false"), std::string::npos);
}

TEST(TaxonomyMirror, TheProjectFileKeepsIt) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    Taxonomy taxonomy = store->taxonomy();
    TaskDefinition side;
    side.name = "side";
    side.kind = TaskKind::Attribute;
    side.values = {{"left", "", "", "", "right"}, {"right", "", "", "", "left"}, {"both", "", "", "", ""}};
    taxonomy.tasks.push_back(side);
    taxonomy.tasks.front().sideFree = true;
    ASSERT_TRUE(store->setTaxonomy(taxonomy).ok());
    store.reset();
    auto reopened = ProjectStore::open(folder.file("p.alproj"));
    ASSERT_TRUE(reopened.ok()) << reopened.error();
    EXPECT_EQ(reopened.value()->taxonomy(), taxonomy);
}

TEST(TaxonomyMirror, TheEditorsDraftKeepsPairsWhenValuesAreRenamedOrRemoved) {
    auto taxonomy = taxonomyFromJson(R"({"name": "m", "tasks": [{"name": "action", "kind": "action", "side_free": true,
      "groups": [{"name": "g"}], "classes": [{"name": "a", "group": "g"}]},
      {"name": "side", "kind": "attribute", "values": [{"name": "left", "mirror": "right"}, {"name": "right", "mirror": "left"}, "up"]}]})");
    ASSERT_TRUE(taxonomy.ok()) << taxonomy.error();
    TaxonomyDraft draft(taxonomy.value());
    ASSERT_TRUE(draft.renameValue(1, 0, "Left").ok());
    EXPECT_EQ(draft.taxonomy().tasks[1].mirrorOf("right"), "Left");
    EXPECT_TRUE(validateTaxonomy(draft.taxonomy()).ok());
    ASSERT_TRUE(draft.removeValue(1, 1, std::nullopt).ok());
    EXPECT_EQ(draft.taxonomy().tasks[1].mirrorOf("Left"), "Left") << "its pair gone: its own mirror image";
    EXPECT_TRUE(validateTaxonomy(draft.taxonomy()).ok());
}

TEST(TaxonomyMirror, EveryBuiltInTaxonomyDeclaresWhatMirroringDoes) {
    for (const std::string& name : builtinTaxonomyNames()) {
        auto taxonomy = builtinTaxonomy(name);
        ASSERT_TRUE(taxonomy.ok()) << name << ": " << taxonomy.error();
        for (const TaskDefinition& task : taxonomy->tasks) EXPECT_TRUE(task.mirrorDeclared()) << name << ": " << task.name;
        EXPECT_TRUE(taxonomy->actionTask()->sideFree) << name << ": a mirrored action is the same action";
        if (const TaskDefinition* viewpoint = taxonomy->findTask("viewpoint")) {
            EXPECT_EQ(viewpoint->mirrorOf("left"), "right") << name;
            EXPECT_EQ(viewpoint->mirrorOf("right"), "left") << name;
            EXPECT_EQ(viewpoint->mirrorOf("front"), "front") << name;
            EXPECT_EQ(viewpoint->mirrorOf("back"), "back") << name;
        }
        if (const TaskDefinition* handedness = taxonomy->findTask("handedness")) {
            EXPECT_EQ(handedness->mirrorOf("left"), "right") << name;
            EXPECT_EQ(handedness->mirrorOf("right"), "left") << name;
        }
    }
}
