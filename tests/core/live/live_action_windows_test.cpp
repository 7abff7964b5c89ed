// LiveActionWindows: each person's last frames through a trained model, answers per task with
// the model's class names; a person gone for a whole window is forgotten.

#include "core/live/live_action_windows.h"
#include "tests/core/predict/predict_fixtures.h"

#include <gtest/gtest.h>

#include <numeric>

namespace actionlens::live {
namespace {

TEST(LiveActionWindows, AnswersEveryPersonFollowedAndForgetsThoseGone) {
    auto project = predict::testing::makeTrainedProject();
    ASSERT_TRUE(project->model);
    LiveActionWindows windows(*project->model, project->snapshot, 6);
    EXPECT_EQ(windows.windowFrames(), 6);
    const std::int64_t layout = project->layout->id;
    for (int f = 0; f < 4; ++f) {
        windows.addFrame({{1, predict::testing::pose(0, 1, layout, f, true)}, {2, predict::testing::pose(0, 2, layout, f, false)}});
        auto answers = windows.answers();
        ASSERT_TRUE(answers.ok()) << answers.error();
        ASSERT_EQ(answers->size(), 2u);
        for (const LivePersonAnswer& a : answers.value()) {
            EXPECT_EQ(a.framesSeen, f + 1);
            ASSERT_EQ(a.tasks.size(), project->snapshot.tasks.size());
            for (size_t t = 0; t < a.tasks.size(); ++t) {
                EXPECT_EQ(a.tasks[t].task, project->snapshot.tasks[t].name);
                EXPECT_EQ(a.tasks[t].classes, project->snapshot.tasks[t].classNames);
                ASSERT_EQ(a.tasks[t].probabilities.size(), a.tasks[t].classes.size());
                EXPECT_NEAR(std::accumulate(a.tasks[t].probabilities.begin(), a.tasks[t].probabilities.end(), 0.0), 1.0, 1e-4);
            }
        }
    }
    // Person 2 leaves: answered while some of their frames are in the window, then forgotten.
    for (int f = 4; f < 4 + 6; ++f) {
        windows.addFrame({{1, predict::testing::pose(0, 1, layout, f, true)}});
        auto answers = windows.answers();
        ASSERT_TRUE(answers.ok()) << answers.error();
        EXPECT_EQ(answers->size(), f < 9 ? 2u : 1u) << "frame " << f;
    }
    EXPECT_EQ(windows.peopleFollowed(), 1);
}

TEST(LiveActionWindows, ASkeletonOfAnotherLayoutIsAnError) {
    auto project = predict::testing::makeTrainedProject();
    ASSERT_TRUE(project->model);
    LiveActionWindows windows(*project->model, project->snapshot);
    annotation::SkeletonFrame wrong;
    wrong.joints.assign(5, annotation::Joint{1, 2, 0.9f, true});
    windows.addFrame({{1, wrong}});
    auto answers = windows.answers();
    ASSERT_FALSE(answers.ok());
    EXPECT_NE(answers.error().find("has 5 joints, the model reads 13"), std::string::npos) << answers.error();
}

}  // namespace
}  // namespace actionlens::live
