#include "core/synth/video_script.h"

#include "tests/core/synth/synth_fixtures.h"

#include <gtest/gtest.h>

using namespace actionlens;
using namespace actionlens::synth;

namespace {

constexpr double kFps = 25.0;

}  // namespace

// The demo's videos last about the target whatever the source motions' lengths (Penn Action
// sequences run 1-10 s): each clip fills an equal share, repeating short motions.
TEST(VideoScript, VideosLastAboutTheTargetLength) {
    const std::vector<MotionClip> clips = fixtures::realMotions(kFps);
    ScriptTiming timing;
    timing.targetSeconds = 10.0;
    int repeated = 0;
    for (std::uint32_t seed = 1; seed <= 12; ++seed) {
        SynthRandom random(seed);
        const Mannequin mannequin = randomMannequin(random);
        auto script = scriptVideo(clips, mannequin, 160, 120, kFps, timing, random);
        ASSERT_TRUE(script.ok()) << script.error();
        const double seconds = script->frameCount() / kFps;
        EXPECT_GE(seconds, 9.0) << "seed " << seed;
        EXPECT_LE(seconds, 11.0) << "seed " << seed;
        for (const ScriptedClip& clip : script->clips) repeated += clip.repetitions > 1;
    }
    EXPECT_GT(repeated, 0) << "the test motions are short enough that some must repeat";
}

// A repeated clip performs its motion again after the reset: the second repetition's poses are
// the first's, and the segment covers all of them under one action.
TEST(VideoScript, ARepeatedClipPerformsTheSameMotionAgainAfterAnEasedReset) {
    const std::vector<MotionClip> clips = fixtures::realMotions(kFps);
    ScriptTiming timing;
    timing.targetSeconds = 30.0;  // long shares: every test motion repeats
    timing.minClips = timing.maxClips = 2;
    SynthRandom random(3);
    const Mannequin mannequin = randomMannequin(random);
    auto script = scriptVideo(clips, mannequin, 160, 120, kFps, timing, random);
    ASSERT_TRUE(script.ok()) << script.error();
    const int resetFrames = static_cast<int>(timing.repetitionResetSeconds * kFps + 0.5);
    for (const ScriptedClip& clip : script->clips) {
        ASSERT_GT(clip.repetitions, 1) << clip.motion->name;
        const std::vector<Pose> performed = performClip(*clip.motion, mannequin);
        const int length = static_cast<int>(performed.size());
        ASSERT_GT(clip.lastFrame - clip.firstFrame + 1, length + resetFrames);
        for (int k = 0; k < length && clip.firstFrame + length + resetFrames + k <= clip.lastFrame; ++k) {
            const Pose& first = script->bodyPoses[static_cast<size_t>(clip.firstFrame + k)];
            const Pose& second = script->bodyPoses[static_cast<size_t>(clip.firstFrame + length + resetFrames + k)];
            for (int j = 0; j < kJointCount; ++j) {
                EXPECT_FLOAT_EQ(first[static_cast<size_t>(j)].x, second[static_cast<size_t>(j)].x);
                EXPECT_FLOAT_EQ(first[static_cast<size_t>(j)].y, second[static_cast<size_t>(j)].y);
            }
            EXPECT_FLOAT_EQ(first[0].x, performed[static_cast<size_t>(k)][0].x);
        }
    }
}

// Without a target, a clip is its source motion once, cut to maxClipSeconds.
TEST(VideoScript, WithoutATargetClipsPlayTheirSourceOnce) {
    const std::vector<MotionClip> clips = fixtures::realMotions(kFps);
    ScriptTiming timing;
    timing.targetSeconds = 0.0;
    timing.maxClipSeconds = 1.0;
    SynthRandom random(8);
    auto script = scriptVideo(clips, randomMannequin(random), 160, 120, kFps, timing, random);
    ASSERT_TRUE(script.ok()) << script.error();
    for (const ScriptedClip& clip : script->clips) {
        EXPECT_EQ(clip.repetitions, 1);
        EXPECT_LE(clip.lastFrame - clip.firstFrame + 1, 25);
    }
}
