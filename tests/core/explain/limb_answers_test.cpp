#include "core/explain/limb_answers.h"

#include "core/synth/limb_mask_file.h"
#include "core/synth/limbs.h"
#include "core/synth/pose.h"

#include <gtest/gtest.h>

#include <QTemporaryDir>

namespace actionlens::explain {
namespace {

// Frames of 40 x 20: the left forearm fills the square x 20..29, y 5..14, and moves most in
// every frame but the first two (the torso) and the last (the head).
void writeMasks(const std::string& path, int frames) {
    auto writer = synth::LimbMaskWriter::open(path, 40, 20);
    ASSERT_TRUE(writer.ok()) << writer.error();
    for (int f = 0; f < frames; ++f) {
        synth::LimbMask mask{40, 20, std::vector<std::uint8_t>(800, 0), synth::kLimbLeftForearm};
        if (f < 2) mask.mostMoved = synth::kLimbTorso;
        if (f == frames - 1) mask.mostMoved = synth::kLimbHead;
        for (int y = 5; y < 15; ++y)
            for (int x = 20; x < 30; ++x) mask.ids[size_t(y) * 40 + x] = synth::kLimbLeftForearm;
        ASSERT_TRUE(writer.value()->write(mask).ok());
    }
    ASSERT_TRUE(writer.value()->finish().ok());
}

TEST(LimbAnswers, LimbsNameTheirPennJoints) {
    EXPECT_EQ(pennJointsOfLimb(synth::kLimbLeftForearm), (std::vector<int>{synth::kLeftElbow, synth::kLeftWrist}));
    EXPECT_EQ(pennJointsOfLimb(synth::kLimbRightShin), (std::vector<int>{synth::kRightKnee, synth::kRightAnkle}));
    EXPECT_EQ(pennJointsOfLimb(synth::kLimbHead), (std::vector<int>{synth::kHead}));
    EXPECT_EQ(pennJointsOfLimb(synth::kLimbTorso).size(), 4u);
    EXPECT_TRUE(pennJointsOfLimb(synth::kBackground).empty());
    EXPECT_TRUE(pennJointsOfLimb(synth::kOccluder).empty());
    for (int limb = 1; limb <= synth::kLimbCount; ++limb) EXPECT_FALSE(pennJointsOfLimb(limb).empty()) << limb;
    EXPECT_EQ(limbMaskPathOf("/a/b.c/video_003.mp4"), "/a/b.c/video_003.limbs");
    EXPECT_EQ(limbMaskPathOf("/a/b.c/video"), "/a/b.c/video.limbs");
}

TEST(LimbAnswers, TheClipsMovingLimbAndItsPixelsInTheView) {
    QTemporaryDir dir;
    const std::string video = dir.filePath("v.mp4").toStdString();
    writeMasks(limbMaskPathOf(video), 12);
    ClipInput clip;
    clip.videoPath = video;
    clip.firstFrame = 0;
    clip.segmentFrames = 12;
    // The view shows the square x 10..29, y 0..19 of the frame at 10 x 10: each view pixel is
    // 2 x 2 source pixels sampled at their centres, so the limb is view x 5..9, y 2..6.
    clip.regionX = 10;
    clip.regionY = 0;
    clip.regionWidth = 20;
    clip.regionHeight = 20;
    LimbAnswers answers(0);
    Result<ClipAnswer> answer = answers.answer(clip, 3, 10);
    ASSERT_TRUE(answer.ok()) << answer.error();
    EXPECT_EQ(answer->movingJoints, (std::vector<int>{synth::kLeftElbow, synth::kLeftWrist})) << "the most frames' limb";
    const ExplanationMap& pixels = answer->movingLimbPixels;
    ASSERT_EQ(pixels.frames, 3);
    ASSERT_EQ(pixels.rows, 10);
    for (int y = 0; y < 10; ++y)
        for (int x = 0; x < 10; ++x)
            EXPECT_EQ(pixels.at(1, y, x), (x >= 5 && y >= 2 && y <= 6) ? 1.0f : 0.0f) << x << "," << y;
    // A tolerance widens it.
    LimbAnswers tolerant(1);
    Result<ClipAnswer> wide = tolerant.answer(clip, 3, 10);
    ASSERT_TRUE(wide.ok());
    EXPECT_EQ(wide->movingLimbPixels.at(0, 1, 4), 1.0f);
    EXPECT_EQ(wide->movingLimbPixels.at(0, 0, 4), 0.0f);
    // No video view asked for: joints only.
    EXPECT_TRUE(answers.answer(clip, 0, 0)->movingLimbPixels.empty());
    // Frames outside the masks, and a video without masks, are errors that say so.
    clip.segmentFrames = 20;
    Result<ClipAnswer> beyond = answers.answer(clip, 3, 10);
    ASSERT_FALSE(beyond.ok());
    EXPECT_NE(beyond.error().find("have 12 frames"), std::string::npos) << beyond.error();
    clip.videoPath = dir.filePath("other.mp4").toStdString();
    EXPECT_FALSE(answers.answer(clip, 3, 10).ok());
}

}  // namespace
}  // namespace actionlens::explain
