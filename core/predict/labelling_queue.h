#pragma once

// The labelling queue (active learning in the window): stretches of a project's skeleton tracks
// that no person has labelled, cut into clips of the model's time scale, ranked by how unsure
// the model is about them, so an annotator labels first what teaches the model most. A clip's
// answer is the mean of the per-frame probabilities that the sliding-window prediction gives
// (predictVideo with keepFrameProbabilities), its uncertainty that answer's normalised entropy or
// one minus its margin (train::answerUncertainty), for one task or the mean over tasks; with
// diversity, each video gives one clip before any gives a second (train::chooseForLabelling).

#include "core/annotation/segment.h"
#include "core/predict/video_prediction.h"
#include "core/train/active_learning.h"
#include "core/train/model_snapshot.h"

#include <cstdint>
#include <string>
#include <vector>

namespace actionlens::predict {

struct QueueOptions {
    train::UncertaintyMeasure measure = train::UncertaintyMeasure::Entropy;
    int task = -1;          // model task ranking the clips; -1: the mean over tasks
    bool diversity = true;  // one clip per video before a second
    int clipFrames = 0;     // 0: the model's window (ModelSnapshot::windowFrames, else frames)
    int maxClips = 200;     // the queue's length
};

struct QueueClip {
    std::int64_t videoId = 0;
    std::int64_t subjectId = 0;
    std::int64_t firstFrame = 0;  // video frames, inclusive
    std::int64_t lastFrame = 0;
    double uncertainty = 0.0;          // 0 (sure) .. 1 (no idea)
    std::vector<std::string> classes;  // per model task: the likeliest class
    std::vector<double> confidences;   // per model task: its mean probability
};

// The candidate clips of one predicted video: consecutive, non-overlapping clips of each track
// inside frames the model covered and none of `segments`' people's segments of that subject
// covers (a model's predictions do not count as labels); a stretch shorter than half a clip is
// left out, a longer remainder becomes a shorter last clip.
std::vector<QueueClip> unlabelledClips(const VideoPrediction& prediction, std::int64_t videoId,
                                       const std::vector<annotation::Segment>& segments, const train::ModelSnapshot& snapshot,
                                       const QueueOptions& options);

// The `options.maxClips` most uncertain of `candidates`, in the order to label them.
std::vector<QueueClip> rankForLabelling(const std::vector<QueueClip>& candidates, const QueueOptions& options);

}  // namespace actionlens::predict
