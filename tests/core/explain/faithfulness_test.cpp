#include "core/explain/faithfulness.h"

#include "tests/core/explain/explain_fixtures.h"

#include <gtest/gtest.h>

namespace actionlens::explain {
namespace {

TEST(Faithfulness, CurveAreaByTrapezoids) {
    EXPECT_DOUBLE_EQ(curveArea({1.0, 1.0, 1.0}), 1.0);
    EXPECT_DOUBLE_EQ(curveArea({1.0, 0.0}), 0.5);
    EXPECT_DOUBLE_EQ(curveArea({1.0, 0.0, 0.0, 0.0, 0.0}), 0.125);
    EXPECT_DOUBLE_EQ(curveArea({}), 0.0);
}

TEST(Faithfulness, DeletionMasksHideTheOrdersFirstCells) {
    const auto masks = deletionMasks({2, 0, 3, 1}, 2);
    ASSERT_EQ(masks.size(), 3u);
    EXPECT_EQ(masks[0], (std::vector<std::uint8_t>{0, 0, 0, 0}));
    EXPECT_EQ(masks[1], (std::vector<std::uint8_t>{1, 0, 1, 0}));
    EXPECT_EQ(masks[2], (std::vector<std::uint8_t>{1, 1, 1, 1}));
    // More steps than cells: every cell is hidden by the last point, none skipped.
    const auto fine = deletionMasks({1, 0}, 5);
    ASSERT_EQ(fine.size(), 6u);
    EXPECT_EQ(fine[1], (std::vector<std::uint8_t>{0, 1}));
    EXPECT_EQ(fine[5], (std::vector<std::uint8_t>{1, 1}));
}

TEST(Faithfulness, PerturbationMovesTheInputALittle) {
    ClipInput clip;
    clip.skeleton = model::SkeletonBatch{1, 2, 2, {0.5f, -0.5f, 0.1f, 0.2f, /*y*/ 0.3f, 0.0f, -0.2f, 0.4f, /*c*/ 1, 0, 1, 1}};
    const ClipInput moved = perturbedClip(clip, 3);
    EXPECT_NE(moved.skeleton.values, clip.skeleton.values);
    for (size_t i = 0; i < 8; ++i) EXPECT_NEAR(moved.skeleton.values[i], clip.skeleton.values[i], 0.15f);
    EXPECT_EQ(moved.skeleton.values[1], -0.5f) << "a missing joint stays where it was";
    EXPECT_EQ(perturbedClip(clip, 3).skeleton.values, moved.skeleton.values) << "seeded";
}

TEST(Faithfulness, KnownAnswersSeparateFaithfulMapsFromRandomOnes) {
    // The motion fixture: wave_left moves joint 3, wave_right joint 4, nod joint 2.
    std::unique_ptr<testing::TrainedMotionModel> m = testing::trainMotionModel();
    ASSERT_TRUE(m->model);
    Explainer explainer(*m->model, m->snapshot);
    FaithfulnessOptions options;
    options.tasks = {0};
    options.methods = {ExplanationMethod::Occlusion, ExplanationMethod::LayerCam};
    options.curveSteps = 8;
    FaithfulnessEvaluation evaluation(explainer, options);
    int answered = 0;
    for (size_t i = 0; i < m->data.clips.size(); i += 2) {
        Result<ClipInput> clip = prepareClipInput(m->data, int(i), m->snapshot, nullptr);
        ASSERT_TRUE(clip.ok());
        ClipAnswer answer;
        const int joint = testing::movingJoint(m->data.clips[i].labels[0]);
        if (joint >= 0) answer.movingJoints = {joint};
        answered += joint >= 0;
        ASSERT_TRUE(evaluation.addClip(*clip, joint >= 0 ? &answer : nullptr).ok());
    }
    EXPECT_EQ(evaluation.clips(), 20);
    const std::vector<MethodScores> scores = evaluation.scores();
    ASSERT_EQ(scores.size(), 2u);
    for (const MethodScores& s : scores) {
        SCOPED_TRACE(explanationMethodName(s.method));
        EXPECT_EQ(s.task, 0);
        EXPECT_EQ(s.taskName, "action");
        EXPECT_EQ(s.stream, Stream::Skeleton);
        EXPECT_EQ(s.clips, 20);
        EXPECT_EQ(s.pointingClips, answered);
        EXPECT_DOUBLE_EQ(s.pointingRandom, 0.2) << "one joint of five";
        EXPECT_DOUBLE_EQ(s.pointingCentre, 0.0) << "the centre joint (1) never moves alone";
        EXPECT_GT(s.pointingHits, 0.6);
        // Hiding the joint with the evidence first loses the class faster than a random order.
        EXPECT_LT(s.deletionAuc, s.deletionRandomAuc);
        EXPECT_GT(s.insertionAuc, s.insertionRandomAuc);
        ASSERT_EQ(s.deletionCurve.size(), 9u);
        ASSERT_EQ(s.insertionRandomCurve.size(), 9u);
        // With nothing hidden the deletion curve starts at the model's probability; with all
        // hidden, insertion starts where deletion ends.
        EXPECT_NEAR(s.deletionCurve.front(), s.deletionRandomCurve.front(), 1e-6);
        EXPECT_NEAR(s.insertionCurve.front(), s.deletionCurve.back(), 1e-6);
        EXPECT_GT(s.stability, 0.3);
        EXPECT_LE(s.stability, 1.0);
    }
}

}  // namespace
}  // namespace actionlens::explain
