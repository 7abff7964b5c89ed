// Group-only labels: which groups may stand alone, the derived group, and the store's checks.

#include "core/annotation/group_only_label.h"
#include "tests/core/annotation/annotation_fixtures.h"

using namespace actionlens;
using namespace actionlens::annotation;
using namespace actionlens::annotation::fixtures;

namespace {
Taxonomy gymAlone() {
    Taxonomy t = pennTaxonomy();
    t.tasks[0].groups[1].allowsGroupOnly = true;  // gym exercise
    return t;
}
}  // namespace

TEST(GroupOnlyLabel, TheGroupComesFromTheActionElseFromTheGroupOnlyLabel) {
    const Taxonomy t = gymAlone();
    EXPECT_EQ(labelledClassGroup(t, {{"action", "bowl"}}), "swing / throw");
    EXPECT_EQ(labelledClassGroup(t, {{kGroupOnlyLabelKey, "gym exercise"}}), "gym exercise");
    EXPECT_EQ(labelledClassGroup(t, {{"viewpoint", "front"}}), "");
}

TEST(GroupOnlyLabel, OnlyGroupsThatAllowItAndNeverBesideAnAction) {
    const Taxonomy t = gymAlone();
    EXPECT_TRUE(checkSegmentLabels(t, {{kGroupOnlyLabelKey, "gym exercise"}, {"viewpoint", "front"}}).ok());
    EXPECT_EQ(checkSegmentLabels(t, {{kGroupOnlyLabelKey, "swing / throw"}}).error(),
              "class group 'swing / throw' needs an action: the taxonomy does not allow it alone");
    EXPECT_EQ(checkSegmentLabels(t, {{kGroupOnlyLabelKey, "dance"}}).error(), "'dance' is not a class group of the taxonomy");
    EXPECT_EQ(checkSegmentLabels(t, {{kGroupOnlyLabelKey, "gym exercise"}, {"action", "squat"}}).error(),
              "a segment with an action ('squat') takes its group from it and cannot also have the group-only label 'gym exercise'");
    EXPECT_EQ(checkSegmentLabels(t, {{"viewpoint", "up"}}).error(), "'up' is not a value of task 'viewpoint'");
}

TEST(GroupOnlyLabel, TheStoreKeepsASegmentWithAGroupAndNoAction) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    Segment s = sampleSegment(5, 9);
    s.labels = {{kGroupOnlyLabelKey, "gym exercise"}, {"viewpoint", "back"}};
    EXPECT_FALSE(store->insertSegment(s).ok()) << "the built-in taxonomy allows no group-only labels";
    ASSERT_TRUE(store->setTaxonomy(gymAlone()).ok());
    auto id = store->insertSegment(s);
    ASSERT_TRUE(id.ok()) << id.error();
    EXPECT_EQ(store->segment(*id)->labels, s.labels);
    // Taking the permission away while a segment uses it is refused, naming the count.
    auto refused = store->setTaxonomy(pennTaxonomy());
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().find("needs an action"), std::string::npos) << refused.error();
    EXPECT_NE(refused.error().find("1 segments use it"), std::string::npos) << refused.error();
}
