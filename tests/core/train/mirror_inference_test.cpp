// Test-time mirror: the batches mirrored exactly, and the averaged answer equivariant: asking
// about a clip's mirror image gives the clip's answer with each class read as its mirror image.

#include "core/train/mirror_inference.h"

#include "core/train/batch_loader.h"
#include "core/train/trainer.h"
#include "train_fixtures.h"

#include <gtest/gtest.h>

namespace actionlens::train {
namespace {

TEST(MirrorInference, MirrorsSkeletonsAndFramesAndTwiceIsTheOriginal) {
    model::SkeletonBatch skeleton{2, 2, 3, {}};
    for (int i = 0; i < 2 * 3 * 2 * 3; ++i) skeleton.values.push_back(float(i + 1));
    const model::SkeletonBatch once = mirroredSkeletonBatch(skeleton, {{1, 2}});
    // Clip 0, frame 0: x = (1, 2, 3) -> (-1, -3, -2); y = (7, 8, 9) -> (7, 9, 8).
    EXPECT_EQ(std::vector<float>(once.values.begin(), once.values.begin() + 3), (std::vector<float>{-1, -3, -2}));
    EXPECT_EQ(std::vector<float>(once.values.begin() + 6, once.values.begin() + 9), (std::vector<float>{7, 9, 8}));
    EXPECT_EQ(mirroredSkeletonBatch(once, {{1, 2}}).values, skeleton.values);

    model::VideoBatch video{1, 1, 2, 3, {}};
    for (int i = 0; i < 3 * 2 * 3; ++i) video.values.push_back(float(i));
    const model::VideoBatch flipped = mirroredVideoBatch(video);
    EXPECT_EQ(std::vector<float>(flipped.values.begin(), flipped.values.begin() + 6), (std::vector<float>{2, 1, 0, 5, 4, 3}));
    EXPECT_EQ(mirroredVideoBatch(flipped).values, video.values);
}

TEST(MirrorInference, AveragesTheMirroredAnswerReadThroughEachTasksMap) {
    LabelledDataset data = testing::motionDataset(2);
    testing::declareMirrors(data);
    data.tasks[1].mirrorOf.clear();  // the group undeclared: its own answer
    TrainConfig config = testing::tinyTrainConfig();
    config.testTimeMirror = true;
    ModelSnapshot snapshot = snapshotFor(data, testing::allItems(data), config).value();
    ASSERT_TRUE(snapshot.testTimeMirror);
    model::MultiTaskModel model = model::MultiTaskModel::create(snapshot.model).value();  // untrained: any answer will do
    const PreparedBatch batch = assembleBatch(data, {0, 1, 2, 3, 5}, config.frames, {0, 1, 2}, nullptr, 0);
    const model::SkeletonBatch mirrored = mirroredSkeletonBatch(batch.batch, data.mirrorPairs);

    const model::MultiTaskPrediction plain = model.forward(batch.batch).value();
    const model::MultiTaskPrediction ofMirror = model.forward(mirrored).value();
    const model::MultiTaskPrediction both = inferBatch(model, snapshot, {&batch.batch, nullptr}).value();
    const model::MultiTaskPrediction bothOfMirror = inferBatch(model, snapshot, {&mirrored, nullptr}).value();
    for (size_t t = 0; t < 3; ++t) {
        const int classes = both.tasks[t].classCount;
        for (int n = 0; n < both.clips; ++n)
            for (int c = 0; c < classes; ++c) {
                const size_t at = size_t(n * classes + c);
                if (t == 1) {
                    EXPECT_EQ(both.tasks[t].probabilities[at], plain.tasks[t].probabilities[at]) << "undeclared";
                    continue;
                }
                const int image = data.tasks[t].mirrorOf[size_t(c)];
                const size_t imageAt = size_t(n * classes + image);
                EXPECT_NEAR(both.tasks[t].probabilities[at],
                            0.5f * (plain.tasks[t].probabilities[at] + ofMirror.tasks[t].probabilities[imageAt]), 1e-6f);
                EXPECT_NEAR(bothOfMirror.tasks[t].probabilities[imageAt], both.tasks[t].probabilities[at], 1e-5f)
                    << "the mirror image's answer is the clip's, mirrored: task " << t << ", clip " << n << ", class " << c;
            }
    }
    snapshot.testTimeMirror = false;
    EXPECT_EQ(inferBatch(model, snapshot, {&batch.batch, nullptr})->tasks[0].probabilities,
              plain.tasks[0].probabilities);
}

TEST(MirrorInference, ThePriorCorrectionTurnsTheMirroredBalanceBackIntoTheDatas) {
    const DatasetTask hand{"handedness", {"right", "left"}, {1, 0}};
    // 8 right, 2 left (+1 pseudo-count each): data 0.75 / 0.25; mirrored half the time, trained 0.5 / 0.5.
    const std::vector<int> labels{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, -1};
    const std::vector<double> ratio = mirroredPriorCorrection(hand, labels, 0.5);
    ASSERT_EQ(ratio.size(), 2u);
    EXPECT_NEAR(ratio[0], 0.75 / 0.5, 1e-12);
    EXPECT_NEAR(ratio[1], 0.25 / 0.5, 1e-12);
    // Mirrored a fifth of the time: trained 0.8 x 0.75 + 0.2 x 0.25 = 0.65 right.
    EXPECT_NEAR(mirroredPriorCorrection(hand, labels, 0.2)[0], 0.75 / 0.65, 1e-12);
    EXPECT_TRUE(mirroredPriorCorrection(hand, labels, 0.0).empty()) << "nothing mirrored";
    EXPECT_TRUE(mirroredPriorCorrection(DatasetTask{"build", {"slim", "broad"}, {0, 1}}, labels, 0.5).empty()) << "no side";
    EXPECT_TRUE(mirroredPriorCorrection(DatasetTask{"hand", {"right", "left"}, {}}, labels, 0.5).empty()) << "undeclared";

    // Applied to the model's answers: each clip's probabilities reweighted and renormalised.
    LabelledDataset data = testing::motionDataset(2);
    testing::declareMirrors(data);
    TrainConfig config = testing::tinyTrainConfig();
    config.augmentation.enabled = true;
    config.testTimeMirror = false;  // the correction alone
    ModelSnapshot snapshot = snapshotFor(data, testing::allItems(data), config).value();
    ASSERT_EQ(snapshot.priorCorrection.size(), 3u);
    EXPECT_FALSE(snapshot.priorCorrection[0].empty()) << "wave left <-> right";
    EXPECT_TRUE(snapshot.priorCorrection[1].empty()) << "groups have no side";
    snapshot.priorCorrection[0] = {2.0, 1.0, 1.0, 1.0};
    model::MultiTaskModel model = model::MultiTaskModel::create(snapshot.model).value();
    const PreparedBatch batch = assembleBatch(data, {0, 1, 2}, config.frames, {0, 1, 2}, nullptr, 0);
    const model::MultiTaskPrediction plain = model.forward(batch.batch).value();
    const model::MultiTaskPrediction corrected = inferBatch(model, snapshot, {&batch.batch, nullptr}).value();
    for (int n = 0; n < 3; ++n) {
        const float* p = plain.tasks[0].probabilities.data() + n * 4;
        const float* q = corrected.tasks[0].probabilities.data() + n * 4;
        const double sum = 2.0 * p[0] + p[1] + p[2] + p[3];
        EXPECT_NEAR(q[0], 2.0 * p[0] / sum, 1e-6);
        EXPECT_NEAR(q[3], p[3] / sum, 1e-6);
    }
    EXPECT_EQ(corrected.tasks[1].probabilities, plain.tasks[1].probabilities);
    config.mirrorPriorCorrection = false;
    EXPECT_TRUE(snapshotFor(data, testing::allItems(data), config)->priorCorrection.empty());
}

}  // namespace
}  // namespace actionlens::train
