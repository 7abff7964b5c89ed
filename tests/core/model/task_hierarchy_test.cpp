#include "core/model/task_hierarchy.h"

#include <gtest/gtest.h>

namespace actionlens::model {
namespace {

// Actions 0, 1 -> group 0; actions 2, 3, 4 -> group 1.
TaskHierarchy fiveActionsTwoGroups() { return TaskHierarchy{"action", "group", {0, 0, 1, 1, 1}, 2}; }

TEST(TaskHierarchy, DecodesTheActionThenItsGroup) {
    const std::vector<float> actions = {
        0.1f, 0.5f, 0.2f, 0.1f, 0.1f,  // action 1 -> group 0
        0.0f, 0.1f, 0.1f, 0.1f, 0.7f,  // action 4 -> group 1
        0.3f, 0.1f, 0.2f, 0.2f, 0.2f,  // action 0 -> group 0, although group 1 holds 0.6 in total
    };
    const std::vector<HierarchicalPrediction> decoded = decodeConsistently(actions, 3, fiveActionsTwoGroups());
    ASSERT_EQ(decoded.size(), 3u);
    EXPECT_EQ(decoded[0].action, 1);
    EXPECT_EQ(decoded[0].group, 0);
    EXPECT_EQ(decoded[1].action, 4);
    EXPECT_EQ(decoded[1].group, 1);
    EXPECT_EQ(decoded[2].action, 0);
    EXPECT_EQ(decoded[2].group, 0);
}

TEST(TaskHierarchy, CountsRawPredictionsThatDisagree) {
    const std::vector<float> actions = {
        0.1f, 0.5f, 0.2f, 0.1f, 0.1f,  // action 1 (group 0)
        0.0f, 0.1f, 0.1f, 0.1f, 0.7f,  // action 4 (group 1)
        0.3f, 0.1f, 0.2f, 0.2f, 0.2f,  // action 0 (group 0)
        0.0f, 0.0f, 0.9f, 0.1f, 0.0f,  // action 2 (group 1)
    };
    const std::vector<float> groups = {
        0.8f, 0.2f,  // agrees
        0.6f, 0.4f,  // disagrees
        0.4f, 0.6f,  // disagrees
        0.1f, 0.9f,  // agrees
    };
    EXPECT_DOUBLE_EQ(inconsistentPredictionRate(actions, groups, 4, fiveActionsTwoGroups()), 0.5);
    EXPECT_DOUBLE_EQ(inconsistentPredictionRate({}, {}, 0, fiveActionsTwoGroups()), 0.0);
}

TEST(TaskHierarchy, ValidationNamesTheProblem) {
    EXPECT_TRUE(validateTaskHierarchy(fiveActionsTwoGroups(), 5, 2).ok());
    const Status wrongActions = validateTaskHierarchy(fiveActionsTwoGroups(), 6, 2);
    ASSERT_FALSE(wrongActions.ok());
    EXPECT_NE(wrongActions.error().find("maps 5 actions"), std::string::npos) << wrongActions.error();
    TaskHierarchy badGroup = fiveActionsTwoGroups();
    badGroup.groupOfAction[3] = 2;
    const Status outOfRange = validateTaskHierarchy(badGroup, 5, 2);
    ASSERT_FALSE(outOfRange.ok());
    EXPECT_NE(outOfRange.error().find("action 3 in group 2"), std::string::npos) << outOfRange.error();
    EXPECT_FALSE(validateTaskHierarchy(fiveActionsTwoGroups(), 5, 3).ok());
}

}  // namespace
}  // namespace actionlens::model
