// NTU RGB+D 120's class list: numbering, the names the dataset publishes, its three groups.

#include "core/formats/ntu_action_classes.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

using namespace actionlens;
using namespace actionlens::formats;

TEST(NtuActionClasses, AreA001ToA120InThePublishedGroups) {
    const auto& classes = ntuActionClasses();
    ASSERT_EQ(classes.size(), 120u);
    std::map<std::string, int> perGroup;
    for (size_t i = 0; i < classes.size(); ++i) {
        EXPECT_EQ(classes[i].number, static_cast<int>(i) + 1);
        ++perGroup[classes[i].group];
    }
    // NTU RGB+D 120: daily A1-A40 and A61-A102, medical A41-A49 and A103-A105, mutual A50-A60 and A106-A120.
    EXPECT_EQ(perGroup["daily actions"], 40 + 42);
    EXPECT_EQ(perGroup["medical conditions"], 9 + 3);
    EXPECT_EQ(perGroup["mutual actions"], 11 + 15);
    EXPECT_STREQ(classes[49].group, "mutual actions");   // A050 punching/slapping other person
    EXPECT_STREQ(classes[102].group, "medical conditions");  // A103 yawn
    EXPECT_STREQ(classes[105].group, "mutual actions");  // A106 hit other person with something
}

TEST(NtuActionClasses, NamesAreTheDatasetsOwn) {
    const auto& classes = ntuActionClasses();
    EXPECT_STREQ(classes[0].name, "drink water");
    EXPECT_STREQ(classes[24].name, "put something inside pocket / take out something from pocket");
    EXPECT_STREQ(classes[59].name, "walking apart from each other");
    EXPECT_STREQ(classes[60].name, "put on headphone");
    EXPECT_STREQ(classes[118].name, "support somebody with one's hand (someone is sick, help him to walk)");
    EXPECT_STREQ(classes[119].name, "finger-guessing game (playing rock-paper-scissors)");
}

TEST(NtuActionClasses, AreAddedOnceToATaxonomyThatLacksThem) {
    annotation::Taxonomy empty;
    const annotation::Taxonomy with = withNtuActionClasses(empty);
    ASSERT_EQ(with.tasks.size(), 1u);
    EXPECT_EQ(with.tasks[0].values.size(), 120u);
    EXPECT_EQ(with.tasks[0].groups.size(), 3u);
    const annotation::Taxonomy again = withNtuActionClasses(with);
    EXPECT_EQ(again.tasks[0].values.size(), 120u) << "nothing doubled";
}
