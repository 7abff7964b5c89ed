#include "core/predict/labelling_queue.h"

#include <gtest/gtest.h>

namespace actionlens::predict {
namespace {

train::ModelSnapshot twoClassSnapshot() {
    train::ModelSnapshot s;
    s.windowFrames = 8;
    train::DatasetTask task;
    task.name = "action";
    task.classNames = {"jump", "run"};
    s.tasks.push_back(task);
    return s;
}

// One track of subject 1 over video frames 10..49; the model covered every frame but the first
// four; frames before video frame 30 it is sure of "jump", from 30 on it cannot tell.
VideoPrediction predictionOfOneTrack() {
    PredictedTrack track;
    track.track = clips::TrackSpan{1, 10, 49};
    train::TrackPrediction p;
    p.frames = 40;
    p.covered.assign(40, true);
    for (int f = 0; f < 4; ++f) p.covered[size_t(f)] = false;
    train::TaskFrameProbabilities action;
    action.task = "action";
    action.classCount = 2;
    for (int f = 0; f < 40; ++f) {
        const bool sure = 10 + f < 30;
        action.probabilities.push_back(sure ? 0.95f : 0.5f);
        action.probabilities.push_back(sure ? 0.05f : 0.5f);
    }
    p.tasks.push_back(action);
    track.frameProbabilities = p;
    VideoPrediction prediction;
    prediction.tracks.push_back(track);
    return prediction;
}

annotation::Segment segment(std::int64_t first, std::int64_t last, const std::string& annotator) {
    annotation::Segment s;
    s.videoId = 7;
    s.subjectId = 1;
    s.firstFrame = first;
    s.lastFrame = last;
    s.annotator = annotator;
    return s;
}

}  // namespace

TEST(LabellingQueue, ClipsCoverTheUnlabelledFramesTheModelSawAtItsTimeScale) {
    // A person labelled video frames 30-34; the model's own proposal over everything is no label.
    const std::vector<annotation::Segment> segments{segment(30, 34, "ann"), segment(10, 49, "model:m.alm")};
    const std::vector<QueueClip> clips = unlabelledClips(predictionOfOneTrack(), 7, segments, twoClassSnapshot(), {});
    std::vector<std::pair<std::int64_t, std::int64_t>> ranges;
    for (const QueueClip& c : clips) {
        EXPECT_EQ(c.videoId, 7);
        EXPECT_EQ(c.subjectId, 1);
        ranges.push_back({c.firstFrame, c.lastFrame});
    }
    // Free: video 14-29 and 35-49, in clips of 8 (a last one of 7 is over half a clip).
    EXPECT_EQ(ranges, (std::vector<std::pair<std::int64_t, std::int64_t>>{{14, 21}, {22, 29}, {35, 42}, {43, 49}}));
    ASSERT_EQ(clips[0].classes, std::vector<std::string>{"jump"});
    EXPECT_NEAR(clips[0].confidences[0], 0.95, 1e-6);
    EXPECT_LT(clips[0].uncertainty, 0.5);
    EXPECT_NEAR(clips[2].uncertainty, 1.0, 1e-6) << "an even answer is as uncertain as it gets";
    QueueOptions margin;
    margin.measure = train::UncertaintyMeasure::Margin;
    EXPECT_NEAR(unlabelledClips(predictionOfOneTrack(), 7, segments, twoClassSnapshot(), margin)[0].uncertainty, 0.1, 1e-6);
}

TEST(LabellingQueue, RanksTheMostUncertainFirstOneVideoAtATime) {
    std::vector<QueueClip> candidates;
    for (auto [video, uncertainty] : {std::pair{1, 0.9}, std::pair{1, 0.8}, std::pair{2, 0.3}, std::pair{1, 0.7}, std::pair{3, 0.5}}) {
        QueueClip c;
        c.videoId = video;
        c.uncertainty = uncertainty;
        candidates.push_back(c);
    }
    QueueOptions options;
    std::vector<double> order;
    for (const QueueClip& c : rankForLabelling(candidates, options)) order.push_back(c.uncertainty);
    EXPECT_EQ(order, (std::vector<double>{0.9, 0.5, 0.3, 0.8, 0.7}));
    options.diversity = false;
    options.maxClips = 3;
    order.clear();
    for (const QueueClip& c : rankForLabelling(candidates, options)) order.push_back(c.uncertainty);
    EXPECT_EQ(order, (std::vector<double>{0.9, 0.8, 0.7}));
}

}  // namespace actionlens::predict
