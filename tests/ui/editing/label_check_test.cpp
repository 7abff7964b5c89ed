// Label checks: missing per-segment/per-subject values, unknown values and unknown tasks.

#include "ui/editing/label_check.h"

#include "core/annotation/group_only_label.h"
#include "core/annotation/taxonomy_json.h"

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::ui;

namespace {
annotation::Taxonomy taxonomyWithSubjectTask() {
    auto penn = annotation::builtinTaxonomy("penn_action");
    EXPECT_TRUE(penn.ok());
    annotation::Taxonomy t = penn.value();
    annotation::TaskDefinition hand;
    hand.name = "handedness";
    hand.scope = annotation::TaskScope::Subject;
    hand.values = {{"left", "", "", ""}, {"right", "", "", ""}};
    t.tasks.push_back(hand);
    return t;
}
}  // namespace

TEST(LabelCheck, CompleteSegmentHasNoIssues) {
    const auto t = taxonomyWithSubjectTask();
    annotation::Segment s;
    s.labels = {{"action", "squat"}, {"viewpoint", "front"}};
    EXPECT_TRUE(segmentLabelIssues(t, s).empty());
}

TEST(LabelCheck, MissingUnknownValueAndUnknownTaskAreEachReported) {
    const auto t = taxonomyWithSubjectTask();
    annotation::Segment s;
    s.labels = {{"action", "moonwalk"}, {"mood", "happy"}};
    const auto issues = segmentLabelIssues(t, s);
    ASSERT_EQ(issues.size(), 3u);
    EXPECT_EQ(issues[0].task, "action");
    EXPECT_TRUE(issues[0].message.contains(QStringLiteral("moonwalk")));
    EXPECT_EQ(issues[1].task, "viewpoint");
    EXPECT_TRUE(issues[1].message.contains(QStringLiteral("missing")));
    EXPECT_EQ(issues[2].task, "mood");
}

TEST(LabelCheck, SubjectsAreCheckedAgainstPerSubjectTasksOnly) {
    const auto t = taxonomyWithSubjectTask();
    annotation::Subject subject;
    EXPECT_EQ(subjectLabelIssues(t, subject).size(), 1u);
    subject.attributes = {{"handedness", "left"}};
    EXPECT_TRUE(subjectLabelIssues(t, subject).empty());
    subject.attributes["action"] = "squat";  // a per-segment task does not belong to a subject
    EXPECT_EQ(subjectLabelIssues(t, subject).size(), 1u);
}

TEST(LabelCheck, AGroupOnlyLabelStandsInForTheActionWhereTheGroupAllowsIt) {
    auto t = taxonomyWithSubjectTask();
    annotation::Segment s;
    s.labels = {{annotation::kGroupOnlyLabelKey, "gym exercise"}, {"viewpoint", "front"}};
    // Not allowed for this group: reported as such (one issue, not also a missing action).
    auto issues = segmentLabelIssues(t, s);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_TRUE(issues[0].message.contains(QStringLiteral("needs an action"))) << issues[0].message.toStdString();
    t.tasks[0].groups[1].allowsGroupOnly = true;  // gym exercise
    EXPECT_TRUE(segmentLabelIssues(t, s).empty());
    s.labels.erase(annotation::kGroupOnlyLabelKey);
    issues = segmentLabelIssues(t, s);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].task, "action");
}
