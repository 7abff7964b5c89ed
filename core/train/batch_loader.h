#pragma once

// Prepares training batches on a thread of its own while the training step runs, so the
// network never waits for resampling and augmentation. Batch b is made by make(b) alone (its
// random numbers are seeded from b, not from the thread's history), so the batches are the
// same whatever the timing, and a resumed run sees the batches an uninterrupted one would.

#include "core/model/skeleton_batch.h"
#include "core/model/video_batch.h"
#include "core/train/labelled_dataset.h"
#include "core/train/rgb_clip.h"
#include "core/train/train_config.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace actionlens::train {

struct PreparedBatch {
    int index = 0;
    model::SkeletonBatch batch;
    std::vector<std::vector<std::int64_t>> labels;  // per model task, one per clip, -1 missing
    model::VideoBatch video;  // filled for video and fusion models
    std::string error;        // a clip's frames could not be decoded: what and where
};

// Where a batch's RGB clips come from, for video and fusion models.
struct VideoViews {
    RgbClipDecoder* decoder = nullptr;  // a DecodedClipCache, so later epochs decode nothing
    int frames = 16;
    int size = 112;
    // Training views when given (random resized crop, flip, rotation, colour), evaluation views otherwise.
    const RgbAugmentationConfig* augmentation = nullptr;
    // Fusion: the skeleton is mirrored exactly when the frames are flipped, and training frames
    // are sampled over the skeleton view's time window (its temporal crop and speed, in place of
    // the RGB temporal crop), so both trunks see the same (possibly mirrored) person at the same
    // moments.
    bool fusedWithSkeleton = false;
};

// The decode request of a clip's segment at the views' size, cut to its subject (setSubjectRegion):
// twice the view's frames for training views with a time window (RGB temporal crop, or fusion).
RgbClipRequest rgbRequestOf(const LabelledClip& clip, const VideoViews& views);

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
// the labels of the dataset tasks `taskColumns` (one per model task); a mirrored view (skeleton
// mirror or frame flip) carries its labels' mirror images (label_mirror.h).
PreparedBatch assembleBatch(const LabelledDataset& dataset, const std::vector<int>& items, int frames,
                            const std::vector<int>& taskColumns, const AugmentationConfig* augmentation,
                            std::uint32_t seed, const VideoViews* video = nullptr);

}  // namespace actionlens::train
