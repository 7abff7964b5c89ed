#include "core/clips/taxonomy_tasks.h"

#include "core/annotation/taxonomy_json.h"

#include <gtest/gtest.h>

#include <map>

namespace actionlens::clips {
namespace {

TEST(TaxonomyTasks, PennActionGivesActionGroupAndViewpointWithTheHierarchy) {
    const annotation::Taxonomy penn = annotation::builtinTaxonomy("penn_action").value();
    Result<TaxonomyTasks> tasks = taxonomyTasks(penn);
    ASSERT_TRUE(tasks.ok()) << tasks.error();
    ASSERT_EQ(tasks->tasks.size(), 3u);
    EXPECT_EQ(tasks->tasks[0].name, "action");
    EXPECT_EQ(tasks->tasks[0].classNames.size(), 15u);
    EXPECT_EQ(tasks->tasks[1].name, "group");
    EXPECT_EQ(tasks->tasks[1].classNames, (std::vector<std::string>{"swing / throw", "gym exercise", "music / rhythmic"}));
    EXPECT_EQ(tasks->tasks[2].name, "viewpoint");
    EXPECT_EQ(tasks->sources[1].source, LabelSource::ActionGroup);
    EXPECT_EQ(tasks->sources[2].source, LabelSource::SegmentAttribute);
    ASSERT_TRUE(tasks->hierarchy.has_value());
    EXPECT_EQ(tasks->hierarchy->groupCount, 3);
    // baseball_pitch (0) and bowl (3) are "swing / throw", bench_press (2) is "gym exercise".
    EXPECT_EQ(tasks->hierarchy->groupOfAction[0], 0);
    EXPECT_EQ(tasks->hierarchy->groupOfAction[3], 0);
    EXPECT_EQ(tasks->hierarchy->groupOfAction[2], 1);
    for (int g : tasks->hierarchy->groupOfAction) EXPECT_TRUE(g >= 0 && g < 3);
}

TEST(TaxonomyTasks, RenamesTheGroupTaskWhenTheNameIsTakenAndDropsOneValueTasks) {
    annotation::Taxonomy taxonomy = annotation::builtinTaxonomy("penn_action").value();
    annotation::TaskDefinition group;
    group.name = "group";
    group.scope = annotation::TaskScope::Subject;
    group.values = {{"a", "", "", "", ""}, {"b", "", "", "", ""}};
    annotation::TaskDefinition lonely;
    lonely.name = "lonely";
    lonely.values = {{"only", "", "", "", ""}};
    taxonomy.tasks.push_back(group);
    taxonomy.tasks.push_back(lonely);
    Result<TaxonomyTasks> tasks = taxonomyTasks(taxonomy);
    ASSERT_TRUE(tasks.ok()) << tasks.error();
    std::vector<std::string> names;
    for (const auto& t : tasks->tasks) names.push_back(t.name);
    EXPECT_EQ(names, (std::vector<std::string>{"action", "action_group", "viewpoint", "group"}));
    EXPECT_EQ(tasks->hierarchy->groupTask, "action_group");
    EXPECT_EQ(tasks->sources[3].source, LabelSource::SubjectAttribute);
}

// Mirror map of a task by class name: what each class becomes in a mirrored clip.
std::map<std::string, std::string> mirrorByName(const train::DatasetTask& task) {
    std::map<std::string, std::string> out;
    for (size_t c = 0; c < task.mirrorOf.size(); ++c)
        out[task.classNames[c]] = task.classNames[size_t(task.mirrorOf[c])];
    return out;
}

TEST(TaxonomyTasks, EveryBuiltInTaxonomyDeclaresTheMirrorOfEveryTask) {
    for (const std::string& name : annotation::builtinTaxonomyNames()) {
        Result<TaxonomyTasks> tasks = taxonomyTasks(annotation::builtinTaxonomy(name).value());
        ASSERT_TRUE(tasks.ok()) << name << ": " << tasks.error();
        for (const train::DatasetTask& task : tasks->tasks) {
            ASSERT_EQ(task.mirrorOf.size(), task.classNames.size()) << name << ", task " << task.name;
            for (size_t c = 0; c < task.mirrorOf.size(); ++c) {
                const std::string& value = task.classNames[c];
                const std::string& image = task.classNames[size_t(task.mirrorOf[c])];
                const bool sided = value == "left" || value == "right";
                // Left and right swap; every other value (front, back, each action, each group) stays.
                EXPECT_EQ(image, !sided ? value : value == "left" ? "right" : "left") << name << ", task " << task.name;
            }
        }
    }
    const TaxonomyTasks penn = taxonomyTasks(annotation::builtinTaxonomy("penn_action").value()).value();
    EXPECT_EQ(mirrorByName(penn.tasks[2]),
              (std::map<std::string, std::string>{{"front", "front"}, {"back", "back"}, {"left", "right"}, {"right", "left"}}));
}

TEST(TaxonomyTasks, SidedActionTwinsMapToEachOtherAndTheirGroupsFollow) {
    annotation::Taxonomy taxonomy = annotation::builtinTaxonomy("generic").value();
    annotation::TaskDefinition& action = taxonomy.tasks[0];
    action.sideFree = false;
    action.groups = {{"left arm", ""}, {"right arm", ""}, {"legs", ""}};
    action.values = {{"wave left hand", "left arm", "", "", "wave right hand"},
                     {"wave right hand", "right arm", "", "", "wave left hand"},
                     {"kick", "legs", "", "", ""}};
    ASSERT_TRUE(annotation::validateTaxonomy(taxonomy).ok()) << annotation::validateTaxonomy(taxonomy).error();
    TaxonomyTasks tasks = taxonomyTasks(taxonomy).value();
    EXPECT_EQ(tasks.tasks[0].mirrorOf, (std::vector<int>{1, 0, 2}));
    EXPECT_EQ(tasks.tasks[1].mirrorOf, (std::vector<int>{1, 0, 2})) << "left arm <-> right arm, legs stay";

    // A group whose actions' images lie in different groups has no image of its own: undeclared.
    action.groups = {{"hands", ""}, {"legs", ""}};
    action.values = {{"wave left hand", "hands", "", "", "wave right hand"},
                     {"wave right hand", "legs", "", "", "wave left hand"},
                     {"kick", "legs", "", "", ""}};
    tasks = taxonomyTasks(taxonomy).value();
    EXPECT_EQ(tasks.tasks[0].mirrorOf, (std::vector<int>{1, 0, 2}));
    EXPECT_TRUE(tasks.tasks[1].mirrorOf.empty());

    // Without any declaration the action task and its groups are undeclared.
    action.values[0].mirror.clear();
    action.values[1].mirror.clear();
    tasks = taxonomyTasks(taxonomy).value();
    EXPECT_TRUE(tasks.tasks[0].mirrorOf.empty());
    EXPECT_TRUE(tasks.tasks[1].mirrorOf.empty());
}

TEST(TaxonomyTasks, RefusesATaxonomyWithoutAnActionTask) {
    annotation::Taxonomy taxonomy;
    taxonomy.name = "empty";
    Result<TaxonomyTasks> tasks = taxonomyTasks(taxonomy);
    ASSERT_FALSE(tasks.ok());
    EXPECT_NE(tasks.error().find("no action task"), std::string::npos);
}

TEST(ModelLayout, CentreIsTheMostCentralJointOfEveryLayout) {
    // A path 0-1-2-3-4: the middle joint is the centre.
    annotation::SkeletonLayout path{0, "path", {"a", "b", "c", "d", "e"}, {{0, 1}, {1, 2}, {2, 3}, {3, 4}}, {}};
    EXPECT_EQ(modelLayoutOf(path).centreJoint, 2);
    for (const annotation::SkeletonLayout& layout : annotation::builtinSkeletonLayouts()) {
        const model::SkeletonLayout mapped = modelLayoutOf(layout);
        EXPECT_EQ(mapped.jointCount, int(layout.joints.size())) << layout.name;
        EXPECT_EQ(mapped.edges, layout.edges) << layout.name;
        EXPECT_TRUE(mapped.centreJoint >= 0 && mapped.centreJoint < mapped.jointCount) << layout.name;
    }
}

}  // namespace
}  // namespace actionlens::clips
