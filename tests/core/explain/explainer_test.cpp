#include "core/explain/explainer.h"

#include "tests/core/explain/explain_fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

namespace actionlens::explain {
namespace {

using testing::movingJoint;
using testing::TrainedMotionModel;

TrainedMotionModel& skeletonModel() {
    static std::unique_ptr<TrainedMotionModel> trained = testing::trainMotionModel();
    return *trained;
}

int peakJoint(const StreamExplanation& e) {
    const std::vector<float> joints = columnImportance(e.map);
    return int(std::max_element(joints.begin(), joints.end()) - joints.begin());
}

TEST(Explainer, EveryMethodGivesMapsOnTheTrunksGridAndAtTheClipsFrames) {
    TrainedMotionModel& m = skeletonModel();
    ASSERT_TRUE(m.model);
    Explainer explainer(*m.model, m.snapshot);
    Result<ClipInput> clip = prepareClipInput(m.data, 0, m.snapshot, nullptr);
    ASSERT_TRUE(clip.ok()) << clip.error();
    for (ExplanationMethod method : allExplanationMethods()) {
        ExplainOptions options;
        options.method = method;
        Result<std::vector<HeadExplanation>> heads = explainer.explain(*clip, {{0, -1}, {2, -1}}, options);
        ASSERT_TRUE(heads.ok()) << explanationMethodName(method) << ": " << heads.error();
        ASSERT_EQ(heads->size(), 2u);
        for (const HeadExplanation& head : heads.value()) {
            SCOPED_TRACE(std::string(explanationMethodName(method)) + " " + head.taskName);
            ASSERT_EQ(head.streams.size(), 1u);
            const StreamExplanation& e = head.streams[0];
            EXPECT_EQ(e.stream, Stream::Skeleton);
            // tinyTrainConfig: 8 frames, temporal strides 1 and 2 -> 4 trunk frames; occlusion
            // works on 8 blocks of one frame each.
            EXPECT_EQ(e.raw.frames, method == ExplanationMethod::Occlusion ? 8 : 4);
            EXPECT_EQ(e.raw.columns, 5);
            EXPECT_EQ(e.map.frames, 8);
            EXPECT_EQ(e.map.columns, 5);
            EXPECT_EQ(e.map.rows, 1);
            const auto [low, high] = std::minmax_element(e.map.values.begin(), e.map.values.end());
            EXPECT_GE(*low, 0.0f);
            EXPECT_FLOAT_EQ(*high, 1.0f) << "a per-clip scaled map peaks at 1";
            ASSERT_EQ(e.temporal.size(), 8u);
            EXPECT_NEAR(std::accumulate(e.temporal.begin(), e.temporal.end(), 0.0), 1.0, 1e-5);
        }
        EXPECT_EQ(heads.value()[0].taskName, "action");
        EXPECT_EQ(heads.value()[1].taskName, "viewpoint");
    }
}

TEST(Explainer, MapsPointAtTheJointThatCarriesTheAction) {
    // Each of the first three actions moves one joint and nothing else differs: a faithful map
    // of the action head has its peak there. The gradient maps pass through two graph
    // convolutions, which spread evidence to neighbours, so they are checked over clips: most
    // peaks must be on the joint (chance: 1 in 5).
    TrainedMotionModel& m = skeletonModel();
    Explainer explainer(*m.model, m.snapshot);
    for (ExplanationMethod method : allExplanationMethods()) {
        int hits = 0, clips = 0;
        for (size_t i = 0; i < m.data.clips.size(); ++i) {
            const int joint = movingJoint(m.data.clips[i].labels[0]);
            if (joint < 0) continue;
            Result<ClipInput> clip = prepareClipInput(m.data, int(i), m.snapshot, nullptr);
            ASSERT_TRUE(clip.ok());
            ExplainOptions options;
            options.method = method;
            // Explain the true class, so that a wrong prediction does not count against the map.
            Result<std::vector<HeadExplanation>> heads = explainer.explain(*clip, {{0, m.data.clips[i].labels[0]}}, options);
            ASSERT_TRUE(heads.ok()) << heads.error();
            ++clips;
            hits += peakJoint(heads->front().streams[0]) == joint;
        }
        EXPECT_GE(double(hits) / clips, method == ExplanationMethod::Occlusion ? 0.9 : 0.6)
            << explanationMethodName(method) << ": " << hits << " of " << clips << " peaks on the moving joint";
    }
}

TEST(Explainer, TargetClassChoosesWhatIsExplainedAndHeadsDiffer) {
    TrainedMotionModel& m = skeletonModel();
    Explainer explainer(*m.model, m.snapshot);
    Result<ClipInput> clip = prepareClipInput(m.data, 0, m.snapshot, nullptr);
    ASSERT_TRUE(clip.ok());
    ExplainOptions options;
    options.method = ExplanationMethod::GradCam;
    Result<std::vector<HeadExplanation>> heads = explainer.explain(*clip, {{0, -1}, {0, 1}, {0, 2}, {2, -1}}, options);
    ASSERT_TRUE(heads.ok()) << heads.error();
    const auto& h = heads.value();
    // Default: the predicted class, with the probability evaluation gives it.
    Result<model::MultiTaskPrediction> predicted = m.model->forward(clip->input());
    ASSERT_TRUE(predicted.ok());
    EXPECT_EQ(h[1].targetClass, 1);
    EXPECT_EQ(h[1].className, "wave_right");
    EXPECT_EQ(h[2].targetClass, 2);
    EXPECT_NE(h[1].streams[0].map.values, h[2].streams[0].map.values) << "another class, another map";
    EXPECT_NE(h[0].streams[0].map.values, h[3].streams[0].map.values) << "another head, another map";
    const ExplanationMap contrast = differenceMap(h[0].streams[0].map, h[3].streams[0].map);
    EXPECT_EQ(contrast.values.size(), h[0].streams[0].map.values.size());

    EXPECT_FALSE(explainer.explain(*clip, {{7, -1}}, options).ok());
    Result<std::vector<HeadExplanation>> badClass = explainer.explain(*clip, {{0, 4}}, options);
    ASSERT_FALSE(badClass.ok());
    EXPECT_NE(badClass.error().find("no class 4"), std::string::npos) << badClass.error();
    EXPECT_FALSE(explainer.explain(*clip, {}, options).ok());
}

TEST(Explainer, PerFrameScalingGivesEveryFrameItsOwnPeak) {
    TrainedMotionModel& m = skeletonModel();
    Explainer explainer(*m.model, m.snapshot);
    Result<ClipInput> clip = prepareClipInput(m.data, 1, m.snapshot, nullptr);
    ASSERT_TRUE(clip.ok());
    ExplainOptions options;
    options.method = ExplanationMethod::Attention;
    options.normalisation = MapNormalisation::PerFrame;
    Result<std::vector<HeadExplanation>> heads = explainer.explain(*clip, {{0, -1}}, options);
    ASSERT_TRUE(heads.ok());
    const ExplanationMap& map = heads->front().streams[0].map;
    for (int t = 0; t < map.frames; ++t) {
        float peak = 0.0f;
        for (int j = 0; j < map.columns; ++j) peak = std::max(peak, map.at(t, 0, j));
        EXPECT_FLOAT_EQ(peak, 1.0f) << "frame " << t;
    }
}

TEST(Explainer, MaskedProbabilitiesHideCells) {
    TrainedMotionModel& m = skeletonModel();
    Explainer explainer(*m.model, m.snapshot);
    Result<ClipInput> clip = prepareClipInput(m.data, 0, m.snapshot, nullptr);
    ASSERT_TRUE(clip.ok());
    const int cells = explainer.cellCount(Stream::Skeleton, {});
    EXPECT_EQ(cells, 8 * 5);
    const std::vector<std::uint8_t> none(size_t(cells), 0), all(size_t(cells), 1);
    Result<std::vector<std::vector<float>>> masked =
        explainer.maskedProbabilities(*clip, Stream::Skeleton, {{0, 0}, {2, 1}}, {none, all, none}, {});
    ASSERT_TRUE(masked.ok()) << masked.error();
    ASSERT_EQ(masked->size(), 2u) << "one list per target";
    const std::vector<float>& p = masked->front();
    ASSERT_EQ(p.size(), 3u);
    EXPECT_FLOAT_EQ(p[0], p[2]);
    EXPECT_NE(p[0], p[1]);
    // Nothing hidden: the network's own softmax on the clip, for each target.
    Result<model::MultiTaskPrediction> plain = m.model->forward(clip->input());
    ASSERT_TRUE(plain.ok());
    EXPECT_NEAR(p[0], plain->tasks[0].probabilities[0], 1e-5);
    EXPECT_NEAR((*masked)[1][0], plain->tasks[2].probabilities[1], 1e-5);
    EXPECT_FALSE(explainer.maskedProbabilities(*clip, Stream::Skeleton, {{0, 0}}, {{1, 0}}, {}).ok()) << "wrong mask size";
    EXPECT_FALSE(explainer.maskedProbabilities(*clip, Stream::Video, {{0, 0}}, {none}, {}).ok()) << "no video stream";
    EXPECT_FALSE(explainer.maskedProbabilities(*clip, Stream::Skeleton, {{0, -1}}, {none}, {}).ok()) << "the class must be given";
}

TEST(Explainer, VideoMapsFindTheColouredSquare) {
    // The video fixture's class is the colour of a square on one side of the frame; the rest is
    // grey. The action head's evidence must lie on the square's side.
    std::unique_ptr<TrainedMotionModel> m = testing::trainMotionModel(model::TrunkKind::Video);
    ASSERT_TRUE(m->model);
    Explainer explainer(*m->model, m->snapshot);
    for (ExplanationMethod method : {ExplanationMethod::GradCam, ExplanationMethod::LayerCam, ExplanationMethod::Occlusion}) {
        int onSide = 0, clips = 0;
        for (size_t i = 0; i < m->data.clips.size(); i += 3) {
            Result<ClipInput> clip = prepareClipInput(m->data, int(i), m->snapshot, m->frames.get());
            ASSERT_TRUE(clip.ok()) << clip.error();
            ExplainOptions options;
            options.method = method;
            Result<std::vector<HeadExplanation>> heads = explainer.explain(*clip, {{0, m->data.clips[i].labels[0]}}, options);
            ASSERT_TRUE(heads.ok()) << heads.error();
            const HeadExplanation& head = heads->front();
            ASSERT_EQ(head.streams.size(), 1u);
            const StreamExplanation& e = head.streams[0];
            EXPECT_EQ(e.stream, Stream::Video);
            EXPECT_EQ(e.map.frames, 4);
            EXPECT_EQ(e.map.rows, 32);
            EXPECT_EQ(e.map.columns, 32);
            // Evidence on the square's half against the other half.
            double left = 0.0, right = 0.0;
            for (int t = 0; t < e.map.frames; ++t)
                for (int y = 0; y < 32; ++y)
                    for (int x = 0; x < 32; ++x) (x < 16 ? left : right) += e.map.at(t, y, x);
            const bool squareOnRight = m->data.clips[i].labels[2] == 1;
            ++clips;
            onSide += squareOnRight ? right > left : left > right;
        }
        EXPECT_GE(double(onSide) / clips, 0.7) << explanationMethodName(method) << ": " << onSide << " of " << clips;
    }
}

}  // namespace
}  // namespace actionlens::explain
