// The crowd scene: people of the asked sizes inside the frame, far ones higher up and drawn
// first, walking, the same scene from the same seed, and refused sizes named.

#include "core/synth/crowd_scene.h"

#include "core/synth/motion_library.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace actionlens::synth {
namespace {

const std::vector<MotionClip>& library() {
    static const std::vector<MotionClip> clips = [] {
        auto loaded = builtInMotions(25.0);
        EXPECT_TRUE(loaded.ok()) << loaded.error();
        return loaded.ok() ? loaded.value() : std::vector<MotionClip>{};
    }();
    return clips;
}

double feetY(const Pose& pose) { return std::max(pose[kLeftAnkle].y, pose[kRightAnkle].y); }

TEST(CrowdScene, PeopleOfTheAskedSizesWalkInsideTheFrameFarOnesHigherUp) {
    CrowdSceneOptions options;
    options.width = 960;
    options.height = 540;
    options.people = 5;
    options.frames = 50;
    options.minPersonHeight = 60;
    options.maxPersonHeight = 140;
    auto scene = planCrowdScene(library(), options);
    ASSERT_TRUE(scene.ok()) << scene.error();
    ASSERT_EQ(scene->people.size(), 5u);
    EXPECT_DOUBLE_EQ(scene->people.front().standingHeight, 60.0);
    EXPECT_DOUBLE_EQ(scene->people.back().standingHeight, 140.0);
    for (std::size_t p = 0; p < scene->people.size(); ++p) {
        const CrowdPerson& person = scene->people[p];
        ASSERT_EQ(person.poses.size(), 50u);
        for (const Pose& pose : person.poses)
            for (const Point2& j : pose) {
                EXPECT_GE(j.x, -0.1 * person.standingHeight) << "person " << p;
                EXPECT_LE(j.x, options.width + 0.1 * person.standingHeight) << "person " << p;
                EXPECT_GE(j.y, 0) << "person " << p;
                EXPECT_LE(j.y, options.height) << "person " << p;
            }
        // Walking: the hips travel about half a body height per second (2 s here).
        const double startX = 0.5 * (person.poses.front()[kLeftHip].x + person.poses.front()[kRightHip].x);
        const double endX = 0.5 * (person.poses.back()[kLeftHip].x + person.poses.back()[kRightHip].x);
        EXPECT_GT(std::abs(endX - startX), 0.5 * person.standingHeight) << "person " << p;
        if (p > 0) {
            EXPECT_GT(feetY(person.poses.front()), feetY(scene->people[p - 1].poses.front()) - 1.0) << "nearer is lower";
        }
    }
}

TEST(CrowdScene, TheSameSeedGivesTheSameSceneAndRendersIt) {
    CrowdSceneOptions options;
    options.width = 320;
    options.height = 240;
    options.people = 2;
    options.frames = 3;
    options.minPersonHeight = 40;
    options.maxPersonHeight = 80;
    auto a = planCrowdScene(library(), options);
    auto b = planCrowdScene(library(), options);
    ASSERT_TRUE(a.ok() && b.ok());
    for (std::size_t p = 0; p < 2; ++p)
        for (int j = 0; j < kJointCount; ++j) EXPECT_EQ(a->people[p].poses[2][j].x, b->people[p].poses[2][j].x);
    SceneRenderer renderer(320, 240, 1);
    media::VideoFrame picture;
    LimbMask mask;
    renderCrowdFrame(a.value(), renderer, 2, picture, mask);
    EXPECT_EQ(picture.width, 320);
    EXPECT_EQ(picture.height, 240);
    EXPECT_GT(std::count_if(mask.ids.begin(), mask.ids.end(), [](std::uint8_t id) { return id != 0; }), 100) << "people drawn";
}

TEST(CrowdScene, RefusesPeopleTooTallForTheFrameAndAnEmptyLibrary) {
    CrowdSceneOptions options;
    options.height = 200;
    options.maxPersonHeight = 160;
    auto tall = planCrowdScene(library(), options);
    ASSERT_FALSE(tall.ok());
    EXPECT_NE(tall.error().find("too small"), std::string::npos) << tall.error();
    EXPECT_FALSE(planCrowdScene({}, CrowdSceneOptions{}).ok());
}

}  // namespace
}  // namespace actionlens::synth
