#include "core/predict/video_prediction.h"

#include <filesystem>

namespace actionlens::predict {

namespace {

// One track's segments in video frames, labelled for every model task; the stored labels are
// those of the taxonomy's per-segment tasks that fit it (the group follows the action).
std::vector<SegmentPrediction> labelledSegments(const std::vector<train::PredictedSegment>& decoded, const clips::TrackSpan& track,
                                                const annotation::Video& video, const annotation::Taxonomy& taxonomy,
                                                const PredictionRequest& request) {
    const train::ModelSnapshot& snapshot = *request.snapshot;
    std::vector<SegmentPrediction> out;
    for (const train::PredictedSegment& s : decoded) {
        SegmentPrediction p;
        p.segment.videoId = video.id;
        p.segment.subjectId = track.subjectId;
        p.segment.firstFrame = track.firstFrame + s.firstFrame;
        p.segment.lastFrame = track.firstFrame + s.lastFrame;
        p.segment.annotator = request.annotator;
        // The segment task's: how sure the model is of the segment's action.
        p.segment.confidence = s.confidences[size_t(segmentTaskOf(snapshot))];
        for (size_t t = 0; t < snapshot.tasks.size(); ++t) {
            const std::string& task = snapshot.tasks[t].name;
            const std::string& value = snapshot.tasks[t].classNames[size_t(s.classes[t])];
            p.classes.push_back(value);
            p.confidences.push_back(s.confidences[t]);
            const annotation::TaskDefinition* definition = taxonomy.findTask(task);
            if (definition && definition->scope == annotation::TaskScope::Segment &&
                annotation::checkLabel(taxonomy, annotation::TaskScope::Segment, task, value).ok())
                p.segment.labels[task] = value;
        }
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace

std::vector<annotation::Segment> VideoPrediction::segmentsToStore() const {
    std::vector<annotation::Segment> out;
    for (const PredictedTrack& track : tracks)
        for (const SegmentPrediction& s : track.segments) out.push_back(s.segment);
    return out;
}

std::string modelAnnotator(const std::string& modelPath) {
    return annotation::kModelAnnotatorPrefix + std::filesystem::path(modelPath).filename().string();
}

int segmentTaskOf(const train::ModelSnapshot& snapshot) {
    int segmentTask = 0;
    for (size_t t = 0; t < snapshot.tasks.size(); ++t)
        if (snapshot.hierarchy && snapshot.tasks[t].name == snapshot.hierarchy->actionTask) segmentTask = int(t);
    return segmentTask;
}

Result<const annotation::SkeletonLayout*> modelLayout(const annotation::ProjectStore& store,
                                                      const train::ModelSnapshot& snapshot) {
    const annotation::SkeletonLayout* layout = store.skeletonLayout(snapshot.layoutName);
    if (!layout) return makeError("the project has no skeleton layout '" + snapshot.layoutName + "', which the model reads");
    return layout;
}

Result<VideoPrediction> predictVideo(annotation::ProjectStore& store, const annotation::Video& video,
                                     const annotation::SkeletonLayout& layout, const PredictionRequest& request,
                                     const PredictionCallbacks& callbacks) {
    if (!request.model || !request.snapshot) return makeError("no model to predict with");
    const train::ModelSnapshot& snapshot = *request.snapshot;
    Result<std::vector<clips::TrackSpan>> tracks = clips::tracksOfVideo(store, video.id, layout.id);
    if (!tracks) return tracks.takeError();
    // A model that reads only the frames needs no pose: a video without a track is one
    // whole-frame track of no subject (a subject's track places its crop where there is one).
    if (tracks->empty() && snapshot.model.trunkKind == model::TrunkKind::Video && video.frameCount > 0)
        tracks->push_back(clips::TrackSpan{0, 0, video.frameCount - 1});
    const int segmentTask = segmentTaskOf(snapshot);
    VideoPrediction out;
    for (const clips::TrackSpan& span : tracks.value()) {
        if (callbacks.shouldCancel && callbacks.shouldCancel()) {
            out.cancelled = true;
            return out;
        }
        // (Subject 0 has no stored poses: its track is all zeros, the whole frame.)
        Result<clips::SkeletonTrack> track = clips::readSkeletonTrack(store, video.id, span.subjectId, span.firstFrame,
                                                                      span.lastFrame, int(layout.joints.size()));
        if (!track) return track.takeError();
        train::SlidingWindowOptions windows = request.windows;
        if (request.videoClips) {
            windows.videoClips = request.videoClips;
            windows.videoPath = video.path;
            windows.videoId = video.id;
            windows.trackFirstFrame = span.firstFrame;
        }
        Result<train::TrackPrediction> prediction = train::predictTrack(*request.model, snapshot, track->skeleton, windows);
        if (!prediction) return prediction.takeError();
        PredictedTrack predicted;
        predicted.track = span;
        predicted.segments = labelledSegments(train::decodeSegments(prediction.value(), segmentTask, snapshot, request.decoding),
                                              span, video, store.taxonomy(), request);
        if (request.keepFrameProbabilities) predicted.frameProbabilities = std::move(prediction).value();
        out.tracks.push_back(std::move(predicted));
        if (callbacks.progress) callbacks.progress(int(out.tracks.size()), int(tracks->size()));
    }
    return out;
}

}  // namespace actionlens::predict
