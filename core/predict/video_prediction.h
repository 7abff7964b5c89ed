#pragma once

// A trained model over a project's video: every subject's skeleton track of the model's layout
// runs through core/train's sliding windows (predictTrack), and the segment task's per-frame
// probabilities become segments (decodeSegments), each labelled for every task of the model.
// What a project stores of a segment is the labels of the taxonomy's per-segment tasks (a
// subject's attributes stay on the subject), under the annotator "model:<model file name>".

#include "core/annotation/project_store.h"
#include "core/clips/skeleton_track.h"
#include "core/common/result.h"
#include "core/model/multi_task_model.h"
#include "core/train/model_snapshot.h"
#include "core/train/rgb_clip.h"
#include "core/train/sliding_window_prediction.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace actionlens::predict {

struct PredictionRequest {
    model::MultiTaskModel* model = nullptr;         // on the device it runs on (the caller places it)
    const train::ModelSnapshot* snapshot = nullptr; // the model file's description
    std::string annotator;                          // modelAnnotator(the model file)
    // Video and fusion models: where the frames come from (a skeleton model reads none).
    train::RgbClipDecoder* videoClips = nullptr;
    train::SlidingWindowOptions windows;            // window, stride, batch; the video fields are set per track
    train::SegmentDecoding decoding;
    bool keepFrameProbabilities = false;            // fills PredictedTrack::frameProbabilities
};

struct PredictionCallbacks {
    std::function<void(int, int)> progress;  // (tracks done, tracks of the video)
    std::function<bool()> shouldCancel;      // asked before each track
};

struct SegmentPrediction {
    // As the project stores it: video, subject, video frames (inclusive), annotator, the labels
    // of the taxonomy's per-segment tasks, and the segment task's confidence.
    annotation::Segment segment;
    std::vector<std::string> classes;  // per model task (the snapshot's order): the class's name
    std::vector<double> confidences;   // per model task: that class's mean probability over the segment
};

struct PredictedTrack {
    clips::TrackSpan track;  // subject 0: a video-only model over a whole video without poses
    std::vector<SegmentPrediction> segments;
    std::optional<train::TrackPrediction> frameProbabilities;  // track frames, when asked for
};

struct VideoPrediction {
    std::vector<PredictedTrack> tracks;  // by subject id
    bool cancelled = false;              // shouldCancel stopped it; `tracks` holds those done before

    // Every track's segments, in order: what replaceModelSegments stores.
    std::vector<annotation::Segment> segmentsToStore() const;
};

// "model:" and the model file's name: whose predictions a project's segments are.
std::string modelAnnotator(const std::string& modelPath);

// The task whose segments are decoded: the hierarchy's action task, else the model's first.
int segmentTaskOf(const train::ModelSnapshot& snapshot);

// The project's skeleton layout that the model reads, or an error naming it.
Result<const annotation::SkeletonLayout*> modelLayout(const annotation::ProjectStore& store,
                                                      const train::ModelSnapshot& snapshot);

// Predicts over every track of `layout` in `video` (clips::tracksOfVideo). A model that reads
// only the frames also predicts over a video without tracks: one whole-frame track of no
// subject. Errors come from the store, a track or the model, as they say them.
Result<VideoPrediction> predictVideo(annotation::ProjectStore& store, const annotation::Video& video,
                                     const annotation::SkeletonLayout& layout, const PredictionRequest& request,
                                     const PredictionCallbacks& callbacks = {});

}  // namespace actionlens::predict
