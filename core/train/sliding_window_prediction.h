#pragma once

// Prediction over a whole skeleton track: the model saw segments at one time scale (the median
// training segment, `ModelSnapshot::windowFrames`), so a track is read through overlapping
// windows of that length; each frame's class probabilities are the mean over the windows that
// cover it. Segments come out of the action task's per-frame probabilities through smoothing and
// hysteresis, so that one uncertain frame neither starts nor splits a segment.

#include "core/common/result.h"
#include "core/model/multi_task_model.h"
#include "core/model/skeleton_batch.h"
#include "core/train/model_snapshot.h"
#include "core/train/rgb_clip.h"

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::train {

struct TaskFrameProbabilities {
    std::string task;
    int classCount = 0;
    std::vector<float> probabilities;  // (frames, classCount); all 0 on frames no window covers
};

struct TrackPrediction {
    int frames = 0;
    std::vector<bool> covered;  // per frame: some window with a visible joint covered it
    std::vector<TaskFrameProbabilities> tasks;  // model order
};

struct SlidingWindowOptions {
    int windowFrames = 0;  // 0: the snapshot's windowFrames (or frames when that is 0)
    int strideFrames = 0;  // 0: a quarter of the window
    int batchSize = 64;
    // Video and fusion models: where the track's frames come from. The track's frame 0 is frame
    // trackFirstFrame of the video.
    RgbClipDecoder* videoClips = nullptr;
    std::string videoPath;
    std::int64_t videoId = 0;
    std::int64_t trackFirstFrame = 0;
};

// track: (3, frames, joints) in image pixels, confidence 0 where no pose. Windows whose frames
// hold no visible joint are not run.
Result<TrackPrediction> predictTrack(model::MultiTaskModel& model, const ModelSnapshot& snapshot,
                                     const model::SkeletonClip& track, const SlidingWindowOptions& options = {});

struct SegmentDecoding {
    int smoothingFrames = 5;     // centred moving average of the probabilities
    double enterThreshold = 0.5; // a class starts a segment at this smoothed probability
    double exitThreshold = 0.3;  // and keeps it until it falls below this
    double switchMargin = 0.1;   // another class takes over when above the current one by this
    int minimumFrames = 5;       // shorter segments are dropped
};

struct PredictedSegment {
    int firstFrame = 0;  // track frames, inclusive
    int lastFrame = 0;
    std::vector<int> classes;         // per model task: class over the segment (mean probability arg-max)
    std::vector<double> confidences;  // per model task: that class's mean probability
};

// Segments of `task` (the model's action task, usually); the other tasks' classes are their
// arg-max mean probability over each segment, except the hierarchy's group, which is read off
// the segment's action so the two never disagree.
std::vector<PredictedSegment> decodeSegments(const TrackPrediction& prediction, int task, const ModelSnapshot& snapshot,
                                             const SegmentDecoding& options = {});

// Centred moving average over `window` frames (odd or even; clipped at the ends), per class.
std::vector<float> smoothProbabilities(const std::vector<float>& probabilities, int frames, int classCount, int window);

}  // namespace actionlens::train
