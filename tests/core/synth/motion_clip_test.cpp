#include "core/synth/motion_clip.h"

#include "core/formats/penn_action_labels.h"
#include "tests/core/synth/synth_fixtures.h"
#include "tests/support/test_videos.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

using namespace actionlens;
using namespace actionlens::synth;

namespace {

// Four frames at 30 fps. Joint 0 is visible in frames 0 and 3 only (the invisible frames hold
// junk, as Penn Action files do), joint 1 only in frame 2, joint 2 never; the rest always.
formats::PennActionSequence handMadeSequence() {
    formats::PennActionSequence s;
    s.action = "squat";
    s.viewpoint = "front";
    s.frameCount = 4;
    s.width = 100;
    s.height = 100;
    s.x.assign(4 * kJointCount, 50.0f);
    s.y.assign(4 * kJointCount, 60.0f);
    s.visible.assign(4 * kJointCount, 1);
    for (int f = 0; f < 4; ++f) {
        const size_t at = static_cast<size_t>(f) * kJointCount;
        s.x[at] = f == 0 ? 0.0f : f == 3 ? 30.0f : 999.0f;
        s.visible[at] = (f == 0 || f == 3) ? 1 : 0;
        s.x[at + 1] = f == 2 ? 40.0f : -5.0f;
        s.visible[at + 1] = f == 2 ? 1 : 0;
        s.visible[at + 2] = 0;
    }
    return s;
}

}  // namespace

TEST(MotionClip, InvisibleJointsAreInterpolatedBetweenVisibleFramesAndHeldAtTheEnds) {
    auto clip = motionClipFromPenn(handMadeSequence(), "hand", 30.0);
    ASSERT_TRUE(clip.ok()) << clip.error();
    ASSERT_EQ(clip->frames.size(), 4u);
    EXPECT_FLOAT_EQ(clip->frames[1][0].x, 10.0f);
    EXPECT_FLOAT_EQ(clip->frames[2][0].x, 20.0f);
    for (int f = 0; f < 4; ++f) EXPECT_FLOAT_EQ(clip->frames[static_cast<size_t>(f)][1].x, 40.0f) << f;
    EXPECT_TRUE(clip->everVisible[0]);
    EXPECT_TRUE(clip->everVisible[1]);
    EXPECT_FALSE(clip->everVisible[2]);
    EXPECT_EQ(clip->action, "squat");
    EXPECT_EQ(clip->viewpoint, "front");
}

TEST(MotionClip, ResamplesThirtyFramesPerSecondToTheOutputRate) {
    auto slower = motionClipFromPenn(handMadeSequence(), "hand", 15.0);
    ASSERT_TRUE(slower.ok());
    ASSERT_EQ(slower->frames.size(), 2u);  // 0.1 s of motion: times 0 and 1/15
    EXPECT_FLOAT_EQ(slower->frames[1][0].x, 20.0f);
    auto faster = motionClipFromPenn(handMadeSequence(), "hand", 60.0);
    ASSERT_TRUE(faster.ok());
    ASSERT_EQ(faster->frames.size(), 7u);
    EXPECT_FLOAT_EQ(faster->frames[1][0].x, 5.0f);  // halfway between source frames 0 and 1
    EXPECT_FLOAT_EQ(faster->frames[6][0].x, 30.0f);
}

TEST(MotionClip, ASequenceWithoutVisibleJointsIsRefused) {
    formats::PennActionSequence s = handMadeSequence();
    s.visible.assign(s.visible.size(), 0);
    auto clip = motionClipFromPenn(s, "dark", 25.0);
    ASSERT_FALSE(clip.ok());
    EXPECT_NE(clip.error().find("dark"), std::string::npos);
}

TEST(MotionClip, RealSequenceKeepsItsLabelsAndDuration) {
    auto sequence = formats::readPennActionLabels(fixtures::pennLabelFile("0800"));
    ASSERT_TRUE(sequence.ok()) << sequence.error();
    auto clip = motionClipFromPenn(sequence.value(), "0800", 25.0);
    ASSERT_TRUE(clip.ok()) << clip.error();
    EXPECT_EQ(clip->action, sequence->action);
    EXPECT_EQ(clip->viewpoint, sequence->viewpoint);
    const int expected = static_cast<int>(std::floor((sequence->frameCount - 1) / 30.0 * 25.0 + 1e-9)) + 1;
    EXPECT_EQ(static_cast<int>(clip->frames.size()), expected);
    for (int j = 0; j < kJointCount; ++j) {
        if (!sequence->visible[static_cast<size_t>(j)]) continue;
        EXPECT_FLOAT_EQ(clip->frames[0][static_cast<size_t>(j)].x, sequence->x[static_cast<size_t>(j)]);
        EXPECT_FLOAT_EQ(clip->frames[0][static_cast<size_t>(j)].y, sequence->y[static_cast<size_t>(j)]);
    }
}

TEST(MotionClip, LoadsAFolderSortedSkipsSequencesWithoutJointsAndNamesABadFile) {
    fixtures::TempDir dir;
    for (const char* name : {"1100", "0002"}) std::filesystem::copy_file(fixtures::pennLabelFile(name), dir.file(std::string(name) + ".mat"));
    auto clips = loadMotionFolder(dir.path(), 25.0);
    ASSERT_TRUE(clips.ok()) << clips.error();
    ASSERT_EQ(clips->size(), 2u);
    EXPECT_EQ(clips.value()[0].name, "0002");
    EXPECT_EQ(clips.value()[1].name, "1100");
    // 1516 is a real training sequence whose joints are all marked invisible.
    std::filesystem::copy_file(fixtures::pennLabelFile("1516"), dir.file("1516.mat"));
    std::vector<std::string> skipped;
    auto withDark = loadMotionFolder(dir.path(), 25.0, &skipped);
    ASSERT_TRUE(withDark.ok()) << withDark.error();
    EXPECT_EQ(withDark->size(), 2u);
    EXPECT_EQ(skipped, std::vector<std::string>{"1516"});
    fixtures::writeFileBytes(dir.file("0003.mat"), "not a mat file");
    auto bad = loadMotionFolder(dir.path(), 25.0);
    ASSERT_FALSE(bad.ok());
    EXPECT_NE(bad.error().find("0003.mat"), std::string::npos) << bad.error();
}
