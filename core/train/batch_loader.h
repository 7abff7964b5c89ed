#pragma once

// Prepares training batches on a thread of its own while the training step runs, so the
// network never waits for resampling and augmentation. Batch b is made by make(b) alone (its
// random numbers are seeded from b, not from the thread's history), so the batches are the
// same whatever the timing, and a resumed run sees the batches an uninterrupted one would.

#include "core/model/skeleton_batch.h"
#include "core/train/labelled_dataset.h"
#include "core/train/train_config.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace actionlens::train {

struct PreparedBatch {
    int index = 0;
    model::SkeletonBatch batch;
    std::vector<std::vector<std::int64_t>> labels;  // per model task, one per clip, -1 missing
};

class BatchLoader {
public:
    // Starts the thread; at most `capacity` finished batches wait in the queue.
    BatchLoader(std::function<PreparedBatch(int)> make, int batchCount, int capacity);
    ~BatchLoader();  // stops the thread (it finishes the batch in hand) and joins it
    BatchLoader(const BatchLoader&) = delete;
    BatchLoader& operator=(const BatchLoader&) = delete;

    // The next batch in index order; nullopt after the last one.
    std::optional<PreparedBatch> next();

private:
    void run();

    std::function<PreparedBatch(int)> make_;
    int batchCount_;
    size_t capacity_;
    int delivered_ = 0;
    bool stopping_ = false;
    std::deque<PreparedBatch> queue_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::thread thread_;
};

// The order in which an epoch visits the training items: a shuffle, or with class balancing a
// draw with replacement where an item's chance is 1 / (its class's count) under `labels` (-1 is
// a class of its own). A function of (items, seed, epoch) only.
std::vector<int> epochOrder(const std::vector<int>& items, const std::vector<int>& labels, bool classBalanced,
                            std::uint32_t seed, int epoch);

// Seed of batch `batch` of epoch `epoch`: distinct streams for every batch of every epoch.
std::uint32_t batchSeed(std::uint32_t seed, int epoch, int batch);

// Views of `items` (training views when augmentation is given, evaluation views otherwise) with
// the labels of the dataset tasks `taskColumns` (one per model task).
PreparedBatch assembleBatch(const LabelledDataset& dataset, const std::vector<int>& items, int frames,
                            const std::vector<int>& taskColumns, const AugmentationConfig* augmentation,
                            std::uint32_t seed);

}  // namespace actionlens::train
