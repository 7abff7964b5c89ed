#include "core/synth/retarget.h"

#include "core/synth/video_script.h"
#include "tests/core/synth/synth_fixtures.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace actionlens;
using namespace actionlens::synth;

namespace {

float distance(Point2 a, Point2 b) { return std::hypot(a.x - b.x, a.y - b.y); }

}  // namespace

TEST(Retarget, BonesTakeTheMannequinsLengthsAndKeepTheSourceDirections) {
    const std::vector<MotionClip> clips = fixtures::realMotions(25.0);
    ASSERT_FALSE(clips.empty());
    SynthRandom random(5);
    const Mannequin m = randomMannequin(random);
    for (const MotionClip& clip : clips) {
        const std::vector<Pose> poses = retargetClip(clip, m.body);
        ASSERT_EQ(poses.size(), clip.frames.size());
        float longestForearm = 0.0f;
        float longestThigh = 0.0f;
        for (size_t f = 0; f < poses.size(); ++f) {
            const Pose& p = poses[f];
            const float forearm = distance(p[kLeftElbow], p[kLeftWrist]);
            const float thigh = distance(p[kRightHip], p[kRightKnee]);
            EXPECT_LE(forearm, m.body.forearm * 1.0001f);
            EXPECT_LE(thigh, m.body.thigh * 1.0001f);
            // The full length is shared by both sides: the longer of the two reaches it.
            longestForearm = std::max({longestForearm, forearm, distance(p[kRightElbow], p[kRightWrist])});
            longestThigh = std::max({longestThigh, thigh, distance(p[kLeftHip], p[kLeftKnee])});
            // Same direction as the source's left forearm wherever the source shows one.
            const Pose& s = clip.frames[f];
            if (clip.everVisible[kLeftElbow] && clip.everVisible[kLeftWrist] && distance(s[kLeftElbow], s[kLeftWrist]) > 2.0f) {
                const float sourceAngle = std::atan2(s[kLeftWrist].y - s[kLeftElbow].y, s[kLeftWrist].x - s[kLeftElbow].x);
                const float angle = std::atan2(p[kLeftWrist].y - p[kLeftElbow].y, p[kLeftWrist].x - p[kLeftElbow].x);
                EXPECT_NEAR(std::remainder(angle - sourceAngle, 6.2831853f), 0.0f, 1e-3f) << clip.name << " frame " << f;
            }
        }
        // Foreshortening only shortens: at full stretch a bone has exactly the mannequin's length.
        EXPECT_NEAR(longestForearm, m.body.forearm, 1e-4f) << clip.name;
        EXPECT_NEAR(longestThigh, m.body.thigh, 1e-4f) << clip.name;
    }
}

TEST(Retarget, DifferentProportionsGiveDifferentBodiesForTheSameMotion) {
    const std::vector<MotionClip> clips = fixtures::realMotions(25.0);
    ASSERT_FALSE(clips.empty());
    BodyProportions tall;
    tall.thigh = 1.0f;
    tall.shin = 0.95f;
    const std::vector<Pose> standard = retargetClip(clips[0], BodyProportions{});
    const std::vector<Pose> longLegs = retargetClip(clips[0], tall);
    float standardMax = 0.0f, tallMax = 0.0f;
    for (size_t f = 0; f < standard.size(); ++f) {
        standardMax = std::max(standardMax, standard[f][kLeftAnkle].y);
        tallMax = std::max(tallMax, longLegs[f][kLeftAnkle].y);
        EXPECT_FLOAT_EQ(standard[f][kLeftWrist].x, longLegs[f][kLeftWrist].x);  // arms untouched
    }
    EXPECT_GT(tallMax, standardMax + 0.1f);
}

TEST(Retarget, MirrorSwapsSidesAndFlipsX) {
    Pose p;
    for (int j = 0; j < kJointCount; ++j) p[static_cast<size_t>(j)] = {static_cast<float>(j) + 0.5f, static_cast<float>(10 * j)};
    const Pose m = mirrorPose(p);
    EXPECT_FLOAT_EQ(m[kLeftWrist].x, -p[kRightWrist].x);
    EXPECT_FLOAT_EQ(m[kLeftWrist].y, p[kRightWrist].y);
    EXPECT_FLOAT_EQ(m[kRightAnkle].x, -p[kLeftAnkle].x);
    EXPECT_FLOAT_EQ(m[kHead].x, -p[kHead].x);
    const Pose back = mirrorPose(m);
    for (int j = 0; j < kJointCount; ++j) EXPECT_FLOAT_EQ(back[static_cast<size_t>(j)].x, p[static_cast<size_t>(j)].x);
}

// The same script drawn for a left-handed and a right-handed twin: every image joint of the
// left-hander is the right-hander's opposite joint reflected about one vertical line per frame.
TEST(Retarget, LeftHandedSubjectIsTheMirrorImageOfTheRightHandedOneInTheVideo) {
    const std::vector<MotionClip> clips = fixtures::realMotions(15.0);
    SynthRandom people(11);
    Mannequin right = randomMannequin(people);
    right.handedness = Handedness::Right;
    Mannequin left = right;
    left.handedness = Handedness::Left;
    SynthRandom randomA(99), randomB(99);
    auto a = scriptVideo(clips, right, 160, 120, 15.0, ScriptTiming{}, randomA);
    auto b = scriptVideo(clips, left, 160, 120, 15.0, ScriptTiming{}, randomB);
    ASSERT_TRUE(a.ok() && b.ok());
    ASSERT_EQ(a->frameCount(), b->frameCount());
    ASSERT_EQ(a->clips.size(), b->clips.size());
    for (size_t c = 0; c < a->clips.size(); ++c) {
        EXPECT_EQ(a->clips[c].motion, b->clips[c].motion);
        EXPECT_EQ(b->clips[c].viewpoint, mirroredViewpoint(a->clips[c].viewpoint));
        EXPECT_TRUE(b->clips[c].mirrored);
        EXPECT_FALSE(a->clips[c].mirrored);
    }
    bool anyAsymmetry = false;
    for (int f = 0; f < a->frameCount(); ++f) {
        const Pose& r = a->imagePoses[static_cast<size_t>(f)];
        const Pose& l = b->imagePoses[static_cast<size_t>(f)];
        const float axis2 = l[kHead].x + r[kHead].x;  // twice the mirror line's x
        for (int j = 0; j < kJointCount; ++j) {
            const Point2 mine = l[static_cast<size_t>(j)];
            const Point2 theirs = r[static_cast<size_t>(mirroredJoint(j))];
            EXPECT_NEAR(mine.x + theirs.x, axis2, 1e-3f) << "frame " << f << " joint " << j;
            EXPECT_NEAR(mine.y, theirs.y, 1e-3f) << "frame " << f << " joint " << j;
            if (std::abs(mine.x - r[static_cast<size_t>(j)].x) > 2.0f) anyAsymmetry = true;
        }
    }
    EXPECT_TRUE(anyAsymmetry);  // the test would be empty for a symmetric motion
}
