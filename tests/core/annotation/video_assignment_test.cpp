#include "core/annotation/video_assignment.h"
#include "tests/core/annotation/annotation_fixtures.h"

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::annotation;
using namespace actionlens::annotation::fixtures;

TEST(VideoAssignment, AssigningAndRemovingChangesOnlyWhatItMustAndUndoes) {
    ProjectFolder folder;
    auto store = makeProject(folder);
    ASSERT_TRUE(store);
    const std::int64_t a = store->videos()->front().id;
    const std::int64_t b = store->insertVideo(sampleVideo(folder, "b.mp4")).value();
    ASSERT_TRUE(store->setVideoAnnotators(b, {"zoe"}).ok());
    auto plan = planAssignment(*store, {a, b, a}, "ada", false);
    ASSERT_TRUE(plan.ok()) << plan.error();
    ASSERT_EQ(plan->size(), 2u) << "a video named twice is changed once";
    ASSERT_TRUE(applyAssignment(*store, *plan).ok());
    EXPECT_EQ(store->video(a)->annotators, (std::vector<std::string>{"ada"}));
    EXPECT_EQ(store->video(b)->annotators, (std::vector<std::string>{"ada", "zoe"}));
    EXPECT_TRUE(planAssignment(*store, {a}, "ada", false)->empty()) << "already assigned: nothing to do";
    auto removal = planAssignment(*store, {a, b}, "zoe", true);
    ASSERT_TRUE(removal.ok());
    ASSERT_EQ(removal->size(), 1u);
    ASSERT_TRUE(applyAssignment(*store, *removal).ok());
    EXPECT_EQ(store->video(b)->annotators, (std::vector<std::string>{"ada"}));
    ASSERT_TRUE(applyAssignment(*store, *removal, true).ok());
    ASSERT_TRUE(applyAssignment(*store, *plan, true).ok());
    EXPECT_TRUE(store->video(a)->annotators.empty());
    EXPECT_EQ(store->video(b)->annotators, (std::vector<std::string>{"zoe"}));
    EXPECT_FALSE(planAssignment(*store, {a}, "", false).ok());
    auto unknown = planAssignment(*store, {999}, "ada", false);
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().find("999"), std::string::npos) << unknown.error();
}
