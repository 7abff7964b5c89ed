#include "core/annotation/taxonomy_json.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::annotation;

namespace {
std::string errorOf(const std::string& json) {
    auto t = taxonomyFromJson(json);
    return t.ok() ? std::string("(parsed)") : t.error();
}

const char* kValid = R"({"name": "t", "tasks": [
  {"name": "action", "kind": "action", "groups": [{"name": "g", "colour": "#112233"}],
   "classes": [{"name": "a", "group": "g", "hotkey": "1"}, {"name": "b", "group": "g"}]},
  {"name": "side", "kind": "attribute", "scope": "subject", "values": ["l", {"name": "r", "hotkey": "r"}]}]})";
}  // namespace

TEST(TaxonomyJson, ReadsStringAndObjectValues) {
    auto t = taxonomyFromJson(kValid);
    ASSERT_TRUE(t.ok()) << t.error();
    ASSERT_EQ(t->tasks.size(), 2u);
    EXPECT_EQ(t->actionTask()->values[0].group, "g");
    EXPECT_EQ(t->actionTask()->groups[0].colour, "#112233");
    const TaskDefinition* side = t->findTask("side");
    ASSERT_NE(side, nullptr);
    EXPECT_EQ(side->scope, TaskScope::Subject);
    EXPECT_EQ(side->values[0].name, "l");
    EXPECT_EQ(side->values[1].hotkey, "r");
}

TEST(TaxonomyJson, SavedJsonReadsBackEqual) {
    auto t = taxonomyFromJson(kValid);
    ASSERT_TRUE(t.ok());
    auto back = taxonomyFromJson(taxonomyToJson(t.value()));
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_EQ(back.value(), t.value());

    QTemporaryDir dir;
    const std::string path = dir.filePath("t.json").toStdString();
    ASSERT_TRUE(saveTaxonomyFile(t.value(), path).ok());
    auto loaded = loadTaxonomyFile(path);
    ASSERT_TRUE(loaded.ok()) << loaded.error();
    EXPECT_EQ(loaded.value(), t.value());
}

TEST(TaxonomyJson, ErrorsNameTheField) {
    EXPECT_EQ(errorOf(R"({"tasks": [{"name": "action", "kind": "action", "groups": [{"name": "g"}],
        "classes": [{"name": "a", "group": "g"}]}, {"name": "x", "kind": "attribute", "values": []},
        {"name": "y", "kind": "attribute", "values": 3}]})"),
              "tasks[2].values: expected an array of strings or objects");
    EXPECT_EQ(errorOf(R"({"tasks": [{"name": "action", "kind": "action", "groups": [{"name": "g"}],
        "classes": [{"name": "a", "group": "h"}]}]})"),
              "tasks[0].classes[0].group: 'h' is not one of the task's groups");
    EXPECT_EQ(errorOf(R"({"tasks": [{"name": "action", "kind": "verb"}]})"),
              "tasks[0].kind: 'verb' is neither \"action\" nor \"attribute\"");
    EXPECT_EQ(errorOf(R"({"tasks": [{"name": "action", "kind": "action", "groups": [{"name": "g"}],
        "classes": [{"name": "a", "group": "g", "hotkey": 5}]}]})"),
              "tasks[0].classes[0].hotkey: expected a string");
    EXPECT_EQ(errorOf(R"({"tasks": {}})"), "tasks: expected an array of task objects");
    EXPECT_EQ(errorOf(R"({"tasks": [{"kind": "action"}]})"), "tasks[0].name: missing");
    EXPECT_EQ(errorOf("{\n\"tasks\": [\n,]}"), "line 3: illegal value");
}

TEST(TaxonomyJson, BuiltInTaxonomiesAreCompiledInAndValid) {
    const auto names = builtinTaxonomyNames();
    EXPECT_EQ(names, (std::vector<std::string>{"generic", "penn_action"}));
    for (const std::string& name : names) {
        auto t = builtinTaxonomy(name);
        ASSERT_TRUE(t.ok()) << name << ": " << t.error();
    }
    EXPECT_FALSE(builtinTaxonomy("nope").ok());
}

TEST(TaxonomyJson, PennActionHasItsFifteenActionsInGroupsAndAViewpointPerSegment) {
    auto t = builtinTaxonomy("penn_action");
    ASSERT_TRUE(t.ok()) << t.error();
    const TaskDefinition* action = t->actionTask();
    ASSERT_NE(action, nullptr);
    std::vector<std::string> names;
    for (const TaskValue& v : action->values) names.push_back(v.name);
    EXPECT_EQ(names, (std::vector<std::string>{"baseball_pitch", "baseball_swing", "bench_press", "bowl",
                                               "clean_and_jerk", "golf_swing", "jump_rope", "jumping_jacks", "pullup",
                                               "pushup", "situp", "squat", "strum_guitar", "tennis_forehand",
                                               "tennis_serve"}));
    EXPECT_GE(action->groups.size(), 3u);
    EXPECT_EQ(action->findValue("golf_swing")->group, action->findValue("tennis_serve")->group);
    EXPECT_NE(action->findValue("golf_swing")->group, action->findValue("squat")->group);
    const TaskDefinition* viewpoint = t->findTask("viewpoint");
    ASSERT_NE(viewpoint, nullptr);
    EXPECT_EQ(viewpoint->scope, TaskScope::Segment);
    ASSERT_EQ(viewpoint->values.size(), 4u);
    EXPECT_EQ(viewpoint->values[0].name, "front");
}

TEST(TaxonomyJson, GroupOnlyPermissionReadsWritesAndIsCheckedForType) {
    auto t = taxonomyFromJson(R"({"name": "t", "tasks": [{"name": "action", "kind": "action",
      "groups": [{"name": "g", "group_only": true}, {"name": "h"}],
      "classes": [{"name": "a", "group": "g"}, {"name": "b", "group": "h"}]}]})");
    ASSERT_TRUE(t.ok()) << t.error();
    EXPECT_TRUE(t->actionTask()->groups[0].allowsGroupOnly);
    EXPECT_FALSE(t->actionTask()->groups[1].allowsGroupOnly);
    auto back = taxonomyFromJson(taxonomyToJson(t.value()));
    ASSERT_TRUE(back.ok()) << back.error();
    EXPECT_EQ(back.value(), t.value());
    EXPECT_EQ(errorOf(R"({"tasks": [{"name": "action", "kind": "action", "groups": [{"name": "g", "group_only": "yes"}],
      "classes": [{"name": "a", "group": "g"}]}]})"),
              "tasks[0].groups[0].group_only: expected true or false");
    EXPECT_EQ(errorOf(R"({"tasks": [{"name": "@x", "kind": "action", "groups": [{"name": "g"}],
      "classes": [{"name": "a", "group": "g"}]}]})"),
              "tasks[0].name: '@x': names starting with '@' are reserved");
}
