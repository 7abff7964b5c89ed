// Mixed precision: inside an AutocastScope a matrix product runs in bfloat16, outside it in
// float32 again; and a model trained under bf16 autocast still fits the tiny dataset.

#include "core/train/internal/autocast_scope.h"

#include "core/train/evaluation.h"
#include "core/train/trainer.h"
#include "train_fixtures.h"

#include <gtest/gtest.h>

namespace actionlens::train {
namespace {

TEST(AutocastScope, RunsMatrixProductsInBfloat16OnlyWhileItLives) {
    const torch::Device device = testing::testDevice() == "cuda" ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
    const torch::Tensor a = torch::ones({4, 4}, torch::TensorOptions().device(device));
    {
        internal::AutocastScope scope(true, device);
        EXPECT_EQ(torch::matmul(a, a).scalar_type(), torch::kBFloat16);
        {
            internal::AutocastScope inner(false, device);  // a disabled scope changes nothing
            EXPECT_EQ(torch::matmul(a, a).scalar_type(), torch::kBFloat16);
        }
    }
    EXPECT_EQ(torch::matmul(a, a).scalar_type(), torch::kFloat);
}

TEST(AutocastScope, TrainingInBfloat16FitsTheTinyDatasetAndDiffersFromFloat32) {
    const LabelledDataset data = testing::motionDataset();
    TrainConfig config = testing::tinyTrainConfig();
    config.epochs = 120;
    Result<TrainingOutcome> full = trainModel(TrainingRequest{&data, testing::allItems(data), {}, config, "", "", 0});
    ASSERT_TRUE(full.ok()) << full.error();
    config.mixedPrecision = "bf16";
    Result<TrainingOutcome> mixed = trainModel(TrainingRequest{&data, testing::allItems(data), {}, config, "", "", 0});
    ASSERT_TRUE(mixed.ok()) << mixed.error();
    // bfloat16 keeps 8 bits of mantissa: the same seed gives a measurably different first loss.
    EXPECT_NE(full->history.front().trainLoss, mixed->history.front().trainLoss);
    EXPECT_NEAR(full->history.front().trainLoss, mixed->history.front().trainLoss, 0.1 * full->history.front().trainLoss);
    Result<EvaluationReport> report = evaluateModel(*mixed->model, mixed->snapshot, data, testing::allItems(data));
    ASSERT_TRUE(report.ok()) << report.error();
    for (const TaskEvaluation& task : report->tasks) EXPECT_EQ(task.metrics.accuracy, 1.0) << task.task;
}

}  // namespace
}  // namespace actionlens::train
