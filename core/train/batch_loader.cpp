#include "core/train/batch_loader.h"

#include "core/train/data_splits.h"
#include "core/train/label_mirror.h"
#include "core/train/rgb_augmentation.h"
#include "core/train/skeleton_augmentation.h"

#include <algorithm>
#include <map>

namespace actionlens::train {

BatchLoader::BatchLoader(std::function<PreparedBatch(int)> make, int batchCount, int capacity)
    : make_(std::move(make)), batchCount_(batchCount), capacity_(size_t(std::max(1, capacity))) {
    thread_ = std::thread([this] { run(); });
}

BatchLoader::~BatchLoader() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
}

void BatchLoader::run() {
    for (int b = 0; b < batchCount_; ++b) {
        {
            std::unique_lock<std::mutex> lock(mutex_);
            changed_.wait(lock, [this] { return stopping_ || queue_.size() < capacity_; });
            if (stopping_) return;
        }
        PreparedBatch batch = make_(b);
        {
            std::lock_guard<std::mutex> lock(mutex_);
            queue_.push_back(std::move(batch));
        }
        changed_.notify_all();
    }
}

std::optional<PreparedBatch> BatchLoader::next() {
    if (delivered_ >= batchCount_) return std::nullopt;
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [this] { return !queue_.empty(); });
    PreparedBatch batch = std::move(queue_.front());
    queue_.pop_front();
    ++delivered_;
    lock.unlock();
    changed_.notify_all();
    return batch;
}

std::vector<int> epochOrder(const std::vector<int>& items, const std::vector<int>& labels, bool classBalanced,
                            std::uint32_t seed, int epoch) {
    std::mt19937 rng(batchSeed(seed, epoch, -1));
    if (!classBalanced) {
        std::vector<int> order = items;
        shuffleItems(order, rng);
        return order;
    }
    std::map<int, int> classCount;
    for (int i : items) ++classCount[labels[size_t(i)]];
    std::vector<double> cumulative;
    double total = 0.0;
    for (int i : items) cumulative.push_back(total += 1.0 / classCount[labels[size_t(i)]]);
    std::vector<int> order;
    order.reserve(items.size());
    for (size_t n = 0; n < items.size(); ++n) {
        const double u = unitUniform(rng) * total;
        const size_t at = size_t(std::upper_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin());
        order.push_back(items[std::min(at, items.size() - 1)]);
    }
    return order;
}

std::uint32_t batchSeed(std::uint32_t seed, int epoch, int batch) {
    // A seed sequence mixes the three numbers well; a plain sum would make (e, b + 1) and
    // (e + 1, b) collide.
    std::seed_seq sequence{seed, std::uint32_t(epoch), std::uint32_t(batch + 1)};
    std::uint32_t out = 0;
    sequence.generate(&out, &out + 1);
    return out;
}

RgbClipRequest rgbRequestOf(const LabelledClip& clip, const VideoViews& views) {
    const int decoded = views.augmentation && views.fusedWithSkeleton ? 2 * views.frames
                                                                       : decodedFramesFor(views.frames, views.augmentation);
    RgbClipRequest request{clip.videoPath, clip.videoId, clip.firstFrame, clip.skeleton.frames, decoded, views.size, views.size};
    setSubjectRegion(request, clip.skeleton);
    return request;
}

PreparedBatch assembleBatch(const LabelledDataset& dataset, const std::vector<int>& items, int frames,
                            const std::vector<int>& taskColumns, const AugmentationConfig* augmentation,
                            std::uint32_t seed, const VideoViews* video) {
    PreparedBatch out;
    const int joints = dataset.layout.jointCount;
    out.batch = model::SkeletonBatch{int(items.size()), frames, joints, {}};
    out.batch.values.reserve(items.size() * size_t(3) * frames * joints);
    out.labels.assign(taskColumns.size(), {});
    if (video) {
        out.video = model::VideoBatch{int(items.size()), video->frames, video->size, video->size, {}};
        out.video.values.reserve(items.size() * size_t(3) * video->frames * video->size * video->size);
    }
    std::mt19937 rng(seed);
    // The frames draw from a stream of their own, so that adding video leaves the skeleton views
    // of a seed as they were.
    std::seed_seq videoSeed{seed, 0x52474221u};
    std::mt19937 videoRng(videoSeed);
    for (int item : items) {
        const LabelledClip& clip = dataset.clips[size_t(item)];
        RgbViewDraw draw;
        if (video && video->augmentation) draw = drawRgbView(*video->augmentation, videoRng);
        const bool fused = video && video->fusedWithSkeleton;
        TimeWindow window;
        bool skeletonMirrored = false;
        const model::SkeletonClip view =
            augmentation ? trainingView(clip.skeleton, frames, *augmentation, dataset.mirrorPairs, rng, fused ? &draw.flip : nullptr,
                                        &window, &skeletonMirrored)
                         : evaluationView(clip.skeleton, frames);
        // The labels follow what the network sees: the frames when it reads them (a flip), else
        // the skeleton (in fusion the two are mirrored together).
        const bool mirrored = video ? draw.flip : skeletonMirrored;
        out.batch.values.insert(out.batch.values.end(), view.values.begin(), view.values.end());
        if (video) {
            if (fused && video->augmentation) {
                draw.timeStart = window.start;
                draw.timeLength = window.length;
            }
            Result<RgbClip> decoded = video->decoder->decode(rgbRequestOf(clip, *video));
            if (!decoded) {
                out.error = "cannot read the frames of video " + clip.videoName + " frames " +
                            std::to_string(clip.firstFrame) + ".." +
                            std::to_string(clip.firstFrame + clip.skeleton.frames - 1) + ": " + decoded.error();
                return out;
            }
            const std::vector<float> frameView = rgbView(decoded.value(), draw, video->frames);
            out.video.values.insert(out.video.values.end(), frameView.begin(), frameView.end());
        }
        const bool forceUndeclared = augmentation && augmentation->forceMirrorUndeclared;
        for (size_t t = 0; t < taskColumns.size(); ++t) {
            const int column = taskColumns[t];
            const int label = clip.labels[size_t(column)];
            out.labels[t].push_back(mirrored ? mirroredLabel(dataset.tasks[size_t(column)], label, forceUndeclared)
                                             : label);
        }
    }
    return out;
}

}  // namespace actionlens::train
