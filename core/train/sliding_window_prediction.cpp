#include "core/train/sliding_window_prediction.h"

#include "core/train/rgb_augmentation.h"
#include "core/train/skeleton_augmentation.h"
#include "core/train/mirror_inference.h"

#include <algorithm>

namespace actionlens::train {

Result<TrackPrediction> predictTrack(model::MultiTaskModel& model, const ModelSnapshot& snapshot,
                                     const model::SkeletonClip& track, const SlidingWindowOptions& options) {
    const bool readsVideo = model::readsVideo(snapshot.model.trunkKind);
    if (readsVideo && (!options.videoClips || options.videoPath.empty()))
        return makeError(std::string("the ") + model::trunkKindName(snapshot.model.trunkKind) +
                         " model reads video frames, but the track comes without its video");
    if (track.joints != snapshot.model.layout.jointCount)
        return makeError("the track has " + std::to_string(track.joints) + " joints, the model reads " +
                         std::to_string(snapshot.model.layout.jointCount));
    if (track.frames <= 0) return makeError("the track has no frames");
    const int window = std::max(1, options.windowFrames > 0 ? options.windowFrames
                                                             : snapshot.windowFrames > 0 ? snapshot.windowFrames
                                                                                         : snapshot.frames);
    const int stride = std::max(1, options.strideFrames > 0 ? options.strideFrames : window / 4);
    std::vector<int> starts;
    if (track.frames <= window) {
        starts.push_back(0);
    } else {
        for (int s = 0; s + window <= track.frames; s += stride) starts.push_back(s);
        if (starts.back() + window < track.frames) starts.push_back(track.frames - window);
    }
    const int length = std::min(window, track.frames);

    TrackPrediction out;
    out.frames = track.frames;
    out.covered.assign(size_t(track.frames), false);
    for (const model::TaskSpec& task : snapshot.model.tasks)
        out.tasks.push_back({task.name, task.classCount, std::vector<float>(size_t(track.frames) * task.classCount, 0.0f)});
    std::vector<int> coverCount(size_t(track.frames), 0);

    std::vector<int> runnable;
    for (int s : starts) {
        bool visible = false;
        for (int t = s; t < s + length && !visible; ++t)
            for (int j = 0; j < track.joints && !visible; ++j) visible = track.at(2, t, j) > 0.0f;
        // A window without any pose says nothing to a skeleton trunk; a video-only trunk reads
        // the frames, pose or none (a whole video without poses is one such track).
        if (visible || snapshot.model.trunkKind == model::TrunkKind::Video) runnable.push_back(s);
    }
    for (size_t from = 0; from < runnable.size(); from += size_t(std::max(1, options.batchSize))) {
        const size_t to = std::min(runnable.size(), from + size_t(std::max(1, options.batchSize)));
        model::SkeletonBatch batch{int(to - from), snapshot.frames, track.joints, {}};
        for (size_t w = from; w < to; ++w) {
            const model::SkeletonClip view =
                evaluationView(resampleClip(track, runnable[w], length, length), snapshot.frames);
            batch.values.insert(batch.values.end(), view.values.begin(), view.values.end());
        }
        const model::VideoTrunkConfig& v = snapshot.model.video;
        model::VideoBatch video{int(to - from), v.frames, v.size, v.size, {}};
        for (size_t w = from; w < to && readsVideo; ++w) {
            RgbClipRequest request{options.videoPath, options.videoId, options.trackFirstFrame + runnable[w], length,
                                   v.frames, v.size, v.size};
            setSubjectRegion(request, track, runnable[w], length);
            Result<RgbClip> clip = options.videoClips->decode(request);
            if (!clip) return makeError("frames " + std::to_string(options.trackFirstFrame + runnable[w]) + ".." +
                                        std::to_string(options.trackFirstFrame + runnable[w] + length - 1) + ": " + clip.error());
            const std::vector<float> view = rgbView(clip.value());
            video.values.insert(video.values.end(), view.begin(), view.end());
        }
        Result<model::MultiTaskPrediction> prediction = inferBatch(model, snapshot, model::ModelInput{&batch, &video});
        if (!prediction) return prediction.takeError();
        for (size_t w = from; w < to; ++w) {
            const int s = runnable[w];
            for (int t = s; t < s + length; ++t) {
                ++coverCount[size_t(t)];
                for (size_t k = 0; k < out.tasks.size(); ++k) {
                    const int classes = out.tasks[k].classCount;
                    const float* p = prediction->tasks[k].probabilities.data() + (w - from) * size_t(classes);
                    float* sum = out.tasks[k].probabilities.data() + size_t(t) * classes;
                    for (int c = 0; c < classes; ++c) sum[c] += p[c];
                }
            }
        }
    }
    for (int t = 0; t < track.frames; ++t) {
        if (coverCount[size_t(t)] == 0) continue;
        out.covered[size_t(t)] = true;
        for (TaskFrameProbabilities& task : out.tasks)
            for (int c = 0; c < task.classCount; ++c) task.probabilities[size_t(t) * task.classCount + c] /= coverCount[size_t(t)];
    }
    return out;
}

std::vector<float> smoothProbabilities(const std::vector<float>& probabilities, int frames, int classCount, int window) {
    if (window <= 1) return probabilities;
    std::vector<float> out(probabilities.size(), 0.0f);
    const int before = (window - 1) / 2, after = window / 2;
    for (int t = 0; t < frames; ++t) {
        const int a = std::max(0, t - before), b = std::min(frames - 1, t + after);
        for (int c = 0; c < classCount; ++c) {
            double sum = 0.0;
            for (int u = a; u <= b; ++u) sum += probabilities[size_t(u) * classCount + c];
            out[size_t(t) * classCount + c] = float(sum / (b - a + 1));
        }
    }
    return out;
}

std::vector<PredictedSegment> decodeSegments(const TrackPrediction& prediction, int task, const ModelSnapshot& snapshot,
                                             const SegmentDecoding& options) {
    const TaskFrameProbabilities& source = prediction.tasks[size_t(task)];
    const int classes = source.classCount, frames = prediction.frames;
    const std::vector<float> p = smoothProbabilities(source.probabilities, frames, classes, options.smoothingFrames);
    struct Run {
        int first, last, cls;
    };
    std::vector<Run> runs;
    int current = -1, start = 0;
    auto close = [&](int last) {
        if (current >= 0 && last - start + 1 >= options.minimumFrames) runs.push_back({start, last, current});
        current = -1;
    };
    for (int t = 0; t < frames; ++t) {
        const float* row = p.data() + size_t(t) * classes;
        const int top = int(std::max_element(row, row + classes) - row);
        if (current >= 0 && (!prediction.covered[size_t(t)] || row[current] < options.exitThreshold)) close(t - 1);
        if (current >= 0 && top != current && row[top] >= options.enterThreshold &&
            row[top] > row[current] + options.switchMargin)
            close(t - 1);
        if (current < 0 && prediction.covered[size_t(t)] && row[top] >= options.enterThreshold) current = top, start = t;
    }
    close(frames - 1);

    int groupTask = -1, actionTask = -1;
    if (snapshot.hierarchy)
        for (size_t k = 0; k < snapshot.tasks.size(); ++k) {
            if (snapshot.tasks[k].name == snapshot.hierarchy->groupTask) groupTask = int(k);
            if (snapshot.tasks[k].name == snapshot.hierarchy->actionTask) actionTask = int(k);
        }
    std::vector<PredictedSegment> segments;
    for (const Run& run : runs) {
        PredictedSegment segment{run.first, run.last, {}, {}};
        for (size_t k = 0; k < prediction.tasks.size(); ++k) {
            const TaskFrameProbabilities& tp = prediction.tasks[k];
            std::vector<double> mean(size_t(tp.classCount), 0.0);
            for (int t = run.first; t <= run.last; ++t)
                for (int c = 0; c < tp.classCount; ++c) mean[size_t(c)] += tp.probabilities[size_t(t) * tp.classCount + c];
            for (double& m : mean) m /= (run.last - run.first + 1);
            int cls = int(std::max_element(mean.begin(), mean.end()) - mean.begin());
            if (int(k) == task) cls = run.cls;
            if (int(k) == groupTask && task == actionTask && snapshot.hierarchy)
                cls = snapshot.hierarchy->groupOfAction[size_t(run.cls)];
            segment.classes.push_back(cls);
            segment.confidences.push_back(mean[size_t(cls)]);
        }
        segments.push_back(std::move(segment));
    }
    return segments;
}

}  // namespace actionlens::train
