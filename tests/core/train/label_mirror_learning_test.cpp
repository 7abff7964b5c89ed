// The label only a mirror-aware augmentation can teach: which side of a person faces the camera.
// The clips are the rendered demo's poses (the built-in motion library's side views performed by
// random mannequins, placed in the frame as the demo renders them); with mirroring on and the
// labels mirrored with the clips, the model learns the side well above chance. Keeping the labels
// as they were (what training did before labels were mirrored) teaches "left" and "right" for
// the same picture equally often, and the model cannot learn it.

#include "core/annotation/skeleton_layout.h"
#include "core/synth/mannequin.h"
#include "core/synth/motion_library.h"
#include "core/synth/video_script.h"
#include "core/train/evaluation.h"
#include "core/train/trainer.h"
#include "train_fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

namespace actionlens::train {
namespace {

constexpr double kFps = 15.0;
constexpr int kClipFrames = 24;

// Every side-view motion, performed three times by random mannequins (a left-hander performs
// the mirror image: the other side shows), a window of kClipFrames frames each. The video id is
// the motion's index: clips of one motion stay on one side of the split.
LabelledDataset facingDataset() {
    LabelledDataset data;
    data.taxonomyName = "facing";
    data.tasks = {DatasetTask{"facing", {"left", "right"}, {1, 0}}};
    const annotation::SkeletonLayout* penn = nullptr;
    for (const annotation::SkeletonLayout& layout : annotation::builtinSkeletonLayouts())
        if (layout.name == "Penn-13") penn = &layout;
    EXPECT_NE(penn, nullptr);
    data.layoutName = penn->name;
    data.layout = model::SkeletonLayout{int(penn->joints.size()), penn->edges, 1};
    data.mirrorPairs = penn->mirrorPairs;
    const std::vector<synth::MotionClip> motions = synth::builtInMotions(kFps).value();
    synth::SynthRandom random(5);
    for (size_t m = 0; m < motions.size(); ++m) {
        const synth::MotionClip& motion = motions[m];
        if (motion.viewpoint != "left" && motion.viewpoint != "right") continue;
        for (int take = 0; take < 3; ++take) {
            const synth::Mannequin mannequin = synth::randomMannequin(random);
            const std::vector<synth::Pose> poses = synth::performClip(motion, mannequin);
            if (poses.size() < 8) continue;
            const std::vector<synth::CameraPlacement> camera = synth::placeCamera(poses, mannequin, 320, 240, kFps, random);
            const int frames = std::min<int>(kClipFrames, int(poses.size()));
            const int start = random.integer(0, int(poses.size()) - frames);
            LabelledClip clip;
            clip.skeleton = model::SkeletonClip{frames, synth::kJointCount, std::vector<float>(size_t(3) * frames * synth::kJointCount)};
            for (int t = 0; t < frames; ++t) {
                const synth::Pose image = synth::toImage(poses[size_t(start + t)], camera[size_t(start + t)]);
                for (int j = 0; j < synth::kJointCount; ++j) {
                    clip.skeleton.at(0, t, j) = image[size_t(j)].x;
                    clip.skeleton.at(1, t, j) = image[size_t(j)].y;
                    clip.skeleton.at(2, t, j) = 1.0f;
                }
            }
            const bool mirrored = mannequin.handedness == synth::Handedness::Left;
            const std::string shown = mirrored ? synth::mirroredViewpoint(motion.viewpoint) : motion.viewpoint;
            clip.labels = {shown == "left" ? 0 : 1};
            clip.segmentId = std::int64_t(data.clips.size()) + 1;
            clip.videoId = std::int64_t(m) + 1;
            clip.videoName = motion.name;
            clip.splits = {m % 4 == 1 ? "test" : "train"};
            data.clips.push_back(std::move(clip));
        }
    }
    return data;
}

double facingAccuracy(const LabelledDataset& data, const TrainConfig& config) {
    std::vector<int> train, test;
    for (size_t i = 0; i < data.clips.size(); ++i) (data.clips[i].splits[0] == "test" ? test : train).push_back(int(i));
    TrainingRequest request;
    request.dataset = &data;
    request.trainItems = train;
    request.config = config;
    Result<TrainingOutcome> trained = trainModel(request);
    EXPECT_TRUE(trained.ok()) << trained.error();
    if (!trained) return 0.0;
    Result<EvaluationReport> report = evaluateModel(*trained->model, trained->snapshot, data, test, 64);
    EXPECT_TRUE(report.ok()) << report.error();
    return report ? report->tasks[0].metrics.accuracy : 0.0;
}

TEST(LabelMirrorLearning, WhichSideFacesTheCameraIsLearntWithMirroringOn) {
    const LabelledDataset data = facingDataset();
    int left = 0, test = 0;
    for (const LabelledClip& clip : data.clips) left += clip.labels[0] == 0, test += clip.splits[0] == "test";
    ASSERT_GE(data.clips.size(), 60u);
    ASSERT_GT(left, int(data.clips.size()) / 4) << "both sides occur";
    ASSERT_LT(left, 3 * int(data.clips.size()) / 4);

    TrainConfig config = testing::tinyTrainConfig();
    config.frames = 16;
    config.trunk.channels = {16, 32};
    config.epochs = 15;
    config.validationFraction = 0.0;
    config.augmentation.enabled = true;  // the defaults: mirror half of the clips, rotate, scale, ...
    const double mirrored = facingAccuracy(data, config);

    LabelledDataset undeclared = data;
    undeclared.tasks[0].mirrorOf.clear();
    config.augmentation.forceMirrorUndeclared = true;  // mirrored clips keep their labels
    const double kept = facingAccuracy(undeclared, config);
    std::printf("facing (%zu clips, %d test): mirrored labels %.3f, labels kept %.3f\n", data.clips.size(), test,
                mirrored, kept);
    EXPECT_GE(mirrored, 0.75) << "well above chance (0.5)";
    EXPECT_GE(mirrored, kept + 0.15) << "kept labels teach each side as often as the other";
}

}  // namespace
}  // namespace actionlens::train
