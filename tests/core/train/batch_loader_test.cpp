#include "core/train/batch_loader.h"

#include "train_fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <map>

namespace actionlens::train {
namespace {

TEST(BatchLoader, DeliversEveryBatchInOrderAndPreparesAheadBoundedly) {
    std::atomic<int> made{0};
    {
        BatchLoader loader(
            [&](int b) {
                ++made;
                PreparedBatch batch;
                batch.index = b;
                return batch;
            },
            10, 3);
        for (int b = 0; b < 10; ++b) {
            std::optional<PreparedBatch> batch = loader.next();
            ASSERT_TRUE(batch.has_value());
            EXPECT_EQ(batch->index, b);
            // Never more than the queue's capacity (plus the one in the making) ahead.
            EXPECT_LE(made.load(), b + 1 + 3 + 1);
        }
        EXPECT_FALSE(loader.next().has_value());
    }
    EXPECT_EQ(made.load(), 10);
    // Destroying a loader with batches still to come stops its thread.
    BatchLoader early([](int b) { return PreparedBatch{b, {}, {}, {}, {}}; }, 1000, 2);
    EXPECT_EQ(early.next()->index, 0);
}

TEST(BatchLoader, EpochOrderIsAReproduciblePermutationOrABalancedDraw) {
    std::vector<int> items{0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    std::vector<int> labels{0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    std::vector<int> order = epochOrder(items, labels, false, 3, 1);
    EXPECT_EQ(order, epochOrder(items, labels, false, 3, 1));
    EXPECT_NE(order, epochOrder(items, labels, false, 3, 2));
    std::vector<int> sorted = order;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(sorted, items);

    // Balanced: the single item of class 1 is drawn about as often as all nine of class 0.
    int rare = 0, total = 0;
    for (int epoch = 1; epoch <= 200; ++epoch)
        for (int i : epochOrder(items, labels, true, 3, epoch)) rare += i == 9, ++total;
    EXPECT_NEAR(double(rare) / total, 0.5, 0.05);
}

TEST(BatchLoader, AssembledBatchesCarryTheViewsAndTheLabelsOfTheChosenTasks) {
    const LabelledDataset data = testing::motionDataset(2);
    const PreparedBatch batch = assembleBatch(data, {2, 5}, 8, {2, 0}, nullptr, 0);
    EXPECT_EQ(batch.batch.clips, 2);
    EXPECT_EQ(batch.batch.frames, 8);
    EXPECT_EQ(batch.batch.joints, 5);
    EXPECT_EQ(batch.batch.values.size(), size_t(2 * 3 * 8 * 5));
    ASSERT_EQ(batch.labels.size(), 2u);
    EXPECT_EQ(batch.labels[0], (std::vector<std::int64_t>{data.clips[2].labels[2], data.clips[5].labels[2]}));
    EXPECT_EQ(batch.labels[1], (std::vector<std::int64_t>{2, 1}));
    AugmentationConfig augmentation;
    const PreparedBatch a = assembleBatch(data, {2, 5}, 8, {0}, &augmentation, batchSeed(1, 1, 0));
    const PreparedBatch b = assembleBatch(data, {2, 5}, 8, {0}, &augmentation, batchSeed(1, 1, 0));
    const PreparedBatch c = assembleBatch(data, {2, 5}, 8, {0}, &augmentation, batchSeed(1, 1, 1));
    EXPECT_EQ(a.batch.values, b.batch.values);
    EXPECT_NE(a.batch.values, c.batch.values);
    EXPECT_NE(batchSeed(1, 1, 2), batchSeed(1, 2, 1));
}

}  // namespace
}  // namespace actionlens::train
