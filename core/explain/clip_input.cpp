#include "core/explain/clip_input.h"

#include "core/train/batch_loader.h"

namespace actionlens::explain {

Result<ClipInput> prepareClipInput(const train::LabelledDataset& dataset, int clip, const train::ModelSnapshot& snapshot,
                                   train::RgbClipDecoder* videoClips) {
    if (clip < 0 || size_t(clip) >= dataset.clips.size())
        return makeError("clip " + std::to_string(clip) + " is not in the dataset (" + std::to_string(dataset.clips.size()) +
                         " clips)");
    const model::TrunkKind kind = snapshot.model.trunkKind;
    if (model::readsVideo(kind) && !videoClips)
        return makeError(std::string("the ") + model::trunkKindName(kind) + " model reads video frames, but no video decoder was given");
    if (model::readsSkeleton(kind) && dataset.layout.jointCount != snapshot.model.layout.jointCount)
        return makeError("the project's skeletons have " + std::to_string(dataset.layout.jointCount) + " joints (" +
                         dataset.layoutName + "), the model reads " + std::to_string(snapshot.model.layout.jointCount) +
                         " (" + snapshot.layoutName + ")");
    const train::LabelledClip& source = dataset.clips[size_t(clip)];
    const train::VideoViews views{videoClips, snapshot.model.video.frames, snapshot.model.video.size, nullptr, false};
    const train::PreparedBatch batch = train::assembleBatch(dataset, {clip}, snapshot.frames, {}, nullptr, 0,
                                                            model::readsVideo(kind) ? &views : nullptr);
    if (!batch.error.empty()) return makeError(batch.error);
    ClipInput out;
    if (model::readsSkeleton(kind)) out.skeleton = batch.batch;
    if (model::readsVideo(kind)) {
        out.video = batch.video;
        const train::RgbClipRequest request = train::rgbRequestOf(source, views);
        out.regionX = request.regionX;
        out.regionY = request.regionY;
        out.regionWidth = request.regionWidth;
        out.regionHeight = request.regionHeight;
    }
    out.videoId = source.videoId;
    out.videoPath = source.videoPath;
    out.subjectId = source.subjectId;
    out.segmentId = source.segmentId;
    out.firstFrame = source.firstFrame;
    out.segmentFrames = source.skeleton.frames;
    return out;
}

train::LabelledDataset datasetOfOneClip(const train::ModelSnapshot& snapshot, train::LabelledClip clip) {
    train::LabelledDataset out;
    out.taxonomyName = snapshot.taxonomyName;
    out.tasks = snapshot.tasks;
    out.hierarchy = snapshot.hierarchy;
    out.layoutName = snapshot.layoutName;
    out.layout = snapshot.model.layout;
    out.mirrorPairs = snapshot.mirrorPairs;
    clip.labels.resize(out.tasks.size(), -1);
    out.clips.push_back(std::move(clip));
    return out;
}

}  // namespace actionlens::explain
