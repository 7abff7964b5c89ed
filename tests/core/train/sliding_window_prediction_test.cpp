#include "core/train/sliding_window_prediction.h"

#include "core/train/trainer.h"
#include "train_fixtures.h"

#include <gtest/gtest.h>

namespace actionlens::train {
namespace {

ModelSnapshot twoTaskSnapshot() {
    ModelSnapshot s;
    s.tasks = {{"action", {"a0", "a1", "a2"}, {}}, {"group", {"g0", "g1"}, {}}};
    s.model.tasks = {{"action", 3}, {"group", 2}};
    s.hierarchy = model::TaskHierarchy{"action", "group", {0, 1, 1}, 2};
    return s;
}

// Per-frame action probabilities: class 0 for frames 0-9, a one-frame blip of class 2 at 5,
// nothing confident at 10-14, class 1 at 15-29; the group head says the opposite of the
// hierarchy throughout.
TrackPrediction handMadePrediction() {
    TrackPrediction p;
    p.frames = 30;
    p.covered.assign(30, true);
    p.tasks = {{"action", 3, {}}, {"group", 2, {}}};
    for (int t = 0; t < 30; ++t) {
        std::vector<float> a{0.34f, 0.33f, 0.33f};
        if (t < 10) a = {0.9f, 0.05f, 0.05f};
        if (t == 5) a = {0.1f, 0.0f, 0.9f};
        if (t >= 15) a = {0.05f, 0.9f, 0.05f};
        p.tasks[0].probabilities.insert(p.tasks[0].probabilities.end(), a.begin(), a.end());
        const std::vector<float> g = t < 10 ? std::vector<float>{0.2f, 0.8f} : std::vector<float>{0.8f, 0.2f};
        p.tasks[1].probabilities.insert(p.tasks[1].probabilities.end(), g.begin(), g.end());
    }
    return p;
}

TEST(SlidingWindowPrediction, SmoothingIsACentredMovingAverage) {
    const std::vector<float> p{1, 0, 0, 1, 1, 0};  // 3 frames x 2 classes
    const std::vector<float> s = smoothProbabilities(p, 3, 2, 3);
    EXPECT_FLOAT_EQ(s[0], 0.5f);  // frames 0-1
    EXPECT_FLOAT_EQ(s[2], 2.0f / 3.0f);
    EXPECT_FLOAT_EQ(s[5], 0.5f);  // frames 1-2, class 1
    EXPECT_EQ(smoothProbabilities(p, 3, 2, 1), p);
}

TEST(SlidingWindowPrediction, HysteresisIgnoresBlipsAndTheGroupFollowsTheAction) {
    const ModelSnapshot snapshot = twoTaskSnapshot();
    const std::vector<PredictedSegment> segments = decodeSegments(handMadePrediction(), 0, snapshot);
    ASSERT_EQ(segments.size(), 2u);
    EXPECT_EQ(segments[0].classes[0], 0);
    EXPECT_LE(segments[0].firstFrame, 1);
    EXPECT_GE(segments[0].lastFrame, 9);
    EXPECT_LE(segments[0].lastFrame, 12);  // 0.34 on the undecided frames stays above the exit threshold
    EXPECT_EQ(segments[1].classes[0], 1);
    EXPECT_GE(segments[1].firstFrame, 13);
    EXPECT_LE(segments[1].firstFrame, 15);
    EXPECT_EQ(segments[1].lastFrame, 29);
    // Read off the hierarchy, not the disagreeing group head.
    EXPECT_EQ(segments[0].classes[1], 0);
    EXPECT_EQ(segments[1].classes[1], 1);
    EXPECT_GT(segments[1].confidences[0], 0.8);

    SegmentDecoding strict;
    strict.minimumFrames = 20;
    EXPECT_EQ(decodeSegments(handMadePrediction(), 0, snapshot, strict).size(), 0u);
    TrackPrediction gap = handMadePrediction();
    for (int t = 20; t < 22; ++t) gap.covered[size_t(t)] = false;
    SegmentDecoding noSmoothing;
    noSmoothing.smoothingFrames = 1;
    noSmoothing.minimumFrames = 2;  // drops the one-frame blip at 5
    EXPECT_EQ(decodeSegments(gap, 0, snapshot, noSmoothing).size(), 4u);  // 0-4, 6-9, 15-19, 22-29
}

TEST(SlidingWindowPrediction, WindowsCoverEveryFrameWithAPoseAndAverageToProbabilities) {
    const LabelledDataset data = testing::motionDataset(2);
    TrainConfig config = testing::tinyTrainConfig();
    config.epochs = 1;
    Result<TrainingOutcome> trained = trainModel(TrainingRequest{&data, testing::allItems(data), {}, config, "", "", 0});
    ASSERT_TRUE(trained.ok()) << trained.error();
    // Three clips one after another, then ten frames without a pose.
    model::SkeletonClip track{0, 5, {}};
    std::vector<model::SkeletonClip> parts;
    for (int i : {0, 1, 2}) parts.push_back(data.clips[size_t(i)].skeleton);
    track.frames = parts[0].frames + parts[1].frames + parts[2].frames + 10;
    track.values.assign(size_t(3) * track.frames * 5, 0.0f);
    int offset = 0;
    for (const auto& part : parts) {
        for (int c = 0; c < 3; ++c)
            for (int t = 0; t < part.frames; ++t)
                for (int j = 0; j < 5; ++j) track.at(c, offset + t, j) = part.at(c, t, j);
        offset += part.frames;
    }
    SlidingWindowOptions options;
    options.windowFrames = 8;
    options.strideFrames = 3;
    Result<TrackPrediction> prediction = predictTrack(*trained->model, trained->snapshot, track, options);
    ASSERT_TRUE(prediction.ok()) << prediction.error();
    ASSERT_EQ(prediction->frames, track.frames);
    for (int t = 0; t < offset; ++t) EXPECT_TRUE(prediction->covered[size_t(t)]) << t;
    EXPECT_FALSE(prediction->covered.back());
    for (const TaskFrameProbabilities& task : prediction->tasks)
        for (int t = 0; t < offset; ++t) {
            double sum = 0.0;
            for (int c = 0; c < task.classCount; ++c) sum += task.probabilities[size_t(t) * task.classCount + c];
            EXPECT_NEAR(sum, 1.0, 1e-4) << task.task << " frame " << t;
        }
    model::SkeletonClip wrong{10, 7, std::vector<float>(3 * 10 * 7, 1.0f)};
    EXPECT_FALSE(predictTrack(*trained->model, trained->snapshot, wrong).ok());
}

}  // namespace
}  // namespace actionlens::train
